import type { AssumeRoleRequest, AssumeRoleResponse } from "@aws-sdk/client-sts";
import {
  durationExceedsChainingLimit,
  durationExceedsMaxSessionDuration,
  invalidArnParameter,
  malformedSessionPolicy,
  notAuthorizedOnRole,
  rootCannotAssumeRole,
  tooManyPolicyArns,
} from "../../../errors/sts-errors.js";
import { policyDocumentProblem } from "../../../policy/validate-document.js";
import type { IamRoleRecord, IamSessionRecord } from "../../../storage/iam-ports.js";
import type { ReadTx } from "../../../storage/ports.js";
import type { ConditionValues } from "../../access.js";
import { iamArn, isArn, parsePolicyArn } from "../../iam/arns.js";
import type { Validated } from "../../iam/iam-operation.js";
import type { Operation, OperationContext } from "../../operation.js";
import { packedPolicySize } from "../packed-size.js";
import { credentialsView, issueCredentials } from "../session-credentials.js";
import { sessionTagging, tagSessionContext } from "../session-tags.js";

/** Seconds, when DurationSeconds is left out [botocore model]. */
export const DEFAULT_ROLE_SESSION_SECONDS = 3600;
/** A session assumed with a role session's credentials lasts at most an hour (§4.2 step 5). */
export const ROLE_CHAINING_MAX_SECONDS = 3600;
/** Managed session policies per request [AWS docs]. */
export const MAX_SESSION_POLICY_ARNS = 10;

const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/;

type AssumeRoleInput = Validated<AssumeRoleRequest, "RoleArn" | "RoleSessionName">;

/**
 * iam-sts.md §4.2. The order of the checks is AWS's: the ARN parses; root is refused; the role's trust
 * policy (through the request's access control, mode `role-trust`: the trust policy is the gate, and
 * delegates to the caller's identity policies when it names only the account) allows sts:AssumeRole —
 * a role that does not exist is denied alike, so AssumeRole does not reveal which roles exist; then
 * duration, session tags (which the trust policy must also allow, as sts:TagSession), source identity
 * (sts:SetSourceIdentity) and session policies. The operation declares no access of its own: the
 * trust check needs the role, and must come after the checks above.
 */
export const AssumeRole: Operation<AssumeRoleInput, AssumeRoleResponse> = {
  name: "AssumeRole",
  action: "sts:AssumeRole",
  access: () => [],
  async run(input, cx) {
    const roleArn = input.RoleArn;
    const sessionName = input.RoleSessionName;
    if (!isArn(roleArn)) throw invalidArnParameter(roleArn);
    const { caller } = cx;
    if (caller.kind === "root" || caller.kind === "system") throw rootCannotAssumeRole();

    const { role, callerSession } = await cx.ports.storage.read(async (tx) => ({
      role: await localRole(tx, roleArn, cx),
      callerSession: caller.sessionIssuedAt === undefined ? undefined : await tx.session(caller.accessKeyId),
    }));
    if (role === undefined) throw notAuthorizedOnRole(caller.arn, "sts:AssumeRole", roleArn);
    const chained = caller.kind === "assumed-role";
    // A source identity, once set, stays with every session assumed from it (AWS docs "source identity").
    const inheritedSource = callerSession?.sourceIdentity;
    const sourceIdentity = input.SourceIdentity ?? inheritedSource;
    const context: ConditionValues = {
      "sts:RoleSessionName": sessionName,
      ...(input.ExternalId === undefined ? {} : { "sts:ExternalId": input.ExternalId }),
      ...(sourceIdentity === undefined ? {} : { "sts:SourceIdentity": sourceIdentity, "aws:SourceIdentity": sourceIdentity }),
    };
    await requireTrust(cx, "sts:AssumeRole", roleArn, context);

    const duration = input.DurationSeconds ?? DEFAULT_ROLE_SESSION_SECONDS;
    if (duration > role.maxSessionDuration) throw durationExceedsMaxSessionDuration();
    if (chained && duration > ROLE_CHAINING_MAX_SECONDS) throw durationExceedsChainingLimit();

    const tagging = sessionTagging(input.Tags, input.TransitiveTagKeys, callerSession);
    if (tagging.tags.length > 0) await requireTrust(cx, "sts:TagSession", roleArn, { ...context, ...tagSessionContext(tagging) });
    if (input.SourceIdentity !== undefined && inheritedSource !== undefined && input.SourceIdentity !== inheritedSource) {
      throw notAuthorizedOnRole(caller.arn, "sts:SetSourceIdentity", roleArn);
    }
    if (sourceIdentity !== undefined) await requireTrust(cx, "sts:SetSourceIdentity", roleArn, context);

    if (input.Policy !== undefined) {
      const problem = policyDocumentProblem(input.Policy, "session");
      if (problem !== undefined) throw malformedSessionPolicy(problem);
    }
    const policyArns = (input.PolicyArns ?? []).map((descriptor) => descriptor.arn ?? "");
    if (policyArns.length > MAX_SESSION_POLICY_ARNS) throw tooManyPolicyArns();
    for (const arn of policyArns) if (parsePolicyArn(arn) === undefined) throw invalidArnParameter(arn);
    const packed = packedPolicySize(input.Policy, policyArns, tagging.tags);

    const issued = issueCredentials(cx, duration);
    const record: IamSessionRecord = {
      accessKeyId: issued.accessKeyId,
      sealedSecret: issued.sealedSecret,
      tokenHash: issued.tokenHash,
      principal: { kind: "role", roleId: role.roleId },
      sessionName,
      issuedAt: issued.issuedAt,
      expiresAt: issued.expiresAt,
      ...(input.Policy === undefined ? {} : { sessionPolicy: input.Policy }),
      sessionPolicyArns: policyArns,
      tags: tagging.tags,
      transitiveTagKeys: tagging.transitiveTagKeys,
      ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
      chained,
    };
    await cx.ports.storage.write((tx) => tx.putSession(record));

    // PackedPolicySize only when session policies or tags were passed [AWS snapshot].
    const reportsPacked = input.Policy !== undefined || policyArns.length > 0 || tagging.requested;
    return {
      Credentials: credentialsView(issued),
      AssumedRoleUser: {
        AssumedRoleId: `${role.roleId}:${sessionName}`,
        // The session ARN never carries the role's path (iam-sts.md §2.2).
        Arn: `arn:${cx.partition}:sts::${cx.accountId}:assumed-role/${role.name}/${sessionName}`,
      },
      ...(reportsPacked ? { PackedPolicySize: packed } : {}),
      ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity }),
    };
  },
};

/** The role a RoleArn names in this account, spelt exactly as stored (path and name); else undefined. */
async function localRole(tx: ReadTx, roleArn: string, cx: OperationContext): Promise<IamRoleRecord | undefined> {
  const m = ROLE_ARN.exec(roleArn);
  if (m === null || m[1] !== cx.partition || m[2] !== cx.accountId) return undefined;
  const role = await tx.iamRole(m[4] ?? "");
  return role !== undefined && iamArn(cx, "role", role.path, role.name) === roleArn ? role : undefined;
}

/** The trust policy decides (resource-policy.ts, mode `role-trust`); STS's denial has no `because …` tail. */
async function requireTrust(cx: OperationContext, action: string, roleArn: string, context: ConditionValues): Promise<void> {
  const check = await cx.access.check({ action, resource: roleArn, context });
  if (!check.allowed) throw notAuthorizedOnRole(cx.caller.arn, action, roleArn);
}
