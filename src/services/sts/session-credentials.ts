import { createHash } from "node:crypto";
import type { Credentials } from "@aws-sdk/client-sts";
import type { OperationContext } from "../operation.js";
import { newAccessKeyId, newSecretAccessKey } from "../iam/ids.js";

/** Temporary credentials as issued: what the caller sees once, and what storage keeps of them. */
export interface IssuedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** The secret sealed by the server's credential sealer, aad = the access key id. */
  readonly sealedSecret: Uint8Array;
  /** SHA-256 of the session token: the token itself is never stored. */
  readonly tokenHash: Uint8Array;
  /** Milliseconds since the epoch, whole seconds (the wire shows Expiration to the second). */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/** 96 random bytes: a 128-character opaque token with no padding. */
const TOKEN_BYTES = 96;

/**
 * iam-sts.md §4.2 step 7: `ASIA` + 16 characters, a 40-character secret, an opaque random session
 * token; sealed and hashed here, before any transaction, so no crypto runs inside one.
 */
export function issueCredentials(cx: OperationContext, durationSeconds: number): IssuedCredentials {
  const { random, clock, credentialSealer } = cx.ports;
  const accessKeyId = newAccessKeyId(random, "ASIA");
  const secretAccessKey = newSecretAccessKey(random);
  const sessionToken = random.bytes(TOKEN_BYTES).toString("base64");
  const issuedAt = Math.floor(clock.now().getTime() / 1000) * 1000;
  return {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    sealedSecret: credentialSealer.seal(secretAccessKey, accessKeyId),
    tokenHash: createHash("sha256").update(sessionToken, "utf8").digest(),
    issuedAt,
    expiresAt: issuedAt + durationSeconds * 1000,
  };
}

export function credentialsView(issued: IssuedCredentials): Credentials {
  return {
    AccessKeyId: issued.accessKeyId,
    SecretAccessKey: issued.secretAccessKey,
    SessionToken: issued.sessionToken,
    Expiration: new Date(issued.expiresAt),
  };
}
