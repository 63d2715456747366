import { hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT_KEY_LENGTH = 32;

export class RootKeyError extends Error {}

/**
 * The server's root key: PARAMSTORE_MASTER_KEY (base64 of 32 bytes) or `<data-dir>/master.key`,
 * generated with mode 0600 on first start. It wraps KMS key material and, through HKDF with distinct
 * labels, yields the other server keys, so one secret protects everything at rest.
 */
export function loadRootKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv !== undefined && fromEnv !== "") return decode(fromEnv, "PARAMSTORE_MASTER_KEY");
  const file = join(dataDir, "master.key");
  if (existsSync(file)) return decode(readFileSync(file, "utf8").trim(), file);
  const key = randomBytes(ROOT_KEY_LENGTH);
  writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return key;
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text, "base64");
  if (key.length !== ROOT_KEY_LENGTH || key.toString("base64") !== text.replace(/\s+/g, "")) {
    throw new RootKeyError(`${source} must be the base64 encoding of exactly 32 bytes`);
  }
  return key;
}

/** A sub-key for one purpose; the label keeps purposes apart (token MAC, audit HMAC, …). */
export function deriveKey(rootKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", rootKey, Buffer.alloc(0), `paramstore/${label}`, 32));
}
