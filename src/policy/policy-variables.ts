import type { ConditionContext } from "./condition-context.js";
import type { PatternSegment } from "./wildcard.js";

type TemplatePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "variable"; readonly key: string; readonly fallback: string | undefined };

/**
 * A policy string that may hold variables (iam-policy-evaluation.md §6): `${key}`,
 * `${key, 'default'}` and the escapes `${*}`, `${?}`, `${$}`. `static` is set when nothing needs the
 * request context.
 */
export interface PolicyTemplate {
  readonly parts: readonly TemplatePart[];
  readonly static: readonly PatternSegment[] | undefined;
  /** Lower-cased keys the template refers to. */
  readonly keys: readonly string[];
  /** Whether an escape (`${*}`, `${?}`) put a character that must not act as a wildcard. */
  readonly hasEscapes: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { "*": "*", "?": "?", $: "$" };
// `${aws:PrincipalTag/team, 'shared'}`: the default is a single-quoted string after a comma.
const VARIABLE = /^\s*([^\s,']+)\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Parses `text`; with `substitute` false (Version 2008-10-17 or absent, §1) the whole text is a
 * pattern and `${aws:username}` stays a literal string.
 */
export function parseTemplate(text: string, substitute: boolean): PolicyTemplate {
  if (!substitute || !text.includes("${")) {
    const segments = [{ text, literal: false }];
    return { parts: [{ kind: "text", text }], static: segments, keys: [], hasEscapes: false };
  }
  const parts: TemplatePart[] = [];
  let pending = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("${", i);
    const close = open === -1 ? -1 : text.indexOf("}", open + 2);
    if (open === -1 || close === -1) {
      pending += text.slice(i);
      break;
    }
    pending += text.slice(i, open);
    const inner = text.slice(open + 2, close);
    const escape = ESCAPES[inner];
    const variable = escape === undefined ? VARIABLE.exec(inner) : null;
    if (escape !== undefined || variable !== null) {
      if (pending !== "") parts.push({ kind: "text", text: pending });
      pending = "";
      if (escape !== undefined) parts.push({ kind: "literal", text: escape });
      else if (variable !== null) {
        parts.push({ kind: "variable", key: (variable[1] ?? "").toLowerCase(), fallback: variable[2] });
      }
    } else {
      pending += text.slice(open, close + 1);
    }
    i = close + 1;
  }
  if (pending !== "") parts.push({ kind: "text", text: pending });
  const keys = parts.flatMap((p) => (p.kind === "variable" ? [p.key] : []));
  const segments = keys.length === 0 ? resolveParts(parts, undefined) : undefined;
  return { parts, static: segments, keys, hasEscapes: parts.some((p) => p.kind === "literal") };
}

/**
 * The template with its variables replaced from the request context, or undefined when one cannot
 * be resolved: the key is absent and there is no default, or the key is multivalued (§6: such a
 * variable never resolves, and its default is not used while the key is present). A resolved value
 * is pattern text: a `*` in a tag value acts as a wildcard (§6).
 */
export function resolveTemplate(
  template: PolicyTemplate,
  context: ConditionContext,
): readonly PatternSegment[] | undefined {
  return template.static ?? resolveParts(template.parts, context);
}

function resolveParts(parts: readonly TemplatePart[], context: ConditionContext | undefined): PatternSegment[] | undefined {
  const segments: PatternSegment[] = [];
  for (const part of parts) {
    if (part.kind !== "variable") {
      segments.push({ text: part.text, literal: part.kind === "literal" });
      continue;
    }
    const value = context?.get(part.key);
    if (typeof value === "string") segments.push({ text: value, literal: false });
    else if (value === undefined && part.fallback !== undefined) segments.push({ text: part.fallback, literal: false });
    else return undefined;
  }
  return segments;
}

export function segmentsText(segments: readonly PatternSegment[]): string {
  return segments.length === 1 ? (segments[0]?.text ?? "") : segments.map((s) => s.text).join("");
}

/** The resolved template as one string (escapes as their characters), or undefined as above. */
export function resolveTemplateText(template: PolicyTemplate, context: ConditionContext): string | undefined {
  let text = "";
  for (const part of template.parts) {
    if (part.kind !== "variable") {
      text += part.text;
      continue;
    }
    const value = context.get(part.key);
    if (typeof value === "string") text += value;
    else if (value === undefined && part.fallback !== undefined) text += part.fallback;
    else return undefined;
  }
  return text;
}
