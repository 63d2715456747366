import type { IncomingHttpHeaders } from "node:http";
import { incompleteSignature, missingAuthenticationToken, type AuthProtocol } from "../errors/auth-errors.js";
import { parseAuthorizationHeader } from "./authorization-header.js";
import { canonicalQueryString, parseQuery } from "./canonical-query.js";
import { parseCredential, type CredentialScope } from "./credential-scope.js";
import { hasPresignedAlgorithm, parsePresignedQuery, SIGNATURE_PARAM } from "./presigned-query.js";
import { formatAmzDate, parseAmzDate, parseHttpDate } from "./request-date.js";
import { parseSignedHeaders } from "./signed-headers.js";

/** Everything SigV4 needs from where the client put it (header or presigned query), parsed. */
export interface AuthInput {
  readonly presigned: boolean;
  readonly scope: CredentialScope;
  /** The request time in basic ISO 8601, as it appears in the string to sign. */
  readonly amzDate: string;
  readonly requestMs: number;
  readonly expiresSeconds: number | undefined;
  /** The SignedHeaders component verbatim (the canonical request's penultimate line). */
  readonly signedHeaderList: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly sessionToken: string | undefined;
  readonly canonicalQuery: string;
}

/** A header as one string; node gives arrays only for set-cookie, but never trust the shape. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined || typeof value === "string") return value;
  return Array.isArray(value) ? value.join(", ") : undefined;
}

function badIsoDate(value: string, protocol: AuthProtocol): never {
  throw incompleteSignature(
    protocol,
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  );
}

/**
 * Locates the authentication information (sigv4.md §1) and parses it (§2, §3, §9). Throws only
 * AwsError: MissingAuthenticationToken or IncompleteSignature.
 */
export function readAuthInput(
  query: string,
  headers: IncomingHttpHeaders,
  protocol: AuthProtocol,
): AuthInput {
  const authorization = headerValue(headers, "authorization");
  const params = parseQuery(query);
  const presigned = params.length > 0 && hasPresignedAlgorithm(params);

  if (authorization !== undefined && presigned) {
    // S3's wording for the same rejection; what SSM/KMS/IAM/STS say is unverified.
    throw incompleteSignature(
      protocol,
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string " +
        "parameter or the Authorization header should be specified",
    );
  }

  if (presigned) {
    const p = parsePresignedQuery(params, protocol);
    const requestMs = parseAmzDate(p.date) ?? badIsoDate(p.date, protocol);
    return {
      presigned: true,
      scope: parseCredential(p.credential, "query", protocol),
      amzDate: p.date,
      requestMs,
      expiresSeconds: p.expiresSeconds,
      signedHeaderList: p.signedHeaders,
      signedHeaders: parseSignedHeaders(p.signedHeaders, protocol),
      signature: p.signature,
      sessionToken: p.securityToken ?? nonEmpty(headerValue(headers, "x-amz-security-token")),
      canonicalQuery: canonicalQueryString(params, SIGNATURE_PARAM),
    };
  }

  if (authorization === undefined) throw missingAuthenticationToken(protocol);
  const xAmzDate = headerValue(headers, "x-amz-date");
  const httpDate = xAmzDate === undefined ? headerValue(headers, "date") : undefined;
  const header = parseAuthorizationHeader(authorization, xAmzDate !== undefined || httpDate !== undefined, protocol);
  const scope = parseCredential(header.credential, "header", protocol);
  const signedHeaders = parseSignedHeaders(header.signedHeaders, protocol);

  let amzDate: string;
  let requestMs: number;
  if (xAmzDate !== undefined) {
    amzDate = xAmzDate;
    requestMs = parseAmzDate(xAmzDate) ?? badIsoDate(xAmzDate, protocol);
  } else {
    // The presence check in parseAuthorizationHeader guarantees a Date header here.
    const date = httpDate ?? "";
    const ms = parseHttpDate(date);
    if (ms === undefined) {
      throw incompleteSignature(protocol, `Unable to parse the 'Date' header as an RFC 7231 HTTP-date: '${date}'.`);
    }
    requestMs = ms;
    amzDate = formatAmzDate(ms);
  }

  return {
    presigned: false,
    scope,
    amzDate,
    requestMs,
    expiresSeconds: undefined,
    signedHeaderList: header.signedHeaders,
    signedHeaders,
    signature: header.signature,
    sessionToken: nonEmpty(headerValue(headers, "x-amz-security-token")),
    canonicalQuery: canonicalQueryString(params),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}
