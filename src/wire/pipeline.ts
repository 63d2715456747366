import type { IncomingMessage, ServerResponse } from "node:http";
import { type AwsError, isAwsError } from "../errors/aws-error.js";
import { internalServerError, serializationException, unknownOperation } from "../errors/protocol-errors.js";
import type { Principal } from "../iam/principal.js";
import type { Logger } from "../platform/logger.js";
import type { Random } from "../platform/random.js";
import type { ServicePorts } from "../services/operation.js";
import { partitionOf } from "../services/kms/key-reference.js";
import { isJsonContentType, sendJsonError, sendJsonResult } from "./json-protocol.js";
import type { JsonService, OperationEntry } from "./json-service.js";
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

export interface PipelineDeps {
  readonly services: readonly JsonService[];
  readonly authenticate: Authenticate;
  readonly ports: ServicePorts;
  readonly random: Random;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
}

interface Route {
  readonly service: JsonService;
  readonly entry: OperationEntry;
  readonly name: string;
}

/**
 * The request path of §6 of the architecture guide: route → authenticate → decode → validate →
 * run → encode. Every failure is an AwsError rendered as AWS renders it; anything else is a bug,
 * logged with its stack and answered as InternalServerError.
 */
export function createPipeline(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const byPrefix = new Map(deps.services.map((s) => [s.targetPrefix, s]));

  function route(target: string | string[] | undefined): Route {
    if (typeof target !== "string") throw unknownOperation();
    const dot = target.indexOf(".");
    const service = dot < 0 ? undefined : byPrefix.get(target.slice(0, dot));
    const name = target.slice(dot + 1);
    const entry = service?.operations.get(name);
    if (service === undefined || entry === undefined) throw unknownOperation();
    return { service, entry, name };
  }

  return async function handle(req, res) {
    const started = process.hrtime.bigint();
    const requestId = deps.random.uuid();
    let operation = "";
    let principal: string | undefined;
    let status = 200;
    try {
      const found = route(req.headers["x-amz-target"]);
      operation = found.name;
      if (req.method !== "POST" || !isJsonContentType(req.headers["content-type"])) throw unknownOperation();
      const body = await readBody(req, deps.maxBodyBytes);
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const auth = await deps.authenticate(
        {
          method: req.method,
          path: q < 0 ? url : url.slice(0, q),
          query: q < 0 ? "" : url.slice(q + 1),
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body,
        },
        found.service.signingName,
        "json",
      );
      principal = auth.principal.arn;
      const input = found.entry.validate(decodeJson(body));
      const result: unknown = await found.entry.operation.run(input, {
        requestId,
        region: auth.region,
        accountId: auth.principal.accountId,
        partition: partitionOf(auth.region),
        caller: auth.principal,
        ports: deps.ports,
      });
      sendJsonResult(res, requestId, result);
    } catch (e) {
      const error = toAwsError(e, deps.logger, requestId, operation);
      status = error.status;
      sendJsonError(res, requestId, error);
    }
    deps.logger.info({
      requestId,
      operation,
      principal,
      status,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
    });
  };
}

function decodeJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationException();
  }
}

function toAwsError(e: unknown, logger: Logger, requestId: string, operation: string): AwsError {
  if (isAwsError(e)) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  logger.error({ requestId, operation, err: { type: err.name, message: err.message, stack: err.stack } }, "internal error");
  return internalServerError();
}

