import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a client's `Signature` (hex, any case) equals the computed 32-byte HMAC, in constant time.
 * A value that is not exactly 64 hex digits never matches.
 */
export function signatureMatches(expected: Buffer, providedHex: string): boolean {
  if (providedHex.length !== expected.length * 2) return false;
  const provided = Buffer.from(providedHex, "hex");
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}

/** `Signature` is 64 hex digits (the only check --dev mode makes). */
export function isWellFormedSignature(providedHex: string): boolean {
  return providedHex.length === 64 && Buffer.from(providedHex, "hex").length === 32;
}

/** Equality of two secrets (session tokens) that leaks neither content nor length through timing. */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}
