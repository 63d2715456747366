import type { Principal } from "../../iam/principal.js";
import { kmsOperations } from "../../model/generated/kms.js";
import { ssmOperations } from "../../model/generated/ssm.js";
import type { OperationModel, StructureShape } from "../../model/shape.js";
import type { AuditDecision, AuditEvent, AuditJson, AuditPrincipal } from "../../storage/audit-port.js";
import { aliasArn, keyArn, partitionOf } from "../kms/key-reference.js";
import type { Redactor } from "./redaction.js";

/** What the authorization step decided, as the pipeline hands it over. */
export interface AuditAuthorization {
  readonly allowed: boolean;
  /** Why: `explicit deny in identity policy`, `account root`, `authentication failed` … */
  readonly reason: string;
  /** The statement that decided; absent for an implicit deny or the root. */
  readonly policy?: { readonly source: string; readonly sid?: string | undefined } | undefined;
}

/** Everything the request path knows about one request once it has been answered. */
export interface AuditFacts {
  readonly eventId: string;
  readonly requestId: string;
  /** When the answer was complete. */
  readonly time: Date;
  /** The signing name of the service the request was routed to (`ssm`, `kms`, `iam`, `sts`). */
  readonly service: string;
  /** The operation name; empty when the request named none we serve. */
  readonly operation: string;
  readonly region?: string | undefined;
  /** Absent when authentication failed or never ran. */
  readonly principal?: Principal | undefined;
  /** The access key the request claimed (from the Authorization header or X-Amz-Credential). */
  readonly accessKeyId?: string | undefined;
  readonly sourceIp: string;
  readonly userAgent?: string | undefined;
  /** The decoded request: the validated input, or the parsed body when validation failed. */
  readonly input?: unknown;
  /**
   * The operation's input model; looked up in the generated SSM and KMS models when absent. Without
   * one (IAM, STS) secrets are found by member name only.
   */
  readonly shape?: StructureShape | undefined;
  /** The operation's result, recorded (redacted) for successful writes only. */
  readonly output?: unknown;
  /** The ARNs authorization evaluated; when absent they are derived from the input (SSM names, KMS key ids). */
  readonly resources?: readonly string[] | undefined;
  readonly authorization?: AuditAuthorization | undefined;
  /** The HTTP status sent. */
  readonly status: number;
  readonly error?: { readonly code: string; readonly message: string } | undefined;
  /** The account the server serves. */
  readonly recipientAccountId?: string | undefined;
}

/** SigV4 failures (src/errors/auth-errors.ts), JSON and Query spellings: the request is denied unauthenticated. */
const AUTHENTICATION_FAILURES: ReadonlySet<string> = new Set([
  "MissingAuthenticationTokenException",
  "MissingAuthenticationToken",
  "IncompleteSignatureException",
  "IncompleteSignature",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
]);

const ACCESS_DENIED: ReadonlySet<string> = new Set(["AccessDeniedException", "AccessDenied"]);

/** Operations CloudTrail marks `readOnly: true`: they change nothing (KMS crypto and STS sessions included). */
const READ_ONLY = /^(Get|List|Describe|Lookup|Simulate|Decrypt$|Encrypt$|ReEncrypt$|GenerateDataKey|GenerateRandom$|GenerateMac$|VerifyMac$|Sign$|Verify$|AssumeRole)/;

const MAX_USER_AGENT = 1024;

/** Past this, a request's parameters are left out of its record (a 1 MB body must not make a 1 MB record). */
export const MAX_PARAMETERS_JSON = 64 * 1024;

function bounded(value: AuditJson): AuditJson {
  if (value === null) return null;
  const size = Buffer.byteLength(JSON.stringify(value), "utf8");
  return size > MAX_PARAMETERS_JSON ? { omitted: `${size} bytes of request parameters, over the audit limit of ${MAX_PARAMETERS_JSON}` } : value;
}

