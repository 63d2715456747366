import { wrappedBy, type RootKeyring } from "../../crypto/root-keyring.js";
import type { ReadTx, Storage } from "../../storage/ports.js";
import { allRows, KMS_MATERIALS, SEALED_CREDENTIALS, type RootWrappedRows } from "./root-wrapped-rows.js";

export interface RootKeyRotationPlan {
  /** Fingerprint of the key every row ends under (the new key; the old one on rollback). */
  readonly target: string;
  /** Fingerprint of the key being retired; servers keep opening rows under it until the end. */
  readonly retiring: string;
}

export interface RootKeyRotationOptions {
  /** Rows re-wrapped per transaction. */
  readonly batchSize: number;
  /** Called after each committed batch with the running total of rows re-wrapped (of every kind). */
  readonly onBatch?: (rewrapped: number) => void;
}

/** How many rows a run re-wrapped, by kind. */
export interface RootKeyRotationResult {
  /** KMS key material versions. */
  readonly materials: number;
  /** IAM users' secret access keys and STS sessions' secrets. */
  readonly credentials: number;
}

/** The data dir's state names a root key that is neither of the two the rotation was given. */
export class RootKeyMismatch extends Error {}

const VERIFY_PAGE = 500;
const MAX_PASSES = 5;

/**
 * Re-wraps everything stored under the root key — every KMS key material, every IAM secret access
 * key and STS session secret — under the target root key, without touching what the materials
 * encrypt (parameters, ciphertexts) or the secrets themselves. Safe while servers run and safe to
 * interrupt:
 * 1. one transaction makes the target current and records the retiring key as previous, so servers
 *    wrap new rows under the target from then on (root-key-guard.ts) and still open the rest;
 * 2. rows are re-wrapped a batch per transaction, each replaced only if unchanged; a row already
 *    under the target is skipped, so a re-run resumes where a killed run stopped;
 * 3. one transaction checks that no row of any kind is left under another key and clears `previous`.
 */
export async function rotateRootKey(
  storage: Storage,
  roots: RootKeyring,
  plan: RootKeyRotationPlan,
  options: RootKeyRotationOptions,
): Promise<RootKeyRotationResult> {
  if (!roots.holds(plan.target) || !roots.holds(plan.retiring)) throw new Error("both root keys must be held");
  await storage.write(async (tx) => {
    const state = await tx.rootKeyState();
    if (state !== undefined && state.current !== plan.target && state.current !== plan.retiring) {
      throw new RootKeyMismatch(
        `this data dir's KMS material and IAM secrets are wrapped under root key ${state.current}, which is neither key given`,
      );
    }
    await tx.setRootKeyState({ current: plan.target, previous: plan.target === plan.retiring ? null : plan.retiring });
  });
  roots.adopt(plan.target);
  const progress = { materials: 0, credentials: 0 };
  const walk = { storage, roots, target: plan.target, options, progress };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    progress.materials += await rewrapPass(walk, KMS_MATERIALS);
    progress.credentials += await rewrapPass(walk, SEALED_CREDENTIALS);
    const finished = await storage.write(async (tx) => {
      if (!(await allUnder(tx, KMS_MATERIALS, plan.target)) || !(await allUnder(tx, SEALED_CREDENTIALS, plan.target))) return false;
      await tx.setRootKeyState({ current: plan.target, previous: null });
      return true;
    });
    if (finished) return progress;
  }
  throw new Error(`rows kept appearing under another root key after ${MAX_PASSES} passes`);
}

async function allUnder<E>(tx: ReadTx, rows: RootWrappedRows<E>, target: string): Promise<boolean> {
  for await (const entry of allRows(tx, rows, VERIFY_PAGE)) {
    if (wrappedBy(rows.wrapped(entry)) !== target) return false;
  }
  return true;
}

interface Walk {
  readonly storage: Storage;
  readonly roots: RootKeyring;
  readonly target: string;
  readonly options: RootKeyRotationOptions;
  readonly progress: { materials: number; credentials: number };
}

async function rewrapPass<E>(walk: Walk, rows: RootWrappedRows<E>): Promise<number> {
  const { storage, roots, target, options, progress } = walk;
  let count = 0;
  for (let after: E | undefined; ; ) {
    const page = await storage.read((tx) => rows.scan(tx, after, options.batchSize));
    if (page.length === 0) return count;
    after = page.at(-1);
    const batch = page.filter((e) => wrappedBy(rows.wrapped(e)) !== target).map((e) => ({ entry: e, wrapped: rewrap(roots, rows, e) }));
    if (batch.length === 0) continue;
    count += await storage.write(async (tx) => {
      // A row that changed meanwhile (deleted, or rewritten) is left alone; the final check sees all.
      let replaced = 0;
      for (const { entry, wrapped } of batch) if (await rows.replace(tx, entry, wrapped)) replaced++;
      return replaced;
    });
    options.onBatch?.(progress.materials + progress.credentials + count);
  }
}

function rewrap<E>(roots: RootKeyring, rows: RootWrappedRows<E>, entry: E): Buffer {
  const aad = rows.aad(entry);
  const plaintext = roots.unwrap(rows.wrapped(entry), aad);
  if (plaintext === undefined) {
    throw new Error(`${rows.describe(entry)} does not open under either root key; nothing was changed for it`);
  }
  return roots.wrap(plaintext, aad);
}
