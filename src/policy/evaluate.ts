/**
 * The authorization decision of iam-policy-evaluation.md §3, as a pure function of the request and
 * the compiled policies that apply to it.
 *
 * A statement applies when its action, resource, principal (resource-based policies only) and every
 * condition match. A statement the compiler marked inert (unknown operator, malformed element, an
 * Allow with NotPrincipal — NotPrincipal is honoured with Deny only) never applies. Then:
 *
 * 1. `sts:GetCallerIdentity` is always allowed (§3.1).
 * 2. Explicit deny: a Deny that applies in an identity policy, a session policy or the permissions
 *    boundary (→ `explicit-deny-identity`), or in the resource policy (→ `explicit-deny-resource`)
 *    decides at once. For root only the resource policy counts: identity-side policies do not
 *    restrict root (§3.1 last paragraph).
 * 3. The resource policy's Allows are graded by how they name the caller (principal-match.ts):
 *    `named` (user / session ARN), `role`, `everyone` (`"*"`), `account` (delegates to IAM).
 * 4. Mode `standard`: a `named` Allow suffices alone. Otherwise an identity Allow or a `role` /
 *    `everyone` resource Allow is needed (→ `no-identity-allow`), and then a present permissions
 *    boundary must Allow (→ `no-boundary-allow`) and present session policies must Allow
 *    (→ `no-session-allow`) (§3.1 steps 4–5, with the same-account exception for named principals).
 * 5. Modes `kms-key` (§3.2) and `role-trust` (§3.3): the resource policy is the gate — without an
 *    Allow there it is `no-resource-allow`. A `named` Allow suffices; a `role`/`everyone` Allow is
 *    then cut by boundary and session policies as above; an `account` Allow delegates: the identity
 *    policies must Allow (→ `no-identity-allow`), then boundary and session policies.
 *    Root passes the gate with any Allow that names it, the account included.
 *
 * The deciding statement (the denying one, or the allowing one the decision rests on) is returned
 * for the audit trail. Statement and policy order never change the decision, only which of several
 * equally deciding statements is reported (the first in the order identity, session, boundary,
 * resource).
 */
import type { CompiledPolicy, CompiledStatement, PolicySource } from "./compiled-policy.js";
import type { ConditionContext } from "./condition-context.js";
import { conditionHolds } from "./condition-block.js";
import type { PrincipalFacts } from "./principal-facts.js";
import { type CallerIdentifiers, callerIdentifiers, notPrincipalExcludes, type PrincipalGrade, principalGrade, strongerGrade } from "./principal-match.js";
import { templateMatches } from "./template-match.js";

export type EvaluationMode = "standard" | "kms-key" | "role-trust";

export interface AuthorizationRequest {
  readonly principal: PrincipalFacts;
  /** `service:Action` as AWS names it (`ssm:GetParameter`); matched case-insensitively. */
  readonly action: string;
  /** The ARN authorised (iam-policy-evaluation.md §8.1), matched case-sensitively. */
  readonly resource: string;
  /** Condition keys: `principalContext(principal)` plus the request's own keys. */
  readonly context: ConditionContext;
}

export interface PolicySet {
  readonly mode: EvaluationMode;
  readonly identity: readonly CompiledPolicy[];
  /** The KMS key policy (`kms-key`), the role's trust policy (`role-trust`), or a resource policy. */
  readonly resource?: CompiledPolicy;
  /** Session policies of a role session; an empty or absent list means none were passed. */
  readonly session?: readonly CompiledPolicy[];
  readonly boundary?: CompiledPolicy;
}

export type DecisionReason =
  | "allow"
  | "explicit-deny-identity"
  | "explicit-deny-resource"
  | "no-identity-allow"
  | "no-resource-allow"
  | "no-session-allow"
  | "no-boundary-allow";

export interface DecidingStatement {
  readonly source: PolicySource;
  readonly sid?: string;
  readonly index: number;
}

export interface Decision {
  readonly allowed: boolean;
  readonly reason: DecisionReason;
  readonly statement?: DecidingStatement;
}

interface Prepared {
  readonly action: string;
  readonly resource: string;
  readonly context: ConditionContext;
}

interface Found {
  readonly policy: CompiledPolicy;
  readonly statement: CompiledStatement;
}

interface Scan {
  deny?: Found;
  allow?: Found;
  grade?: PrincipalGrade;
}

function resourceMatches(statement: CompiledStatement, policy: CompiledPolicy, request: Prepared): boolean {
  const entries = statement.resources;
  // Trust policies have no Resource: their statements are about the role itself (§1).
  if (entries === undefined) return policy.source.kind === "trust";
  let hit = false;
  for (const entry of entries) {
    // §2.2: a variable that cannot be resolved makes its entry match nothing.
    hit =
      entry.matcher !== undefined
        ? entry.matcher(request.resource)
        : entry.memo !== undefined && templateMatches(entry.template, "plain", entry.memo, request.context, request.resource);
    if (hit) break;
  }
  return hit !== statement.notResource;
}

