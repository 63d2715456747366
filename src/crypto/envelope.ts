import { IV_LENGTH, TAG_LENGTH, open, seal } from "./aead.js";

/**
 * The stored form of a SecureString value:
 *   0x01 | u16 length of the wrapped data key | wrapped data key | iv | tag | ciphertext
 * The value is sealed with its own data key under AES-256-GCM; the AAD is the format byte plus the
 * parameter ARN, so a ciphertext copied onto another parameter does not open. The version byte lets the
 * format change later without a flag day.
 */
const FORMAT_V1 = 0x01;

export interface Envelope {
  readonly wrappedKey: Uint8Array;
  readonly sealed: Uint8Array;
}

export function sealEnvelope(dataKey: Buffer, wrappedKey: Uint8Array, plaintext: string, arn: string): Buffer {
  const header = Buffer.alloc(3);
  header[0] = FORMAT_V1;
  header.writeUInt16BE(wrappedKey.length, 1);
  const body = seal(dataKey, Buffer.from(plaintext, "utf8"), aadFor(arn));
  return Buffer.concat([header, wrappedKey, body]);
}

/** Splits a stored value; undefined when it is not a well-formed v1 envelope. */
export function parseEnvelope(stored: Uint8Array): Envelope | undefined {
  if (stored.length < 3 || stored[0] !== FORMAT_V1) return undefined;
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const keyLength = buf.readUInt16BE(1);
  if (buf.length < 3 + keyLength + IV_LENGTH + TAG_LENGTH) return undefined;
  return { wrappedKey: buf.subarray(3, 3 + keyLength), sealed: buf.subarray(3 + keyLength) };
}

export function openEnvelope(dataKey: Buffer, envelope: Envelope, arn: string): string | undefined {
  return open(dataKey, envelope.sealed, aadFor(arn))?.toString("utf8");
}

/** The format byte, then the ARN in UTF-8 — built as one string: this runs on every SecureString read. */
const FORMAT_V1_PREFIX = String.fromCharCode(FORMAT_V1);
function aadFor(arn: string): Buffer {
  return Buffer.from(FORMAT_V1_PREFIX + arn, "utf8");
}
