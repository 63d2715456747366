import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";
import { ALGORITHM, unsupportedAlgorithm } from "./authorization-header.js";
import type { QueryParam } from "./canonical-query.js";
import { percentDecode } from "./uri-encoding.js";

export const SIGNATURE_PARAM = "X-Amz-Signature";
const ALGORITHM_PARAM = "X-Amz-Algorithm";

/** S3's ceiling; STS ignores X-Amz-Expires, we honour it within the skew window (sigv4.md §9). */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604_800;

/** The `X-Amz-*` parameters of a presigned request, decoded. */
export interface PresignedQuery {
  readonly credential: string;
  readonly date: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly expiresSeconds: number | undefined;
  readonly securityToken: string | undefined;
}

export function hasPresignedAlgorithm(params: readonly QueryParam[]): boolean {
  for (const p of params) if (p.name === ALGORITHM_PARAM) return true;
  return false;
}

/** Canonical names of the X-Amz-* parameters are their plain names (all unreserved characters). */
function first(params: readonly QueryParam[], name: string): string | undefined {
  for (const p of params) if (p.name === name) return percentDecode(p.value);
  return undefined;
}

function parseExpires(value: string, protocol: AuthProtocol): number {
  const negative = value.startsWith("-");
  const digits = negative ? value.slice(1) : value;
  let allDigits = digits.length > 0;
  for (let i = 0; allDigits && i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    allDigits = c >= 48 && c <= 57;
  }
  // S3's wording; what STS says is unverified.
  if (!allDigits) throw incompleteSignature(protocol, "X-Amz-Expires should be a number");
  if (negative) throw incompleteSignature(protocol, "X-Amz-Expires must be non-negative");
  const seconds = Number(digits);
  if (seconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw incompleteSignature(protocol, "X-Amz-Expires must be less than a week (in seconds) that is 604800");
  }
  return seconds;
}

export function parsePresignedQuery(params: readonly QueryParam[], protocol: AuthProtocol): PresignedQuery {
  const algorithm = first(params, ALGORITHM_PARAM);
  const credential = first(params, "X-Amz-Credential");
  const signature = first(params, SIGNATURE_PARAM);
  const date = first(params, "X-Amz-Date");
  const signedHeaders = first(params, "X-Amz-SignedHeaders");
  if (
    algorithm === undefined || credential === undefined || signature === undefined ||
    date === undefined || signedHeaders === undefined
  ) {
    throw incompleteSignature(
      protocol,
      "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', " +
        "'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
    );
  }
  if (algorithm !== ALGORITHM) throw incompleteSignature(protocol, unsupportedAlgorithm(algorithm));
  const expires = first(params, "X-Amz-Expires");
  const token = first(params, "X-Amz-Security-Token");
  return {
    credential,
    date,
    signedHeaders,
    signature,
    expiresSeconds: expires === undefined ? undefined : parseExpires(expires, protocol),
    securityToken: token === undefined || token === "" ? undefined : token,
  };
}
