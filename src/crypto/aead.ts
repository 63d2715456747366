import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** AES-256-GCM with a random 96-bit IV. Output layout: iv (12) | tag (16) | ciphertext. */
export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;

export function seal(key: Buffer, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([iv, cipher.getAuthTag(), body, final]);
}

/** Returns undefined when the tag does not verify (wrong key, wrong AAD or tampered bytes). */
export function open(key: Buffer, sealed: Uint8Array, aad: Uint8Array): Buffer | undefined {
  if (sealed.length < IV_LENGTH + TAG_LENGTH) return undefined;
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, IV_LENGTH));
  decipher.setAAD(aad);
  decipher.setAuthTag(buf.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
  try {
    const body = decipher.update(buf.subarray(IV_LENGTH + TAG_LENGTH));
    const final = decipher.final(); // GCM has no padding: empty, and only here does the tag verify
    return final.length === 0 ? body : Buffer.concat([body, final]);
  } catch {
    return undefined;
  }
}
