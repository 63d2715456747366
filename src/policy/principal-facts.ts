import type { ContextValue } from "./condition-context.js";

/**
 * The caller, as authorization needs it. The identifiers a resource policy's `Principal` may name
 * (iam-policy-evaluation.md §2.3) follow from `kind`: users are named by `arn` or `uniqueId`; role
 * sessions by `arn` (the session ARN) or, for every session of the role, by `principalArn` (the role
 * ARN) or `uniqueId` (the role's `AROA…` id); every principal by its account id or the account's
 * root ARN.
 */
export interface PrincipalFacts {
  readonly kind: "root" | "user" | "assumed-role";
  /** The ARN in denial messages: user ARN, session ARN, or `arn:aws:iam::<acct>:root`. */
  readonly arn: string;
  /** `aws:PrincipalArn`: the role ARN (with its path) for role sessions, else `arn`. */
  readonly principalArn: string;
  readonly accountId: string;
  /** `aws:userid`: `AIDA…`, `AROA…:<session>`, or the account id for root. */
  readonly userId: string;
  /** The user's or role's unique id (`AIDA…`/`AROA…`), which saved resource policies may hold. */
  readonly uniqueId?: string;
  readonly userName?: string;
  /** User tags, or the role's tags overridden by session tags (§7). */
  readonly tags?: Readonly<Record<string, string>>;
  /** Temporary credentials: issue time, ISO 8601 (`aws:TokenIssueTime`). */
  readonly tokenIssueTime?: string;
  /** Temporary credentials: whether MFA was presented when they were issued. */
  readonly multiFactorAuthPresent?: boolean;
  readonly sourceIdentity?: string;
}

const PRINCIPAL_TYPE = { root: "Account", user: "User", "assumed-role": "AssumedRole" } as const;

/** The global condition keys of §7 that derive from the principal. */
export function principalContext(principal: PrincipalFacts): Readonly<Record<string, ContextValue>> {
  let context = principalContexts.get(principal);
  if (context === undefined) {
    context = buildPrincipalContext(principal);
    principalContexts.set(principal, context);
  }
  return context;
}

/** Facts are immutable and cached with the caller's authority: their keys are made once per facts object. */
const principalContexts = new WeakMap<PrincipalFacts, Readonly<Record<string, ContextValue>>>();

function buildPrincipalContext(principal: PrincipalFacts): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    "aws:PrincipalArn": principal.principalArn,
    "aws:PrincipalAccount": principal.accountId,
    "aws:PrincipalType": PRINCIPAL_TYPE[principal.kind],
    "aws:userid": principal.userId,
  };
  // §6: `${aws:username}` exists only for IAM users (and their GetSessionToken sessions).
  if (principal.kind === "user" && principal.userName !== undefined) context["aws:username"] = principal.userName;
  for (const [key, value] of Object.entries(principal.tags ?? {})) context[`aws:PrincipalTag/${key}`] = value;
  // §7: absent for long-term keys, "false" for sessions issued without MFA.
  if (principal.tokenIssueTime !== undefined) {
    context["aws:TokenIssueTime"] = principal.tokenIssueTime;
    context["aws:MultiFactorAuthPresent"] = String(principal.multiFactorAuthPresent ?? false);
  }
  if (principal.sourceIdentity !== undefined) context["aws:SourceIdentity"] = principal.sourceIdentity;
  return context;
}
