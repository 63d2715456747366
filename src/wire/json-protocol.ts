import type { ServerResponse } from "node:http";
import type { AwsError } from "../errors/aws-error.js";

/** AWS JSON 1.1 responses (ssm-parameter-store.md §1.2–1.3). */
const CONTENT_TYPE = "application/x-amz-json-1.1";

export function sendJsonResult(res: ServerResponse, requestId: string, body: unknown): void {
  send(res, 200, requestId, JSON.stringify(body ?? {}));
}

export function sendJsonError(res: ServerResponse, requestId: string, error: AwsError): void {
  const body: Record<string, string> = { __type: error.code };
  if (error.messageKey !== null) body[error.messageKey] = error.message;
  send(res, error.status, requestId, JSON.stringify(body));
}

function send(res: ServerResponse, status: number, requestId: string, text: string): void {
  res.writeHead(status, {
    "Content-Type": CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
  });
  res.end(text);
}

/** JSON 1.1 clients send this content type; 1.0 and plain JSON are accepted as Coral does. */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value.startsWith("application/x-amz-json-1.") || value.startsWith("application/json");
}
