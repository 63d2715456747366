import { compileCondition, type CompiledCondition } from "./condition-block.js";
import { CompiledPolicyCache } from "./compiled-cache.js";
import type { CompiledDocument, CompiledPolicy, CompiledStatement, PolicySource, ResourceEntry } from "./compiled-policy.js";
import { parseTemplate } from "./policy-variables.js";
import { compilePrincipal } from "./principal-match.js";
import { compileWildcard, compileWildcardText, type Matcher, MatcherMemo } from "./wildcard.js";

const sharedCache = new CompiledPolicyCache();

/**
 * A policy document compiled for evaluation: parsed once, action patterns lower-cased, resource
 * patterns compiled (those holding variables are resolved per request), conditions compiled. Equal
 * texts share one compiled document through `cache`. Stored documents were validated on write
 * (validate-document.ts); anything this cannot understand makes its statement inert rather than
 * throwing, and text that is not a JSON object compiles to a policy with no statements.
 */
export function compilePolicy(text: string, source: PolicySource, cache: CompiledPolicyCache = sharedCache): CompiledPolicy {
  const document = cache.getOrCompile(text, compileDocument);
  return {
    source,
    version: document.version,
    statements: document.statements,
    referencesResourceTags: document.referencesResourceTags,
    malformed: document.malformed,
  };
}

const RESOURCE_TAG_KEY = /^[a-z0-9-]+:resourcetag\//;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(raw: unknown): string[] | undefined {
  if (typeof raw === "string") return [raw];
  if (Array.isArray(raw) && raw.length > 0 && raw.every((v) => typeof v === "string")) return raw as string[];
  return undefined;
}

function compileDocument(text: string): CompiledDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) return { version: undefined, statements: [], referencesResourceTags: false, malformed: true };
  const version = typeof parsed["Version"] === "string" ? parsed["Version"] : undefined;
  const substitute = version === "2012-10-17";
  const rawStatements = parsed["Statement"];
  const list: unknown[] = Array.isArray(rawStatements) ? rawStatements : rawStatements === undefined ? [] : [rawStatements];
  const statements = list.map((raw, index) => compileStatement(raw, index, substitute));
  const referencesResourceTags = statements.some((s) => s.tagKeys.some((k) => RESOURCE_TAG_KEY.test(k)));
  return { version, statements: statements.map((s) => s.statement), referencesResourceTags, malformed: false };
}

const INERT: Omit<CompiledStatement, "index" | "sid" | "effect"> = {
  inert: true,
  exactActions: new Set(),
  actionPatterns: [],
  notAction: false,
  resources: undefined,
  notResource: false,
  principal: undefined,
  notPrincipal: false,
  conditions: [],
};

function compileActions(raw: unknown): { exactActions: Set<string>; actionPatterns: Matcher[] } | undefined {
  const list = stringList(raw)?.map((a) => a.toLowerCase());
  if (list === undefined) return undefined;
  const wild = (a: string) => a.includes("*") || a.includes("?");
  return {
    exactActions: new Set(list.filter((a) => !wild(a))),
    actionPatterns: list.filter(wild).map((a) => compileWildcardText(a, "plain")),
  };
}

function compileResources(raw: unknown, substitute: boolean): ResourceEntry[] | undefined {
  return stringList(raw)?.map((r) => {
    const template = parseTemplate(r, substitute);
    return template.static !== undefined
      ? { template, matcher: compileWildcard(template.static, "plain"), memo: undefined }
      : { template, matcher: undefined, memo: new MatcherMemo("plain") };
  });
}

function compileConditions(raw: unknown, substitute: boolean): CompiledCondition[] | undefined {
  if (raw === undefined) return [];
  if (!isRecord(raw)) return undefined;
  const out: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(raw)) {
    if (!isRecord(block)) return undefined;
    for (const [key, values] of Object.entries(block)) out.push(compileCondition(operator, key, values, substitute));
  }
  return out;
}

function compileStatement(raw: unknown, index: number, substitute: boolean): { statement: CompiledStatement; tagKeys: string[] } {
  if (!isRecord(raw)) return { statement: { ...INERT, index, sid: undefined, effect: "Allow" }, tagKeys: [] };
  const sid = typeof raw["Sid"] === "string" ? raw["Sid"] : undefined;
  const effect = raw["Effect"];
  const notAction = raw["NotAction"] !== undefined;
  const actions = compileActions(notAction ? raw["NotAction"] : raw["Action"]);
  const notResource = raw["NotResource"] !== undefined;
  const resourceRaw = notResource ? raw["NotResource"] : raw["Resource"];
  const resources = resourceRaw === undefined ? undefined : compileResources(resourceRaw, substitute);
  const notPrincipal = raw["NotPrincipal"] !== undefined;
  const principalRaw = notPrincipal ? raw["NotPrincipal"] : raw["Principal"];
  const principal = principalRaw === undefined ? undefined : compilePrincipal(principalRaw);
  const conditions = compileConditions(raw["Condition"], substitute);
  const inert =
    (effect !== "Allow" && effect !== "Deny") ||
    actions === undefined ||
    (resourceRaw !== undefined && resources === undefined) ||
    (principalRaw !== undefined && principal === undefined) ||
    conditions === undefined ||
    conditions.some((c) => c.operator === undefined) ||
    // §2.3 project decision: NotPrincipal is honoured in Deny statements only.
    (notPrincipal && effect === "Allow");
  const tagKeys = [
    ...(conditions ?? []).flatMap((c) => [c.key, ...c.variableKeys]),
    ...(resources ?? []).flatMap((r) => r.template.keys),
  ];
  const statement: CompiledStatement = {
    index,
    sid,
    effect: effect === "Deny" ? "Deny" : "Allow",
    inert,
    exactActions: actions?.exactActions ?? new Set(),
    actionPatterns: actions?.actionPatterns ?? [],
    notAction,
    resources,
    notResource,
    principal,
    notPrincipal,
    conditions: conditions ?? [],
  };
  return { statement, tagKeys };
}
