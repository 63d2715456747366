import type { PrincipalFacts } from "./principal-facts.js";

/**
 * How a resource-policy statement names the caller (iam-policy-evaluation.md §2.3, §3.1 step 4–5):
 * `named` — the user ARN / session ARN / user unique id: sufficient on its own, not cut by a
 * permissions boundary or session policy; `role` — the role ARN or unique id of the caller's role:
 * sufficient, but the boundary and session policies must also allow; `everyone` — `"*"`: as `role`;
 * `account` — the account id or its root ARN: delegates to the caller's identity policies.
 */
export type PrincipalGrade = "named" | "role" | "everyone" | "account";

const GRADE_RANK: Readonly<Record<PrincipalGrade, number>> = { named: 3, role: 2, everyone: 1, account: 0 };

export function strongerGrade(a: PrincipalGrade, b: PrincipalGrade): boolean {
  return GRADE_RANK[a] > GRADE_RANK[b];
}

/** A `Principal`/`NotPrincipal` element. Service, Federated and CanonicalUser entries never name a caller here. */
export interface CompiledPrincipal {
  readonly everyone: boolean;
  readonly aws: ReadonlySet<string>;
}

function strings(raw: unknown): string[] | undefined {
  if (typeof raw === "string") return [raw];
  if (Array.isArray(raw) && raw.every((v) => typeof v === "string")) return raw as string[];
  return undefined;
}

/** Undefined when the element is malformed: the statement then never applies. */
export function compilePrincipal(raw: unknown): CompiledPrincipal | undefined {
  if (raw === "*") return { everyone: true, aws: new Set() };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  let aws: string[] = [];
  for (const [type, value] of Object.entries(raw)) {
    const list = strings(value);
    if (list === undefined) return undefined;
    if (type === "AWS") aws = list;
  }
  return { everyone: aws.includes("*"), aws: new Set(aws.filter((v) => v !== "*")) };
}

/** The identifiers a resource policy may use for the caller, computed once per request. */
export interface CallerIdentifiers {
  readonly named: readonly string[];
  readonly role: readonly string[];
  readonly account: readonly string[];
}

/**
 * `principalIds`: the unique ids a policy's user/role ARNs were saved with (CompiledPolicy): the
 * caller's user or role ARN counts only when the saved id is the caller's own.
 */
export function callerIdentifiers(principal: PrincipalFacts, principalIds?: ReadonlyMap<string, string>): CallerIdentifiers {
  const partition = principal.arn.split(":")[1] || "aws";
  const account = [principal.accountId, `arn:${partition}:iam::${principal.accountId}:root`];
  const unique = principal.uniqueId === undefined ? [] : [principal.uniqueId];
  const saved = principalIds?.get(principal.principalArn);
  const entityArn = saved === undefined || saved === principal.uniqueId ? [principal.principalArn] : [];
  switch (principal.kind) {
    case "root":
      return { named: [], role: [], account };
    case "user":
      return { named: [...entityArn, ...unique], role: [], account };
    case "assumed-role":
      return { named: [principal.arn], role: [...entityArn, ...unique], account };
    default: {
      const unreachable: never = principal.kind;
      return unreachable;
    }
  }
}

/** The strongest way `principal` names the caller, or undefined when it does not. */
export function principalGrade(principal: CompiledPrincipal, caller: CallerIdentifiers): PrincipalGrade | undefined {
  const listed = (ids: readonly string[]) => ids.some((id) => principal.aws.has(id));
  if (listed(caller.named)) return "named";
  if (listed(caller.role)) return "role";
  if (principal.everyone) return "everyone";
  if (listed(caller.account)) return "account";
  return undefined;
}

/**
 * `NotPrincipal` (supported with Deny only, §2.3's project decision): the caller escapes the Deny
 * only when every identity it acts as is listed, as AWS documents — a user needs its ARN and its
 * account; a role session its session ARN, its role ARN and its account; root its account.
 * `"*"` lists everyone.
 */
export function notPrincipalExcludes(principal: CompiledPrincipal, caller: CallerIdentifiers): boolean {
  if (principal.everyone) return true;
  const listed = (ids: readonly string[]) => ids.some((id) => principal.aws.has(id));
  if (!listed(caller.account)) return false;
  if (caller.named.length > 0 && !listed(caller.named)) return false;
  if (caller.role.length > 0 && !listed(caller.role)) return false;
  return true;
}
