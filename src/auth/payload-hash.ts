import { hash } from "node:crypto";
import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";

/** SHA-256 of the empty string: the payload line of a request without a body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export function sha256Hex(data: Buffer | string): string {
  return hash("sha256", data, "hex");
}

/** The canonical request's last line, and whether the client's claimed hash disagrees with the body. */
export interface PayloadLine {
  readonly line: string;
  readonly mismatch: boolean;
}

/**
 * HashedPayload (sigv4.md §5.6). The raw body is hashed once. A client that sends
 * `x-amz-content-sha256` signed with its value, which must be the body's hash: otherwise a tampered
 * body would pass. `UNSIGNED-PAYLOAD` is refused unless it covers nothing (a presigned request
 * without a body, as S3-style presigners make); S3's streaming modes are refused outright.
 */
export function payloadLine(
  contentSha256: string | undefined,
  body: Buffer,
  presigned: boolean,
  protocol: AuthProtocol,
): PayloadLine {
  const actual = body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
  if (contentSha256 === undefined) return { line: actual, mismatch: false };
  if (contentSha256 === UNSIGNED_PAYLOAD && presigned && body.length === 0) {
    return { line: UNSIGNED_PAYLOAD, mismatch: false };
  }
  if (contentSha256 === UNSIGNED_PAYLOAD || contentSha256.startsWith("STREAMING-")) {
    throw incompleteSignature(
      protocol,
      `'${contentSha256}' is not supported in the 'x-amz-content-sha256' header by this service; the payload must be signed.`,
    );
  }
  return contentSha256.toLowerCase() === actual
    ? { line: contentSha256, mismatch: false }
    : { line: actual, mismatch: true };
}
