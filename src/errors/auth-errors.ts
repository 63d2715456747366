import { AwsError } from "./aws-error.js";

/**
 * SigV4 failures (sigv4.md §10.2). AWS's JSON front end (SSM, KMS) and its Query front end (IAM, STS)
 * report the same situation under different codes and statuses, so every factory takes the protocol.
 * JSON bodies carry `message` (lowercase); Query errors are XML `<Message>`.
 */
export type AuthProtocol = "json" | "query";

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

function authError(protocol: AuthProtocol, json: string, query: string, queryStatus: number, message: string): AwsError {
  return protocol === "json"
    ? new AwsError(json, message, { status: 400, messageKey: "message" })
    : new AwsError(query, message, { status: queryStatus, messageKey: "Message" });
}

/** Neither an `Authorization` header nor `X-Amz-Algorithm`. */
export const missingAuthenticationToken = (protocol: AuthProtocol): AwsError =>
  authError(protocol, "MissingAuthenticationTokenException", "MissingAuthenticationToken", 403,
    "Request is missing Authentication Token");

/** Malformed header or presigned parameters, unsigned `host`, a signed header that is absent. */
export const incompleteSignature = (protocol: AuthProtocol, message: string): AwsError =>
  authError(protocol, "IncompleteSignatureException", "IncompleteSignature", 400, message);

/** Unknown, deleted or inactive access key; missing or wrong session token. */
export const invalidClientTokenId = (protocol: AuthProtocol): AwsError =>
  authError(protocol, "UnrecognizedClientException", "InvalidClientTokenId", 403,
    "The security token included in the request is invalid.");

/** Temporary credentials past their expiration (AWS's text has no final period). */
export const expiredToken = (protocol: AuthProtocol): AwsError =>
  authError(protocol, "ExpiredTokenException", "ExpiredToken", 403,
    "The security token included in the request is expired");

/** Clock skew, expired presigned URL, credential-scope errors: the signature error with its own text. */
export const signatureError = (protocol: AuthProtocol, message: string): AwsError =>
  authError(protocol, "InvalidSignatureException", "SignatureDoesNotMatch", 403, message);

/**
 * HMAC mismatch. SSM's JSON body carries the first sentence only; IAM/STS append the canonical request
 * and string to sign the server computed (which hold nothing the client did not send).
 */
export const signatureDoesNotMatch = (
  protocol: AuthProtocol,
  canonicalRequest: string,
  stringToSign: string,
): AwsError =>
  protocol === "json"
    ? signatureError(protocol, SIGNATURE_MISMATCH)
    : signatureError(
        protocol,
        `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
          `The String-to-Sign should have been\n'${stringToSign}'`,
      );

/**
 * A request the caller's policies do not allow (iam-policy-evaluation.md §4.1): JSON services answer
 * AccessDeniedException 400 with `Message`; IAM and STS answer AccessDenied 403 in Query XML.
 */
export function accessDenied(protocol: AuthProtocol, message: string): AwsError {
  return protocol === "json"
    ? new AwsError("AccessDeniedException", message, { status: 400, messageKey: "Message" })
    : new AwsError("AccessDenied", message, { status: 403, messageKey: "Message" });
}
