import { hkdfSync, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
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

/** Where the root key lives in file mode, and where a rotation keeps the outgoing one until it ends. */
export const MASTER_KEY_FILE = "master.key";
export const PREVIOUS_MASTER_KEY_FILE = "master.key.previous";

/** A key file's key, or undefined when the file does not exist. */
export function readRootKeyFile(file: string): Buffer | undefined {
  if (!existsSync(file)) return undefined;
  return decode(readFileSync(file, "utf8").trim(), file);
}

/**
 * Replaces `<dir>/<name>` atomically: a temporary file (0600) is written and fsynced, renamed over the
 * target, and the directory fsynced, so a crash leaves either the old key or the new one, never half.
 */
export function writeRootKeyFile(dir: string, name: string, key: Buffer): void {
  const target = join(dir, name);
  const temporary = `${target}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, key.toString("base64") + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  renameSync(temporary, target);
  syncDir(dir);
}

export function removeRootKeyFile(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  syncDir(dir);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every root key the server may need: in file mode master.key (current) and, while a rotation runs,
 * master.key.previous, re-read when a stored row names a key not yet held; with PARAMSTORE_MASTER_KEY,
 * that key and PARAMSTORE_PREVIOUS_MASTER_KEY, which the operator sets for the rotation window.
 */
export function rootKeySource(
  dataDir: string,
  env: { masterKey: string | undefined; previousMasterKey: string | undefined },
): { keys: Buffer[]; reload: () => Buffer[] } {
  if (env.masterKey !== undefined && env.masterKey !== "") {
    const keys = [decode(env.masterKey, "PARAMSTORE_MASTER_KEY")];
    if (env.previousMasterKey !== undefined && env.previousMasterKey !== "") {
      keys.push(decode(env.previousMasterKey, "PARAMSTORE_PREVIOUS_MASTER_KEY"));
    }
    return { keys, reload: () => [] };
  }
  const files = () =>
    [MASTER_KEY_FILE, PREVIOUS_MASTER_KEY_FILE].flatMap((name) => {
      try {
        const key = readRootKeyFile(join(dataDir, name));
        return key === undefined ? [] : [key];
      } catch {
        return []; // mid-replacement or unreadable: the next lookup tries again
      }
    });
  return { keys: [loadRootKey(dataDir, undefined), ...files()], reload: files };
}
