import { parseOperator } from "./condition-operator.js";
import { parseNumber } from "./condition-block.js";
import { parseDateValue } from "./date-value.js";
import { type PolicyObject, parsePolicySyntax, type StatementObject } from "./policy-syntax.js";
import { resourceFormatProblem } from "./resource-format.js";

/**
 * Which rules of iam-sts.md §10 apply: identity policies attached inline (`inline`) or as managed
 * policies (`managed`, which must say Version 2012-10-17), role trust policies (`trust`), STS session
 * policies (`session`), and other resource policies (`resource`: KMS key policies, parameter policies).
 */
export type PolicyDocumentKind = "inline" | "managed" | "trust" | "session" | "resource";

// moto's list of what a trust policy statement may allow (`IAMTrustPolicyDocumentValidator`).
const TRUST_ACTIONS = new Set([
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
  "sts:DecodeAuthorizationMessage",
  "sts:GetAccessKeyInfo",
  "sts:GetCallerIdentity",
  "sts:GetFederationToken",
  "sts:GetServiceBearerToken",
  "sts:GetSessionToken",
  "sts:SetSourceIdentity",
  "sts:TagSession",
]);

function list(v: unknown): string[] {
  return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : [];
}

function isIdentityKind(kind: PolicyDocumentKind): boolean {
  return kind === "inline" || kind === "managed" || kind === "session";
}

/** Rule 3: the exact Effect spelling, and Date/Numeric condition values that parse. */
function legacyParsingFails(statement: StatementObject): boolean {
  if (statement["Effect"] !== "Allow" && statement["Effect"] !== "Deny") return true;
  const condition = statement["Condition"];
  if (typeof condition !== "object" || condition === null) return false;
  for (const [name, block] of Object.entries(condition)) {
    const family = parseOperator(name)?.family;
    const parse = family === "date" ? parseDateValue : family === "numeric" ? parseNumber : undefined;
    if (parse === undefined) continue;
    for (const values of Object.values(block as Record<string, unknown>)) {
      const all: unknown[] = Array.isArray(values) ? values : [values];
      if (all.some((v) => parse(String(v)) === undefined)) return true;
    }
  }
  return false;
}

/** Rule 7 for one action, moto's checks and messages. */
function actionProblem(action: string): string | undefined {
  const parts = action.split(":");
  if (parts.length === 1 && parts[0] !== "*") return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
  if (parts.length > 2) return "Actions/Condition can contain only one colon.";
  const vendor = parts[0] ?? "";
  if (vendor !== "*" && /[^a-zA-Z0-9\-.]/.test(vendor)) return `Vendor ${vendor} is not valid`;
  return undefined;
}

function firstProblem(statements: readonly StatementObject[], problem: (s: StatementObject) => string | undefined): string | undefined {
  for (const s of statements) {
    const p = problem(s);
    if (p !== undefined) return p;
  }
  return undefined;
}

function trustProblem(statements: readonly StatementObject[]): string | undefined {
  // Unverified wording. AWS's NotPrincipal page: NotPrincipal cannot be used in a role trust policy,
  // so it does not stand in for the required Principal.
  if (statements.some((s) => !("Principal" in s))) return "Missing required field Principal.";
  if (statements.some((s) => "Resource" in s || "NotResource" in s)) return "Has prohibited field Resource.";
  if (statements.some((s) => !("Action" in s) || list(s["Action"]).some((a) => !TRUST_ACTIONS.has(a)))) {
    return "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity";
  }
  return undefined;
}

function ruleProblems(policy: PolicyObject, kind: PolicyDocumentKind): string | undefined {
  const { statements } = policy;
  // Rule 2.
  if (kind === "managed" && policy.version !== "2012-10-17") return "Policy document must be version 2012-10-17 or greater.";
  // Rule 3.
  if (statements.some(legacyParsingFails)) return "The policy failed legacy parsing";
  // Rule 4.
  const sids = statements.map((s) => s["Sid"]).filter((sid): sid is string => typeof sid === "string" && sid !== "");
  if (new Set(sids).size !== sids.length) return "Statement IDs (SID) in a single policy must be unique.";
  // Rule 5. KMS key policies accept statements without actions, which then grant nothing (kms.md §9.2).
  if (kind !== "resource" && statements.some((s) => !("Action" in s) && !("NotAction" in s))) return "Policy statement must contain actions.";
  // Rule 6.
  const resourceProblem = firstProblem(statements, (s) =>
    [...list(s["Resource"]), ...list(s["NotResource"])].map(resourceFormatProblem).find((p) => p !== undefined),
  );
  if (resourceProblem !== undefined) return resourceProblem;
  // Rule 7.
  const actionMessage = firstProblem(statements, (s) =>
    [...list(s["Action"]), ...list(s["NotAction"])].map(actionProblem).find((p) => p !== undefined),
  );
  if (actionMessage !== undefined) return actionMessage;
  // Rule 8.
  if (isIdentityKind(kind) && statements.some((s) => !("Resource" in s) && !("NotResource" in s))) return "Policy statement must contain resources.";
  // Rule 9.
  if (kind === "trust") return trustProblem(statements);
  // Rule 10.
  if (isIdentityKind(kind) && statements.some((s) => "Principal" in s || "NotPrincipal" in s)) return "Policy document should not specify a principal.";
  // kms.md §9.2: every key policy statement names a principal (unverified wording).
  if (kind === "resource" && statements.some((s) => !("Principal" in s) && !("NotPrincipal" in s))) {
    return "Policy contains a statement with one or more invalid principals.";
  }
  return undefined;
}

/**
 * AWS's MalformedPolicyDocument message for the first problem of a policy document, in the order of
 * iam-sts.md §10, or undefined when the document is acceptable. Whether principal ARNs exist (rule
 * 9's last sentence, kms.md §9.2) needs the account's state and is left to the caller.
 */
export function policyDocumentProblem(text: string, kind: PolicyDocumentKind): string | undefined {
  const policy = parsePolicySyntax(text);
  return typeof policy === "string" ? policy : ruleProblems(policy, kind);
}