/** The audit record of one request: who, what, on which resources, the decision and the outcome — secrets marked. */
export function buildAuditEvent(facts: AuditFacts, redactor: Redactor): AuditEvent {
  const shape = facts.shape ?? inputShapeOf(facts.service, facts.operation);
  // Without a model only IAM and STS members are judged by name; an unknown operation's body is left out.
  const judged = shape !== undefined || NAME_JUDGED.has(facts.service);
  const request = facts.input === undefined || !judged ? undefined : redactor.request(facts.service, facts.input, shape);
  const readOnly = facts.operation !== "" && READ_ONLY.test(facts.operation);
  const succeeded = facts.error === undefined && facts.status < 400;
  const response = succeeded && !readOnly && facts.output !== undefined ? redactor.response(facts.service, facts.output) : undefined;
  const { decision, reason, statement } = decide(facts, succeeded);
  const secrets = [...(request?.secrets ?? []), ...(response?.secrets ?? [])];
  return {
    eventId: facts.eventId,
    requestId: facts.requestId,
    time: facts.time.getTime(),
    region: facts.region ?? null,
    service: facts.service,
    operation: facts.operation,
    action: facts.operation === "" ? "" : `${facts.service}:${facts.operation}`,
    readOnly,
    principal: facts.principal === undefined ? null : auditPrincipal(facts.principal),
    accessKeyId: facts.principal?.accessKeyId ?? facts.accessKeyId ?? null,
    sourceIp: facts.sourceIp,
    userAgent: facts.userAgent === undefined ? null : facts.userAgent.slice(0, MAX_USER_AGENT),
    resources: facts.resources ?? resourcesOf(facts),
    decision,
    decisionReason: reason,
    decidingStatement: statement,
    status: facts.status,
    errorCode: facts.error?.code ?? null,
    errorMessage: facts.error === undefined ? null : redactor.message(facts.error.message, secrets),
    requestParameters: bounded(request?.value ?? null),
    responseElements: response?.value ?? null,
    recipientAccountId: facts.recipientAccountId ?? facts.principal?.accountId ?? null,
  };
}

/** Services served without a generated model here (Query protocol): their secrets are found by member name. */
const NAME_JUDGED: ReadonlySet<string> = new Set(["iam", "sts"]);

const MODELS: Readonly<Record<string, Readonly<Record<string, OperationModel>>>> = { ssm: ssmOperations, kms: kmsOperations };

/** The generated input model of an operation, when there is one. */
export function inputShapeOf(service: string, operation: string): StructureShape | undefined {
  const models = MODELS[service];
  return models !== undefined && Object.hasOwn(models, operation) ? models[operation]?.input : undefined;
}

function decide(
  facts: AuditFacts,
  succeeded: boolean,
): { decision: AuditDecision; reason: string | null; statement: AuditEvent["decidingStatement"] } {
  const auth = facts.authorization;
  if (auth !== undefined) {
    const statement = auth.policy === undefined ? null : { source: auth.policy.source, sid: auth.policy.sid ?? null };
    return { decision: auth.allowed ? "allow" : "deny", reason: auth.reason, statement };
  }
  const code = facts.error?.code;
  if (code !== undefined && facts.principal === undefined && AUTHENTICATION_FAILURES.has(code)) {
    return { decision: "deny", reason: "authentication failed", statement: null };
  }
  if (code !== undefined && ACCESS_DENIED.has(code)) return { decision: "deny", reason: "access denied", statement: null };
  // Answered without an authorization step's word: served means allowed; anything else never got that far.
  if (succeeded && facts.principal !== undefined) return { decision: "allow", reason: null, statement: null };
  return { decision: "none", reason: null, statement: null };
}

function auditPrincipal(p: Principal): AuditPrincipal {
  return {
    arn: p.arn,
    accountId: p.accountId,
    kind: p.kind,
    userId: p.userId,
    ...(p.userName === undefined ? {} : { userName: p.userName }),
    ...(p.roleArn === undefined ? {} : { roleArn: p.roleArn }),
    ...(p.sessionIssuedAt === undefined ? {} : { sessionIssuedAt: p.sessionIssuedAt }),
  };
}

/**
 * The resources a request names, when authorization did not say: SSM parameter names (`Name`,
 * `Names`, `Path`, a tagged parameter's `ResourceId`, a policy's `ResourceArn`) and the KMS key a
 * request names.
 */
function resourcesOf(facts: AuditFacts): string[] {
  const input = facts.input;
  const account = facts.principal?.accountId ?? facts.recipientAccountId;
  const region = facts.region;
  if (typeof input !== "object" || input === null || account === undefined || region === undefined) return [];
  const members = input as Record<string, unknown>;
  const partition = partitionOf(region);
  const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : []);
  if (facts.service === "ssm") {
    const names = [...strings(members["Name"]), ...strings(members["Names"]), ...strings(members["Path"])];
    if (members["ResourceType"] === "Parameter") names.push(...strings(members["ResourceId"]));
    names.push(...strings(members["ResourceArn"]));
    return names.map((name) =>
      name.startsWith("arn:") ? name : `arn:${partition}:ssm:${region}:${account}:parameter${name.startsWith("/") ? "" : "/"}${name}`,
    );
  }
  if (facts.service === "kms") {
    return [...strings(members["KeyId"]), ...strings(members["TargetKeyId"]), ...strings(members["DestinationKeyId"])].map((id) => {
      if (id.startsWith("arn:")) return id;
      if (id.startsWith("alias/")) return aliasArn(region, account, id);
      return keyArn(region, account, id);
    });
  }
  return [];
}
