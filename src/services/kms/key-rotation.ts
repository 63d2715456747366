import type { KmsKeyRecord, KmsRotationRecord, KmsRotationSchedule } from "../../storage/ports.js";
import { KmsFailure } from "../ports.js";
import { assertUsable, DAY_MS, type KmsKeyStore } from "./key-store.js";

/** AWS quota (kms.md §7.6): on-demand rotations a key may ever have. */
export const MAX_ON_DEMAND_ROTATIONS = 25;
/** Appends that lose a race to another rotation of the same key are retried this often. */
const APPEND_ATTEMPTS = 3;

type RotationType = KmsRotationRecord["rotationType"];

/**
 * Makes a new current material version of a key (kms.md §7.6). Versions are only ever appended, so
 * every ciphertext made before (which names its version) still opens. The new material is wrapped
 * before the write, as storage transactions run no crypto; the write re-checks the key it stores
 * against, so a concurrent rotation or state change is never overrun. Returns the version made, or
 * undefined when an automatic rotation is no longer due (disabled, rotated or rescheduled meanwhile).
 */
export async function rotateKey(keys: KmsKeyStore, key: KmsKeyRecord, type: RotationType): Promise<number | undefined> {
  const { region, keyId } = key;
  try {
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const version = (attempt === 0 ? key : await keys.storage.read((tx) => tx.kmsKey(region, keyId)))?.materials.length;
      if (version === undefined) return undefined;
      const material = keys.wrapNewMaterial(key.arn, version + 1);
      const now = keys.clock.now().getTime();
      const rotation: KmsRotationRecord = { materialVersion: version + 1, rotationDate: now, rotationType: type };
      const outcome = await keys.storage.write(async (tx) => {
        const current = await tx.kmsKey(region, keyId);
        if (current === undefined) return "gone";
        if (type === "AUTOMATIC" && !isDueForRotation(current, now)) return "gone";
        if (type === "ON_DEMAND") {
          assertUsable(current);
          if ((await tx.countKmsKeyRotations(region, keyId, "ON_DEMAND")) >= MAX_ON_DEMAND_ROTATIONS) {
            throw onDemandLimitReached(current);
          }
        }
        if (!(await tx.appendKmsMaterial(region, keyId, material, rotation))) return "raced";
        if (type === "AUTOMATIC" && current.rotation !== undefined) {
          await tx.updateKmsKey(region, keyId, { rotation: nextSchedule(current.rotation, now) });
        }
        return "rotated";
      });
      if (outcome === "gone") return undefined;
      if (outcome === "rotated") return rotation.materialVersion;
    }
    throw new Error(`rotation of ${key.arn} kept losing races to other rotations`);
  } finally {
    keys.forgetKey(region, keyId);
  }
}

/**
 * Rotates the keys whose NextRotationDate has passed, a batch at a time; the server runs it with the
 * deletion sweep, at start and every minute. Disabled keys and keys pending deletion wait: their
 * rotation happens once they are enabled again. Returns how many keys it rotated.
 */
export async function rotateDueKeys(keys: KmsKeyStore, limit = 100): Promise<number> {
  const now = keys.clock.now().getTime();
  const due = await keys.storage.read((tx) => tx.kmsKeysDueForRotation(now, limit));
  let rotated = 0;
  for (const { region, keyId } of due) {
    const key = await keys.storage.read((tx) => tx.kmsKey(region, keyId));
    if (key !== undefined && (await rotateKey(keys, key, "AUTOMATIC")) !== undefined) rotated++;
  }
  return rotated;
}

/** A schedule starting now: the first automatic rotation is one period away. */
export function scheduleFrom(now: number, periodInDays: number): KmsRotationSchedule {
  return { periodInDays, nextRotationDate: now + periodInDays * DAY_MS };
}

function isDueForRotation(key: KmsKeyRecord, now: number): boolean {
  return key.state === "Enabled" && key.rotation !== undefined && key.rotation.nextRotationDate <= now;
}

/** One period after the date that fell due; after a long stop, one period from now, not a burst. */
function nextSchedule(schedule: KmsRotationSchedule, now: number): KmsRotationSchedule {
  const next = schedule.nextRotationDate + schedule.periodInDays * DAY_MS;
  return next > now ? { ...schedule, nextRotationDate: next } : scheduleFrom(now, schedule.periodInDays);
}

function onDemandLimitReached(key: KmsKeyRecord): KmsFailure {
  return new KmsFailure(
    "LimitExceededException",
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`,
  );
}
