import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import {
  expiredToken,
  invalidClientTokenId,
  signatureDoesNotMatch,
  type AuthProtocol,
} from "../errors/auth-errors.js";
import { rootPrincipal, type Principal } from "../iam/principal.js";
import type { Clock } from "../platform/clock.js";
import { headerValue, readAuthInput, type AuthInput } from "./auth-input.js";
import { canonicalHeaders } from "./canonical-headers.js";
import { buildCanonicalRequest, buildStringToSign } from "./canonical-request.js";
import { canonicalUri } from "./canonical-uri.js";
import { checkRequestTime } from "./clock-skew.js";
import { isWellFormedSignature, secretsEqual, signatureMatches } from "./constant-time.js";
import { checkCredentialScope } from "./credential-scope.js";
import { payloadLine, UNSIGNED_PAYLOAD } from "./payload-hash.js";
import { SigningKeyCache } from "./signing-key-cache.js";

export interface SignedRequest {
  readonly method: string;
  /** Raw path as received, without the query string, e.g. "/". */
  readonly path: string;
  /** Raw query string without "?", "" if none. */
  readonly query: string;
  /** node's lower-cased header object. */
  readonly headers: IncomingHttpHeaders;
  /** node's req.rawHeaders (name, value, name, value…) for exact multi-value canonicalisation. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

/** What the directory knows about one active access key. */
export interface DirectoryEntry {
  readonly secretAccessKey: string;
  readonly principal: Principal;
  /**
   * Temporary (STS) credentials only: the token issued with them. The verifier requires the request
   * to present exactly this token (constant-time compare) and rejects any token presented with a key
   * that has none (sigv4.md §8), so a directory must set it for every temporary key.
   */
  readonly sessionToken?: string;
  /** Temporary credentials only: from this instant on they fail with ExpiredToken. */
  readonly expiration?: Date;
}

export interface CredentialDirectory {
  /**
   * Returns the secret and principal for an access key id, or undefined if unknown/inactive/deleted.
   * `sessionToken` is what the request presented; the verifier itself compares it with the entry's.
   */
  lookup(accessKeyId: string, sessionToken: string | undefined): Promise<DirectoryEntry | undefined>;
}

export interface Authenticated {
  readonly principal: Principal;
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

export interface VerifierOptions {
  readonly directory: CredentialDirectory;
  readonly clock: Clock;
  /** --dev: accept any access key whose signature is well formed (no HMAC check), as root of devAccountId. */
  readonly dev?: { readonly accountId: string };
  /** Bound of the derived-signing-key cache (entries). */
  readonly signingKeyCacheSize?: number;
}

export type SigV4Verifier = (req: SignedRequest, expectedService: string, protocol: AuthProtocol) => Promise<Authenticated>;

/**
 * Server-side SigV4 (sigv4.md), checks in the order of §10.3: locate and parse, date and skew,
 * credential scope, key and session token, payload hash, then the HMAC compared in constant time.
 * Every failure is an AwsError of the caller's protocol.
 */
export function createSigV4Verifier(options: VerifierOptions): SigV4Verifier {
  const keys = new SigningKeyCache(options.signingKeyCacheSize);
  const { directory, clock, dev } = options;

  async function verify(req: SignedRequest, expectedService: string, protocol: AuthProtocol): Promise<Authenticated> {
    const input = readAuthInput(req.query, req.headers, protocol);
    const headerBlock = canonicalHeaders(input.signedHeaders, req.rawHeaders, protocol);
    const nowMs = clock.now().getTime();
    checkRequestTime(input.requestMs, nowMs, protocol, input.expiresSeconds);
    const { scope } = input;
    checkCredentialScope(scope, input.amzDate, expectedService, protocol);

    const entry = dev === undefined ? await lookupEntry(input, nowMs, protocol) : undefined;

    const contentSha256 = headerValue(req.headers, "x-amz-content-sha256");
    const payload = payloadLine(contentSha256, req.body, input.presigned, protocol);
    const uri = canonicalUri(req.path);
    const credentialScope = scope.date + "/" + scope.region + "/" + scope.service + "/aws4_request";
    const canonicalRequest = buildCanonicalRequest(
      req.method, uri, input.canonicalQuery, headerBlock, input.signedHeaderList, payload.line,
    );
    const stringToSign = buildStringToSign(input.amzDate, credentialScope, canonicalRequest);
    if (payload.mismatch) throw signatureDoesNotMatch(protocol, canonicalRequest, stringToSign);

    if (entry === undefined) {
      // Only --dev gets here: no directory, no HMAC, but the request must still be well formed.
      if (!isWellFormedSignature(input.signature)) throw signatureDoesNotMatch(protocol, canonicalRequest, stringToSign);
      return authenticated(rootPrincipal(dev?.accountId ?? "", scope.accessKeyId), input);
    }

    const signingKey = keys.get(entry.secretAccessKey, scope.date, scope.region, scope.service);
    if (!signatureMatches(hmac(signingKey, stringToSign), input.signature)) {
      // An S3-style presigner signs an empty body as UNSIGNED-PAYLOAD without saying so in a header.
      const retryUnsigned = input.presigned && contentSha256 === undefined && req.body.length === 0;
      const unsignedMatches =
        retryUnsigned &&
        signatureMatches(
          hmac(signingKey, buildStringToSign(input.amzDate, credentialScope, buildCanonicalRequest(
            req.method, uri, input.canonicalQuery, headerBlock, input.signedHeaderList, UNSIGNED_PAYLOAD,
          ))),
          input.signature,
        );
      if (!unsignedMatches) throw signatureDoesNotMatch(protocol, canonicalRequest, stringToSign);
    }
    return authenticated(entry.principal, input);
  }

  async function lookupEntry(input: AuthInput, nowMs: number, protocol: AuthProtocol): Promise<DirectoryEntry> {
    const entry = await directory.lookup(input.scope.accessKeyId, input.sessionToken);
    if (entry === undefined) throw invalidClientTokenId(protocol);
    const presented = input.sessionToken;
    const issued = entry.sessionToken;
    if (issued === undefined ? presented !== undefined : presented === undefined || !secretsEqual(presented, issued)) {
      throw invalidClientTokenId(protocol);
    }
    if (entry.expiration !== undefined && nowMs >= entry.expiration.getTime()) throw expiredToken(protocol);
    return entry;
  }

  return verify;
}

function hmac(key: Buffer, stringToSign: string): Buffer {
  return createHmac("sha256", key).update(stringToSign, "latin1").digest();
}

function authenticated(principal: Principal, input: AuthInput): Authenticated {
  return { principal, accessKeyId: input.scope.accessKeyId, region: input.scope.region, service: input.scope.service };
}
