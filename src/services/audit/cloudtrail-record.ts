import type { AuditEvent, AuditJson, AuditPrincipal } from "../../storage/audit-port.js";
import { isoSeconds } from "../../platform/iso-seconds.js";

/** The CloudTrail record format version whose fields these records carry. */
export const CLOUDTRAIL_EVENT_VERSION = "1.09";

/**
 * One audit record in CloudTrail's format (the "CloudTrail record contents" and "userIdentity
 * element" pages of the CloudTrail User Guide): a management event of type AwsApiCall. `errorCode`
 * and `errorMessage` appear only on failures, as in CloudTrail. Ours beyond CloudTrail's go into
 * `additionalEventData`: the authorization decision, its reason, the deciding statement and the
 * HTTP status. Secrets were replaced by `hmac-sha256:…` marks when the record was written, where
 * CloudTrail writes `HIDDEN_DUE_TO_SECURITY_REASONS`.
 */
export function toCloudTrailRecord(event: AuditEvent): Record<string, AuditJson> {
  const record: Record<string, AuditJson> = {
    eventVersion: CLOUDTRAIL_EVENT_VERSION,
    userIdentity: userIdentity(event),
    eventTime: cloudTrailTime(event.time),
    eventSource: `${event.service}.amazonaws.com`,
    eventName: event.operation,
    awsRegion: event.region ?? "us-east-1",
    sourceIPAddress: event.sourceIp,
    userAgent: event.userAgent ?? "",
  };
  if (event.errorCode !== null) record["errorCode"] = event.errorCode;
  if (event.errorMessage !== null) record["errorMessage"] = event.errorMessage;
  record["requestParameters"] = event.requestParameters;
  record["responseElements"] = event.readOnly ? null : event.responseElements;
  record["additionalEventData"] = {
    decision: event.decision,
    decisionReason: event.decisionReason,
    decidingStatement:
      event.decidingStatement === null ? null : { source: event.decidingStatement.source, sid: event.decidingStatement.sid },
    httpStatus: event.status,
  };
  record["requestID"] = event.requestId;
  record["eventID"] = event.eventId;
  record["readOnly"] = event.readOnly;
  if (event.resources.length > 0) record["resources"] = event.resources.map(resource);
  record["eventType"] = "AwsApiCall";
  record["managementEvent"] = true;
  record["recipientAccountId"] = event.recipientAccountId ?? event.principal?.accountId ?? null;
  record["eventCategory"] = "Management";
  return record;
}

/** CloudTrail's timestamps: UTC, whole seconds (`2024-05-01T12:00:00Z`). */
export function cloudTrailTime(ms: number): string {
  return isoSeconds(ms);
}

function userIdentity(event: AuditEvent): AuditJson {
  const p = event.principal;
  if (p === null) {
    // Authentication failed: only the key the request claimed is known.
    return event.accessKeyId === null ? { type: "Unknown" } : { type: "Unknown", accessKeyId: event.accessKeyId };
  }
  const accessKeyId = event.accessKeyId ?? "";
  switch (p.kind) {
    case "root":
      return { type: "Root", principalId: p.userId, arn: p.arn, accountId: p.accountId, accessKeyId };
    case "user":
      return {
        type: "IAMUser",
        principalId: p.userId,
        arn: p.arn,
        accountId: p.accountId,
        accessKeyId,
        userName: p.userName ?? p.arn.slice(p.arn.lastIndexOf("/") + 1),
        ...(p.sessionIssuedAt === undefined ? {} : { sessionContext: { attributes: sessionAttributes(p) } }),
      };
    case "assumed-role":
      return {
        type: "AssumedRole",
        principalId: p.userId,
        arn: p.arn,
        accountId: p.accountId,
        accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: p.userId.split(":")[0] ?? p.userId,
            arn: p.roleArn ?? "",
            accountId: p.accountId,
            userName: roleName(p),
          },
          attributes: sessionAttributes(p),
        },
      };
    case "system":
      return { type: "AWSService", principalId: p.userId, arn: p.arn, accountId: p.accountId };
  }
}

function sessionAttributes(p: AuditPrincipal): AuditJson {
  return {
    creationDate: p.sessionIssuedAt === undefined ? null : cloudTrailTime(p.sessionIssuedAt),
    mfaAuthenticated: "false",
  };
}

/** `arn:aws:iam::1:role/path/name` → `name`; from the session ARN when the role ARN is missing. */
function roleName(p: AuditPrincipal): string {
  if (p.roleArn !== undefined) return p.roleArn.slice(p.roleArn.lastIndexOf("/") + 1);
  return p.arn.split("/")[1] ?? "";
}

/** CloudTrail's `resources` entries: ARN, account, and the CloudFormation-style type. */
function resource(arn: string): AuditJson {
  const parts = arn.split(":");
  const [, , service, , accountId] = parts;
  const name = parts.slice(5).join(":");
  return { accountId: accountId ?? "", type: resourceType(service ?? "", name), ARN: arn };
}

function resourceType(service: string, name: string): string {
  if (service === "ssm" && name.startsWith("parameter/")) return "AWS::SSM::Parameter";
  if (service === "kms" && name.startsWith("key/")) return "AWS::KMS::Key";
  if (service === "kms" && name.startsWith("alias/")) return "AWS::KMS::Alias";
  if (service === "iam" && name.startsWith("user/")) return "AWS::IAM::User";
  if (service === "iam" && name.startsWith("role/")) return "AWS::IAM::Role";
  if (service === "iam" && name.startsWith("group/")) return "AWS::IAM::Group";
  if (service === "iam" && name.startsWith("policy/")) return "AWS::IAM::Policy";
  return `AWS::${service.toUpperCase()}::Resource`;
}
