import { internalFailure, invalidAction, missingAction } from "../errors/query-errors.js";
import { validateInput } from "../model/validate.js";
import type { ErrorSender, Front, RoutedCall } from "./front.js";
import { decodeQueryInput } from "./query-decode.js";
import { isFormContentType, queryParams } from "./query-params.js";
import { sendXml } from "./query-protocol.js";
import type { QueryService } from "./query-service.js";
import { errorXml, resultXml } from "./query-xml.js";

/**
 * The Query protocol (IAM, STS; iam-sts.md §1): parameters from the query string and a form body,
 * `Version` picks the service, `Action` the operation. Routing needs the parameters, so the body is
 * read first. Errors before a service is known carry the first service's namespace.
 */
export function queryFront(services: readonly QueryService[]): Front {
  const byVersion = new Map(services.map((s) => [s.version, s]));
  const errorSender =
    (namespace: string): ErrorSender =>
    (res, requestId, error) =>
      sendXml(res, error.status, requestId, errorXml(error, namespace, requestId));
  const senders = new Map(services.map((s) => [s.version, errorSender(s.xmlNamespace)]));
  return {
    protocol: "query",
    async route(req, readBody, progress): Promise<RoutedCall> {
      const body = await readBody();
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const form = req.method === "POST" && isFormContentType(req.headers["content-type"]) ? body.toString("utf8") : undefined;
      const params = queryParams(q < 0 ? "" : url.slice(q + 1), form);
      const version = params.get("Version");
      const service = version === undefined ? undefined : byVersion.get(version);
      if (service !== undefined) progress.sendError = senders.get(service.version) ?? progress.sendError;
      const action = params.get("Action");
      if (action === undefined || action === "") throw missingAction();
      progress.operation = action;
      const operation = service?.operations.get(action);
      const model = service !== undefined && Object.hasOwn(service.models, action) ? service.models[action] : undefined;
      if (service === undefined || operation === undefined || model === undefined) throw invalidAction(action, version);
      return {
        operation,
        signingName: service.signingName,
        body,
        decode: () => validateInput(model, decodeQueryInput(model.input, params), service.validation),
        sendResult: (res, requestId, result) =>
          sendXml(res, 200, requestId, resultXml(model, service.xmlNamespace, result, requestId)),
      };
    },
    sendError: errorSender(services[0]?.xmlNamespace ?? ""),
    internalError: internalFailure,
  };
}