/** Action, resource and conditions; the principal is the caller's business. */
function applies(statement: CompiledStatement, policy: CompiledPolicy, request: Prepared): boolean {
  if (statement.inert) return false;
  let actionHit = statement.exactActions.has(request.action);
  if (!actionHit) {
    for (const m of statement.actionPatterns) {
      if (m(request.action)) {
        actionHit = true;
        break;
      }
    }
  }
  if (actionHit === statement.notAction) return false;
  if (!resourceMatches(statement, policy, request)) return false;
  for (const c of statement.conditions) if (!conditionHolds(c, request.context)) return false;
  return true;
}

/** Identity-side policies: Principal elements play no part. Stops at the first applicable Deny. */
function scanIdentity(policies: readonly CompiledPolicy[], request: Prepared): Scan {
  const scan: Scan = {};
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (statement.effect === "Allow" && scan.allow !== undefined) continue;
      if (!applies(statement, policy, request)) continue;
      if (statement.effect === "Deny") return { deny: { policy, statement } };
      scan.allow = { policy, statement };
    }
  }
  return scan;
}

/** The resource policy: statements apply only to the principals they name. Keeps the strongest Allow. */
function scanResource(policy: CompiledPolicy, request: Prepared, caller: CallerIdentifiers): Scan {
  const scan: Scan = {};
  for (const statement of policy.statements) {
    const named = statement.principal;
    if (named === undefined) continue;
    if (statement.effect === "Deny") {
      const covers = statement.notPrincipal ? !notPrincipalExcludes(named, caller) : principalGrade(named, caller) !== undefined;
      if (covers && applies(statement, policy, request)) return { deny: { policy, statement } };
      continue;
    }
    const grade = principalGrade(named, caller);
    if (grade === undefined || (scan.grade !== undefined && !strongerGrade(grade, scan.grade))) continue;
    if (!applies(statement, policy, request)) continue;
    scan.allow = { policy, statement };
    scan.grade = grade;
  }
  return scan;
}

function deciding(found: Found | undefined): DecidingStatement | undefined {
  if (found === undefined) return undefined;
  const { policy, statement } = found;
  return statement.sid === undefined
    ? { source: policy.source, index: statement.index }
    : { source: policy.source, sid: statement.sid, index: statement.index };
}

function decision(reason: DecisionReason, found?: Found): Decision {
  const statement = deciding(found);
  const allowed = reason === "allow";
  return statement === undefined ? { allowed, reason } : { allowed, reason, statement };
}

export function evaluate(request: AuthorizationRequest, policies: PolicySet): Decision {
  const prepared: Prepared = { action: request.action.toLowerCase(), resource: request.resource, context: request.context };
  // §3.1: GetCallerIdentity needs no permission and no Deny blocks it.
  if (prepared.action === "sts:getcalleridentity") return decision("allow");
  const gated = policies.mode !== "standard";
  const resource = policies.resource === undefined ? {} : scanResource(policies.resource, prepared, callerIdentifiers(request.principal, policies.resource.principalIds));

  if (request.principal.kind === "root") {
    if (resource.deny !== undefined) return decision("explicit-deny-resource", resource.deny);
    if (gated && resource.allow === undefined) return decision("no-resource-allow");
    return decision("allow", resource.allow);
  }

  const identity = scanIdentity(policies.identity, prepared);
  if (identity.deny !== undefined) return decision("explicit-deny-identity", identity.deny);
  const sessions = policies.session ?? [];
  const session = sessions.length > 0 ? scanIdentity(sessions, prepared) : undefined;
  if (session?.deny !== undefined) return decision("explicit-deny-identity", session.deny);
  const boundary = policies.boundary === undefined ? undefined : scanIdentity([policies.boundary], prepared);
  if (boundary?.deny !== undefined) return decision("explicit-deny-identity", boundary.deny);
  if (resource.deny !== undefined) return decision("explicit-deny-resource", resource.deny);

  if (resource.grade === "named") return decision("allow", resource.allow);
  if (gated && resource.allow === undefined) return decision("no-resource-allow");
  const direct = resource.grade === "role" || resource.grade === "everyone";
  if (!direct && identity.allow === undefined) return decision("no-identity-allow");
  if (boundary !== undefined && boundary.allow === undefined) return decision("no-boundary-allow");
  if (session !== undefined && session.allow === undefined) return decision("no-session-allow");
  return decision("allow", direct ? resource.allow : identity.allow);
}

/** Whether any policy of the set reads resource tags: only then need the caller fetch them. */
export function policySetReferencesResourceTags(policies: PolicySet): boolean {
  const all = [...policies.identity, ...(policies.session ?? [])];
  if (policies.resource !== undefined) all.push(policies.resource);
  if (policies.boundary !== undefined) all.push(policies.boundary);
  return all.some((p) => p.referencesResourceTags);
}
