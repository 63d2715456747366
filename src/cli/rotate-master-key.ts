import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  MASTER_KEY_FILE,
  PREVIOUS_MASTER_KEY_FILE,
  readRootKeyFile,
  removeRootKeyFile,
  ROOT_KEY_LENGTH,
  RootKeyError,
  writeRootKeyFile,
} from "../crypto/root-key.js";
import { RootKeyring, rootKeyFingerprint } from "../crypto/root-keyring.js";
import { DEFAULT_DATA_DIR } from "../server/config.js";
import { rotateRootKey } from "../services/kms/root-key-rotation.js";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.js";

export interface RotateFlags {
  readonly dataDir?: string;
  readonly newKeyFile?: string;
  readonly resume?: boolean;
  readonly rollback?: boolean;
  readonly batchSize?: string;
}

/** A refusal the operator can act on: printed without a stack, exit status 2. */
export class RotateUsageError extends Error {}

const DEFAULT_BATCH = 100;

/**
 * `paramstore admin rotate-master-key`: re-wraps every KMS key material, IAM secret access key and
 * STS session secret under a new root key while servers keep running (ARCHITECTURE.md "Root key rotation").
 *
 * File mode (no PARAMSTORE_MASTER_KEY): the outgoing key is kept as master.key.previous, the new one
 * replaces master.key (each write atomic), the rows are re-wrapped, then master.key.previous is
 * removed. A run that stops midway leaves master.key.previous behind: `--resume` finishes it,
 * `--rollback` re-wraps everything under the previous key and puts it back as master.key.
 * Env mode: the operator passes the new key in PARAMSTORE_MASTER_KEY and the old one in
 * PARAMSTORE_PREVIOUS_MASTER_KEY (servers get both for the window); re-running resumes, `--rollback`
 * moves everything back under the previous key.
 */
export async function rotateMasterKey(flags: RotateFlags, env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(flags.dataDir ?? env["PARAMSTORE_DATA_DIR"] ?? DEFAULT_DATA_DIR);
  const dbFile = join(dataDir, "paramstore.db");
  if (!existsSync(dbFile)) throw new RotateUsageError(`no paramstore database in ${dataDir}`);
  if (flags.resume === true && flags.rollback === true) throw new RotateUsageError("--resume and --rollback exclude each other");
  const batchSize = flags.batchSize === undefined ? DEFAULT_BATCH : Number(flags.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RotateUsageError("--batch-size must be a positive integer");
  // Test hooks: a run that fails midway (the error path), or one killed -9 midway (nothing runs after).
  const failAfter = env["PARAMSTORE_ROTATE_FAIL_AFTER_ROWS"];
  const killAfter = env["PARAMSTORE_ROTATE_KILL_AFTER_ROWS"];
  const rewrapAll = async (target: Buffer, retiring: Buffer) => {
    const storage = await openSqliteStorage({ file: dbFile });
    try {
      const plan = { target: rootKeyFingerprint(target), retiring: rootKeyFingerprint(retiring) };
      out(`re-wrapping KMS key material and IAM secrets under root key ${plan.target} (retiring ${plan.retiring})`);
      const count = await rotateRootKey(storage, new RootKeyring([target, retiring]), plan, {
        batchSize,
        onBatch: (n) => {
          if (killAfter !== undefined && n >= Number(killAfter)) process.kill(process.pid, "SIGKILL");
          if (failAfter !== undefined && n >= Number(failAfter)) throw new Error(`stopped after ${n} rows (PARAMSTORE_ROTATE_FAIL_AFTER_ROWS)`);
        },
      });
      out(
        `re-wrapped ${count.materials} key material version(s) and ${count.credentials} IAM secret(s); ` +
          `every one is now under root key ${plan.target}`,
      );
    } finally {
      await storage.close();
    }
  };

  const fromEnv = env["PARAMSTORE_MASTER_KEY"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (flags.newKeyFile !== undefined) {
      throw new RotateUsageError(
        "with PARAMSTORE_MASTER_KEY set, pass the new key there and the old one in PARAMSTORE_PREVIOUS_MASTER_KEY (not --new-key-file)",
      );
    }
    const previous = env["PARAMSTORE_PREVIOUS_MASTER_KEY"];
    if (previous === undefined || previous === "") {
      throw new RotateUsageError("PARAMSTORE_PREVIOUS_MASTER_KEY must hold the root key being replaced");
    }
    const next = decodeKey(fromEnv, "PARAMSTORE_MASTER_KEY");
    const old = decodeKey(previous, "PARAMSTORE_PREVIOUS_MASTER_KEY");
    if (flags.rollback === true) await rewrapAll(old, next);
    else await rewrapAll(next, old);
    out(
      flags.rollback === true
        ? "rolled back: run servers with PARAMSTORE_MASTER_KEY set to the previous key"
        : "done: servers may drop PARAMSTORE_PREVIOUS_MASTER_KEY at their next restart",
    );
    return;
  }

  const current = readRootKeyFile(join(dataDir, MASTER_KEY_FILE));
  if (current === undefined) throw new RotateUsageError(`no ${MASTER_KEY_FILE} in ${dataDir}`);
  const previous = readRootKeyFile(join(dataDir, PREVIOUS_MASTER_KEY_FILE));
  if (previous !== undefined) {
    if (flags.resume !== true && flags.rollback !== true) {
      throw new RotateUsageError(
        `a root key rotation is in progress (${PREVIOUS_MASTER_KEY_FILE} exists): run with --resume to finish it or --rollback to return to the previous key`,
      );
    }
    if (flags.rollback === true) {
      await rewrapAll(previous, current);
      writeRootKeyFile(dataDir, MASTER_KEY_FILE, previous);
    } else {
      await rewrapAll(current, previous);
    }
    removeRootKeyFile(dataDir, PREVIOUS_MASTER_KEY_FILE);
    out(flags.rollback === true ? `rolled back: ${MASTER_KEY_FILE} is the previous key again` : "done");
    return;
  }
  if (flags.resume === true || flags.rollback === true) {
    out("no root key rotation in progress: nothing to resume or roll back");
    return;
  }
  const next = flags.newKeyFile === undefined ? randomBytes(ROOT_KEY_LENGTH) : readNewKey(flags.newKeyFile);
  if (rootKeyFingerprint(next) === rootKeyFingerprint(current)) throw new RotateUsageError("the new key is the current key");
  // The order matters for a crash: the old key is safe beside the new one before the new one takes over.
  writeRootKeyFile(dataDir, PREVIOUS_MASTER_KEY_FILE, current);
  writeRootKeyFile(dataDir, MASTER_KEY_FILE, next);
  await rewrapAll(next, current);
  removeRootKeyFile(dataDir, PREVIOUS_MASTER_KEY_FILE);
  out(`done: ${MASTER_KEY_FILE} holds the new key; ${PREVIOUS_MASTER_KEY_FILE} was removed`);
}

function readNewKey(file: string): Buffer {
  const key = readRootKeyFile(resolve(file));
  if (key === undefined) throw new RotateUsageError(`cannot read ${file}`);
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, "base64");
  if (key.length !== ROOT_KEY_LENGTH) throw new RootKeyError(`${source} must be the base64 encoding of exactly 32 bytes`);
  return key;
}
