import { wrappedBy, type RootKeyring } from "../../crypto/root-keyring.js";
import type { KmsMaterialEntry, KmsMaterialPosition, Storage } from "../../storage/ports.js";
import { materialAad } from "./root-key-guard.js";

export interface RootKeyRotationPlan {
  /** Fingerprint of the key every material ends under (the new key; the old one on rollback). */
  readonly target: string;
  /** Fingerprint of the key being retired; servers keep opening material under it until the end. */
  readonly retiring: string;
}

export interface RootKeyRotationOptions {
  /** Materials re-wrapped per transaction. */
  readonly batchSize: number;
  /** Called after each committed batch with the running total. */
  readonly onBatch?: (rewrapped: number) => void;
}

/** The data dir's state names a root key that is neither of the two the rotation was given. */
export class RootKeyMismatch extends Error {}

const VERIFY_PAGE = 500;
const MAX_PASSES = 5;

/**
 * Re-wraps every stored KMS key material under the target root key, without touching what the
 * materials encrypt (parameters, ciphertexts). Safe while servers run and safe to interrupt:
 * 1. one transaction makes the target current and records the retiring key as previous, so servers
 *    wrap new material under the target from then on (root-key-guard.ts) and still open the rest;
 * 2. materials are re-wrapped a batch per transaction, each row replaced only if unchanged; a row
 *    already under the target is skipped, so a re-run resumes where a killed run stopped;
 * 3. one transaction checks that no material is left under another key and clears `previous`.
 * Returns how many materials it re-wrapped.
 */
export async function rotateRootKey(
  storage: Storage,
  roots: RootKeyring,
  plan: RootKeyRotationPlan,
  options: RootKeyRotationOptions,
): Promise<number> {
  if (!roots.holds(plan.target) || !roots.holds(plan.retiring)) throw new Error("both root keys must be held");
  await storage.write(async (tx) => {
    const state = await tx.rootKeyState();
    if (state !== undefined && state.current !== plan.target && state.current !== plan.retiring) {
      throw new RootKeyMismatch(
        `this data dir's KMS material is wrapped under root key ${state.current}, which is neither key given`,
      );
    }
    await tx.setRootKeyState({ current: plan.target, previous: plan.target === plan.retiring ? null : plan.retiring });
  });
  roots.adopt(plan.target);
  let rewrapped = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    rewrapped += await rewrapPass(storage, roots, plan.target, options, rewrapped);
    const finished = await storage.write(async (tx) => {
      for (let after: KmsMaterialPosition | undefined; ; ) {
        const page = await tx.scanKmsMaterials(after, VERIFY_PAGE);
        if (page.some((m) => wrappedBy(m.material) !== plan.target)) return false;
        if (page.length < VERIFY_PAGE) break;
        after = page.at(-1);
      }
      await tx.setRootKeyState({ current: plan.target, previous: null });
      return true;
    });
    if (finished) return rewrapped;
  }
  throw new Error(`KMS material kept appearing under another root key after ${MAX_PASSES} passes`);
}

async function rewrapPass(
  storage: Storage,
  roots: RootKeyring,
  target: string,
  options: RootKeyRotationOptions,
  before: number,
): Promise<number> {
  let count = 0;
  for (let after: KmsMaterialPosition | undefined; ; ) {
    const page = await storage.read((tx) => tx.scanKmsMaterials(after, options.batchSize));
    if (page.length === 0) return count;
    after = page.at(-1);
    const batch = page.filter((m) => wrappedBy(m.material) !== target).map((m) => ({ entry: m, material: rewrap(roots, m) }));
    if (batch.length === 0) continue;
    await storage.write(async (tx) => {
      // A row that changed meanwhile (its key was deleted) is left alone; the final check sees all.
      for (const { entry, material } of batch) await tx.replaceKmsMaterial(entry, entry.material, material);
    });
    count += batch.length;
    options.onBatch?.(before + count);
  }
}

function rewrap(roots: RootKeyring, entry: KmsMaterialEntry): Buffer {
  const aad = materialAad(entry.arn, entry.version);
  const plaintext = roots.unwrap(entry.material, aad);
  if (plaintext === undefined) {
    throw new Error(`material ${entry.version} of ${entry.arn} does not open under either root key; nothing was changed for it`);
  }
  return roots.wrap(plaintext, aad);
}
