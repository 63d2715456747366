import { internalServerError, serializationException, unknownOperation } from "../errors/protocol-errors.js";
import type { Front, RoutedCall } from "./front.js";
import { isJsonContentType, sendJsonError, sendJsonResult } from "./json-protocol.js";
import type { JsonService } from "./json-service.js";

/** AWS JSON 1.1 (SSM, KMS): `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body. */
export function jsonFront(services: readonly JsonService[]): Front {
  const byPrefix = new Map(services.map((s) => [s.targetPrefix, s]));
  return {
    protocol: "json",
    async route(req, readBody, progress): Promise<RoutedCall> {
      const target = req.headers["x-amz-target"];
      if (typeof target !== "string") throw unknownOperation();
      const dot = target.indexOf(".");
      const service = dot < 0 ? undefined : byPrefix.get(target.slice(0, dot));
      const name = target.slice(dot + 1);
      const entry = service?.operations.get(name);
      if (service === undefined || entry === undefined) throw unknownOperation();
      progress.operation = name;
      if (req.method !== "POST" || !isJsonContentType(req.headers["content-type"])) throw unknownOperation();
      const body = await readBody();
      return {
        operation: entry.operation,
        signingName: service.signingName,
        body,
        decode: () => entry.validate(decodeJson(body)),
        sendResult: sendJsonResult,
      };
    },
    sendError: sendJsonError,
    internalError: internalServerError,
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
