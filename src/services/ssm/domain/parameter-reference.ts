import { invalidNameSyntax, invalidSelectorSyntax, secretsManagerArnNotAllowed } from "../../../errors/ssm-errors.js";
import { canonicalKey, parseParameterName, trimName, type ParameterScope } from "./parameter-name.js";

/** Which version a reference asks for (§2.6). */
export type Selection =
  | { readonly kind: "latest" }
  /** `text` is the number without leading zeros, for ParameterVersionNotFound's message. */
  | { readonly kind: "version"; readonly version: number; readonly text: string }
  | { readonly kind: "label"; readonly label: string };

/**
 * `parameter`: an ordinary name. `public`: `/aws/service/…`, AWS-published and read-only (§7.1).
 * `secretsmanager`: `/aws/reference/secretsmanager/…`, a pass-through to Secrets Manager (§7.2).
 * paramstore serves neither read-only namespace's contents yet: callers answer them as absent.
 */
export type Namespace = "parameter" | "public" | "secretsmanager";

/** What GetParameter, GetParameters and GetParameterHistory accept as `Name`, parsed. */
export interface ParameterReference {
  /** The name as requested, without selector; for an ARN, the parameter name (`p1`, `/a/b`). */
  readonly name: string;
  readonly key: string;
  /** `":" + selector text exactly as sent`, for the `Selector` member; null when none was given. */
  readonly selector: string | null;
  readonly selection: Selection;
  readonly namespace: Namespace;
  /**
   * True for an ARN naming another account, region or partition. paramstore does not share
   * parameters across accounts, so the caller answers ParameterNotFound (§2.5, unverified) — the
   * same as for a parameter that does not exist, so a foreign ARN reveals nothing.
   */
  readonly foreign: boolean;
}

const PUBLIC_PREFIX = "/aws/service/";
const SECRETS_PREFIX = "/aws/reference/secretsmanager/";

export function isPublicParameterName(name: string): boolean {
  return canonicalKey(name).startsWith(PUBLIC_PREFIX);
}

/** The leading slash is optional: `aws/reference/secretsmanager/x` works too (§7.2). */
export function isSecretsManagerReference(name: string): boolean {
  return canonicalKey(name).startsWith(SECRETS_PREFIX);
}

/** True for names nobody may write, delete, label or tag (§2.2, §7). */
export function isReadOnlyNamespace(name: string): boolean {
  return isPublicParameterName(name) || isSecretsManagerReference(name);
}

export function parseParameterReference(raw: string, scope: ParameterScope): ParameterReference {
  const text = trimName(raw);
  if (text.startsWith("arn:")) return parseArnReference(text, scope);
  const [name, selector] = splitSelector(text.split(":"));
  return { ...build(name, selector), foreign: false };
}

/** `name` or `name:selector`; an empty selector or a second `:` is the selector-syntax error. */
function splitSelector(parts: readonly string[]): [string, string | null] {
  const [name = "", selector, ...rest] = parts;
  if (rest.length > 0 || selector === "") throw invalidSelectorSyntax();
  return [name, selector ?? null];
}

function parseArnReference(arn: string, scope: ParameterScope): ParameterReference {
  const [, partition, service, region, account, resource = "", ...tail] = arn.split(":");
  if (service === "secretsmanager") throw secretsManagerArnNotAllowed();
  if (service !== "ssm" || !resource.startsWith("parameter/")) throw invalidNameSyntax();
  const [, selector] = splitSelector(["", ...tail]);
  const path = resource.slice("parameter/".length);
  // The ARN drops the slash of a top-level name; the response names it without one (§2.5).
  const name = path.includes("/") ? `/${path}` : path;
  const ref = build(name, selector);
  const publicArn = account === "" && ref.namespace === "public";
  const foreign =
    partition !== scope.partition || region !== scope.region || (account !== scope.account && !publicArn);
  return { ...ref, foreign };
}

function build(name: string, selector: string | null): Omit<ParameterReference, "foreign"> {
  const selection = selectionOf(selector);
  if (isSecretsManagerReference(name)) {
    // Secret ids allow characters parameter names do not (`+=@`); Secrets Manager judges them.
    return { name, key: canonicalKey(name), selector: echo(selector), selection, namespace: "secretsmanager" };
  }
  const parsed = parseParameterName(name, "read");
  const namespace: Namespace = isPublicParameterName(parsed.name) ? "public" : "parameter";
  return { name: parsed.name, key: parsed.key, selector: echo(selector), selection, namespace };
}

const echo = (selector: string | null): string | null => (selector === null ? null : `:${selector}`);

/** All digits is a version (leading zeros allowed, any size); anything else, `-1` included, a label. */
function selectionOf(selector: string | null): Selection {
  if (selector === null) return { kind: "latest" };
  if (!/^\d+$/.test(selector)) return { kind: "label", label: selector };
  const text = selector.replace(/^0+(?=\d)/, "");
  return { kind: "version", version: Number(text), text };
}
