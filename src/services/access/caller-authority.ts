import { compilePolicy } from "../../policy/compile-policy.js";
import type { CompiledPolicy, PolicySource } from "../../policy/compiled-policy.js";
import type { PrincipalFacts } from "../../policy/principal-facts.js";
import type { Principal } from "../../iam/principal.js";
import type { IamPrincipalRef, IdentityPolicy, IdentityPolicySource, PrincipalPolicies } from "../../storage/iam-ports.js";
import type { Storage, Tag } from "../../storage/ports.js";
import { awsManagedPolicy } from "../iam/aws-managed-policies.js";
import { isoSeconds } from "../../platform/iso-seconds.js";

/** What the policy engine needs about a caller: who it is, and every identity-side policy that applies. */
export interface CallerAuthority {
  readonly facts: PrincipalFacts;
  readonly identity: readonly CompiledPolicy[];
  /** Session policies passed to AssumeRole; absent when none were. */
  readonly session?: readonly CompiledPolicy[];
  readonly boundary?: CompiledPolicy;
}

/** The session facts a role session or GetSessionToken session carries (from the STS session record). */
export interface SessionFacts {
  readonly issuedAt: number;
  readonly sessionPolicy?: string;
  readonly sessionPolicyArns: readonly string[];
  readonly tags: readonly Tag[];
  readonly sourceIdentity?: string;
}

/**
 * Loads a caller's authority from IAM storage in one read and compiles its policies (compilation is
 * cached by document text). Root is not subject to identity policies: its authority is empty.
 */
export async function loadCallerAuthority(
  storage: Storage,
  principal: Principal,
  session: SessionFacts | undefined,
): Promise<CallerAuthority | undefined> {
  if (principal.kind === "root" || principal.kind === "system") {
    return { facts: rootFacts(principal), identity: [] };
  }
  const ref = principalRef(principal);
  if (ref === undefined) return undefined;
  const loaded = await storage.read(async (tx) => {
    const policies = await tx.principalPolicies(ref);
    if (policies === undefined) return undefined;
    const sessionDocs = await Promise.all(
      (session?.sessionPolicyArns ?? []).map(async (arn) => ({ arn, document: await managedDocument(tx, arn) })),
    );
    const boundaryArn = policies.user?.permissionsBoundary ?? policies.role?.permissionsBoundary;
    const boundary = boundaryArn === undefined ? undefined : { arn: boundaryArn, document: await managedDocument(tx, boundaryArn) };
    return { policies, sessionDocs, boundary };
  });
  if (loaded === undefined) return undefined;
  const { policies, sessionDocs, boundary } = loaded;
  const identity = policies.policies.flatMap((p) => {
    const compiled = compileIdentityPolicy(p);
    return compiled === undefined ? [] : [compiled];
  });
  const sessionPolicies: CompiledPolicy[] = [];
  if (session?.sessionPolicy !== undefined) sessionPolicies.push(compilePolicy(session.sessionPolicy, { kind: "session" }));
  for (const { arn, document } of sessionDocs) {
    // A session policy ARN that no longer resolves allows nothing (but still counts as a session policy).
    sessionPolicies.push(compilePolicy(document ?? "{}", { kind: "session", arn }));
  }
  const authority: CallerAuthority = {
    facts: callerFacts(principal, policies, session),
    identity,
    ...(sessionPolicies.length > 0 ? { session: sessionPolicies } : {}),
    ...(boundary === undefined ? {} : { boundary: compilePolicy(boundary.document ?? "{}", { kind: "managed", arn: boundary.arn }) }),
  };
  return authority;
}

async function managedDocument(
  tx: { managedPolicy(arn: string): Promise<{ defaultVersion: number } | undefined>; policyVersion(arn: string, v: number): Promise<{ document: string } | undefined> },
  arn: string,
): Promise<string | undefined> {
  const aws = awsManagedPolicy(arn);
  if (aws !== undefined) return aws.document;
  const policy = await tx.managedPolicy(arn);
  if (policy === undefined) return undefined;
  return (await tx.policyVersion(arn, policy.defaultVersion))?.document;
}

function compileIdentityPolicy(policy: IdentityPolicy): CompiledPolicy | undefined {
  const document = policy.document ?? (policy.source.kind === "managed" ? awsManagedPolicy(policy.source.policyArn)?.document : undefined);
  if (document === undefined) return undefined;
  return compilePolicy(document, sourceOf(policy.source));
}

function sourceOf(source: IdentityPolicySource): PolicySource {
  if (source.kind === "inline") {
    return { kind: "inline", ownerType: source.owner, ownerName: source.ownerName, policyName: source.policyName };
  }
  return source.version === undefined
    ? { kind: "managed", arn: source.policyArn }
    : { kind: "managed", arn: source.policyArn, versionId: `v${source.version}` };
}

function principalRef(principal: Principal): IamPrincipalRef | undefined {
  if (principal.kind === "user") return { kind: "user", userId: principal.userId };
  const colon = principal.userId.indexOf(":");
  return colon < 0 ? undefined : { kind: "role", roleId: principal.userId.slice(0, colon) };
}

function rootFacts(principal: Principal): PrincipalFacts {
  return { kind: "root", arn: principal.arn, principalArn: principal.arn, accountId: principal.accountId, userId: principal.userId };
}

function callerFacts(principal: Principal, policies: PrincipalPolicies, session: SessionFacts | undefined): PrincipalFacts {
  const tags: Record<string, string> = {};
  for (const t of policies.tags) tags[t.key] = t.value;
  // Session tags override the role's tags with the same key (iam-policy-evaluation.md §7).
  for (const t of session?.tags ?? []) {
    for (const k of Object.keys(tags)) if (k.toLowerCase() === t.key.toLowerCase()) delete tags[k];
    tags[t.key] = t.value;
  }
  const base = {
    arn: principal.arn,
    accountId: principal.accountId,
    userId: principal.userId,
    tags,
    ...(session === undefined
      ? {}
      : { tokenIssueTime: isoSeconds(session.issuedAt), multiFactorAuthPresent: false }),
    ...(session?.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }),
  };
  if (principal.kind === "assumed-role") {
    return { ...base, kind: "assumed-role", principalArn: principal.roleArn ?? principal.arn, ...(policies.role ? { uniqueId: policies.role.roleId } : {}) };
  }
  return {
    ...base,
    kind: "user",
    principalArn: principal.arn,
    ...(policies.user ? { uniqueId: policies.user.userId, userName: policies.user.name } : {}),
  };
}
