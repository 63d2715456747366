import type { IncomingMessage, ServerResponse } from "node:http";
import { type AwsError, isAwsError } from "../errors/aws-error.js";
import type { Principal } from "../iam/principal.js";
import type { Logger } from "../platform/logger.js";
import type { Random } from "../platform/random.js";
import type { AccessControl } from "../services/access.js";
import type { AccessDecision } from "../services/access/request-access.js";
import type { AuditAuthorization } from "../services/audit/audit-event.js";
import type { AuditTrail } from "../services/audit/audit-trail.js";
import { requestOrigin } from "./audit-origin.js";
import type { ServicePorts } from "../services/operation.js";
import { partitionOf } from "../services/kms/key-reference.js";
import type { Front, RouteProgress, RoutedCall } from "./front.js";
import { jsonFront } from "./json-front.js";
import type { JsonService } from "./json-service.js";
import { queryFront } from "./query-front.js";
import type { QueryService } from "./query-service.js";
import { readBody } from "./request-body.js";

export interface Authenticated {
  readonly principal: Principal;
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage["headers"];
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export type Authenticate = (req: RawRequest, service: string, protocol: "json" | "query") => Promise<Authenticated>;

/** Where a request came from, for condition keys and the audit trail. */
export interface RequestOrigin {
  readonly protocol: "json" | "query";
  readonly sourceIp: string | undefined;
  readonly secureTransport: boolean;
}

/** An access control that keeps every decision it took, for the request's audit record. */
export interface RequestAccessControl extends AccessControl {
  readonly decisions: readonly AccessDecision[];
}

/** Builds the access control of one authenticated request (the caller's policies, loaded or cached). */
export type AccessFor = (auth: Authenticated, origin: RequestOrigin) => Promise<RequestAccessControl>;

export interface PipelineDeps {
  /** AWS JSON 1.1 services, picked by `X-Amz-Target`. */
  readonly services: readonly JsonService[];
  /** Query services (IAM, STS), picked by `Version`; requests without `X-Amz-Target` go to them. */
  readonly queryServices?: readonly QueryService[];
  readonly authenticate: Authenticate;
  readonly accessFor: AccessFor;
  /** The audit trail every request is recorded in before it is answered (absent: none). */
  readonly audit?: AuditTrail;
  readonly ports: ServicePorts;
  readonly random: Random;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
}

/**
 * The request path of §6 of the architecture guide: route → authenticate → decode → validate →
 * run → encode. A request with `X-Amz-Target` speaks AWS JSON 1.1, any other the Query protocol;
 * the protocol's Front routes, decodes and renders, and every step between is here, once, for both.
 * Every failure is an AwsError rendered as AWS renders it; anything else is a bug, logged with its
 * stack and answered as the protocol's internal error.
 */
export function createPipeline(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const json = jsonFront(deps.services);
  const query = queryFront(deps.queryServices ?? []);

  return async function handle(req, res) {
    const started = process.hrtime.bigint();
    const requestId = deps.random.uuid();
    const front: Front = req.headers["x-amz-target"] === undefined ? query : json;
    const progress: RouteProgress = { operation: "", sendError: front.sendError };
    let call: RoutedCall | undefined;
    let auth: Authenticated | undefined;
    let input: unknown;
    let access: RequestAccessControl | undefined;
    let result: unknown;
    let failure: AwsError | undefined;
    try {
      call = await front.route(req, () => readBody(req, deps.maxBodyBytes), progress);
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      auth = await deps.authenticate(
        {
          method: req.method ?? "GET",
          path: q < 0 ? url : url.slice(0, q),
          query: q < 0 ? "" : url.slice(q + 1),
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body: call.body,
        },
        call.signingName,
        front.protocol,
      );
      input = call.decode();
      access = await deps.accessFor(auth, {
        protocol: front.protocol,
        sourceIp: req.socket.remoteAddress,
        secureTransport: false,
      });
      const cx = {
        requestId,
        region: auth.region,
        accountId: auth.principal.accountId,
        partition: partitionOf(auth.region),
        caller: auth.principal,
        ports: deps.ports,
        access,
      };
      // Authorised after validation and before any state is read or changed; an operation that does
      // not say what it is authorised as is a bug, never an open door.
      const operation = call.operation;
      if (operation.access === undefined) throw new Error(`${operation.name} declares no access`);
      await access.require(await operation.access(input, cx));
      result = await operation.run(input, cx);
    } catch (e) {
      failure = toAwsError(e, front, deps.logger, requestId, progress.operation);
    }
    // Fail-closed: nothing is answered before its audit record is written (a request that changed
    // nothing waits for a commit, not an fsync: see GroupCommit's durability).
    if (deps.audit !== undefined) {
      try {
        const origin = requestOrigin(req);
        await deps.audit.record(
          deps.audit.event({
            requestId,
            service: call?.signingName ?? "",
            operation: progress.operation,
            region: auth?.region,
            principal: auth?.principal,
            accessKeyId: auth?.accessKeyId ?? origin.accessKeyId,
            sourceIp: origin.sourceIp,
            userAgent: origin.userAgent,
            input,
            output: failure === undefined ? result : undefined,
            resources: access?.decisions.map((d) => d.resource),
            authorization: access === undefined ? undefined : auditAuthorization(access.decisions),
            status: failure?.status ?? 200,
            error: failure === undefined ? undefined : { code: failure.code, message: failure.message },
            recipientAccountId: auth?.principal.accountId,
          }),
        );
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        deps.logger.error({ requestId, operation: progress.operation, err: { type: err.name, message: err.message } }, "audit record not written");
        failure = front.internalError();
      }
    }
    if (failure === undefined && call !== undefined) call.sendResult(res, requestId, result);
    else progress.sendError(res, requestId, failure ?? front.internalError());
    // The audit trail already records every request: the log gets a line per refused or failed one,
    // and one per served request only at debug level (a line per read cost ~15 µs of a ~150 µs read).
    const status = failure?.status ?? 200;
    const level = status < 400 ? "debug" : "info";
    if (deps.logger.isLevelEnabled(level)) {
      deps.logger[level]({
        requestId,
        operation: progress.operation,
        principal: auth?.principal.arn,
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    }
  };
}

/** The decision the audit record names: the first denial, else the last allowing statement. */
function auditAuthorization(decisions: readonly AccessDecision[]): AuditAuthorization | undefined {
  const deciding = decisions.find((d) => !d.allowed) ?? decisions.at(-1);
  if (deciding === undefined) return undefined;
  return {
    allowed: deciding.allowed,
    reason: deciding.reason,
    ...(deciding.policy === undefined ? {} : { policy: deciding.policy }),
  };
}

function toAwsError(e: unknown, front: Front, logger: Logger, requestId: string, operation: string): AwsError {
  if (isAwsError(e)) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  logger.error({ requestId, operation, err: { type: err.name, message: err.message, stack: err.stack } }, "internal error");
  return front.internalError();
}
