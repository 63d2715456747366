import { signatureError, type AuthProtocol } from "../errors/auth-errors.js";
import { formatAmzDate } from "./request-date.js";

/** SSM, KMS, IAM and STS accept a request time up to 15 minutes either side of theirs (sigv4.md §3). */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Rejects a request time outside the skew window, and a presigned request past `X-Amz-Date +
 * X-Amz-Expires` (project policy, §9). The server time is truncated to the second so the message
 * never claims a time is earlier than itself.
 */
export function checkRequestTime(
  requestMs: number,
  nowMs: number,
  protocol: AuthProtocol,
  expiresSeconds?: number,
): void {
  const now = Math.floor(nowMs / 1000) * 1000;
  if (requestMs < now - MAX_SKEW_MS) {
    throw signatureError(
      protocol,
      `Signature expired: ${formatAmzDate(requestMs)} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (requestMs > now + MAX_SKEW_MS) {
    throw signatureError(
      protocol,
      `Signature not yet current: ${formatAmzDate(requestMs)} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} + 15 min.)`,
    );
  }
  if (expiresSeconds !== undefined && requestMs < now - expiresSeconds * 1000) {
    // Same shape as AWS's skew message (unverified for X-Amz-Expires, which AWS itself ignores here).
    throw signatureError(
      protocol,
      `Signature expired: ${formatAmzDate(requestMs)} is now earlier than ${formatAmzDate(now - expiresSeconds * 1000)} ` +
        `(${formatAmzDate(now)} - ${expiresSeconds} sec.)`,
    );
  }
}
