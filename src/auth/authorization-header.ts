import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";

export const ALGORITHM = "AWS4-HMAC-SHA256";

/** The components of `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`, unvalidated. */
export interface AuthorizationHeader {
  readonly credential: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

function isSeparator(c: number): boolean {
  return c === 44 /* , */ || c === 32 || c === 9;
}

/**
 * Parses the header the way AWS's front end reports it (sigv4.md §2): the algorithm is everything
 * before the first space; the rest splits on commas and whitespace, so both `", "` and `","` work and
 * `Credential= AKID/…` yields AWS's "missing equal-sign" error for the part after the space. Missing
 * components and a missing date header are reported together, then an unsupported algorithm — which
 * is why `Bearer x` gets the equal-sign error and `Basic eA==` the missing-parameter one, as on AWS.
 */
export function parseAuthorizationHeader(value: string, hasDateHeader: boolean, protocol: AuthProtocol): AuthorizationHeader {
  const space = value.indexOf(" ");
  const algorithm = space < 0 ? value : value.slice(0, space);
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;

  const end = value.length;
  let start = space < 0 ? end : space + 1;
  for (let i = start; i <= end; i++) {
    if (i < end && !isSeparator(value.charCodeAt(i))) continue;
    if (i > start) {
      const component = value.slice(start, i);
      const eq = component.indexOf("=");
      if (eq < 0) {
        throw incompleteSignature(
          protocol,
          `'${component}' not a valid key=value pair (missing equal-sign) in Authorization header: '${value}'.`,
        );
      }
      const name = component.slice(0, eq);
      if (name === "Credential") credential ??= component.slice(eq + 1);
      else if (name === "SignedHeaders") signedHeaders ??= component.slice(eq + 1);
      else if (name === "Signature") signature ??= component.slice(eq + 1);
    }
    start = i + 1;
  }

  if (credential === undefined || signature === undefined || signedHeaders === undefined || !hasDateHeader) {
    let message = "";
    if (credential === undefined) message += "Authorization header requires 'Credential' parameter. ";
    if (signature === undefined) message += "Authorization header requires 'Signature' parameter. ";
    if (signedHeaders === undefined) message += "Authorization header requires 'SignedHeaders' parameter. ";
    if (!hasDateHeader) {
      message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }
    throw incompleteSignature(protocol, `${message}Authorization=${value}`);
  }
  if (algorithm !== ALGORITHM) {
    throw incompleteSignature(protocol, unsupportedAlgorithm(algorithm));
  }
  return { credential, signedHeaders, signature };
}

/** Wording unverified (sigv4.md §1, §2); SigV4a lands here too. */
export function unsupportedAlgorithm(algorithm: string): string {
  return `Unsupported AWS 'algorithm': '${algorithm}'.`;
}
