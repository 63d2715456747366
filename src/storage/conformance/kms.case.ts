import { describe, expect, it } from "vitest";
import type { KmsKeyRecord, Storage } from "../ports.js";
import { OTHER_REGION, REGION } from "./version-fixtures.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER_KEY_ID = "0987dcba-09fe-87dc-65ba-ab0987654321";

function kmsKey(keyId: string, overrides: Partial<KmsKeyRecord> = {}): KmsKeyRecord {
  const region = overrides.region ?? REGION;
  return {
    region,
    keyId,
    arn: `arn:aws:kms:${region}:123456789012:key/${keyId}`,
    keyManager: "CUSTOMER",
    description: "app key",
    state: "Enabled",
    creationDate: 1_700_000_000_000,
    materials: [new Uint8Array([1, 0, 2]), new Uint8Array(64).fill(7), new Uint8Array([255])],
    ...overrides,
  };
}

/** Materials as hex: drivers return their own byte-array class. */
function comparableKey(record: KmsKeyRecord | undefined): unknown {
  return record && { ...record, materials: record.materials.map((m) => Buffer.from(m).toString("hex")) };
}

export function kmsCases(storage: () => Storage): void {
  describe("kms keys and aliases", () => {
    it("inserts a key with its materials in order, and never overwrites it", async () => {
      const original = kmsKey(KEY_ID);
      const inserted = await storage().write(async (tx) => [
        await tx.insertKmsKey(original),
        await tx.insertKmsKey(kmsKey(KEY_ID, { description: "impostor", materials: [new Uint8Array([9])] })),
      ]);
      expect(inserted).toEqual([true, false]);
      expect(comparableKey(await storage().read((tx) => tx.kmsKey(REGION, KEY_ID)))).toEqual(comparableKey(original));
      expect(await storage().read((tx) => tx.kmsKey(REGION, OTHER_KEY_ID))).toBeUndefined();
    });

    it("keeps keys of the same id in different regions apart", async () => {
      const here = kmsKey(KEY_ID, { keyManager: "AWS" });
      const there = kmsKey(KEY_ID, { region: OTHER_REGION, materials: [new Uint8Array([42])] });
      expect(await storage().write(async (tx) => [await tx.insertKmsKey(here), await tx.insertKmsKey(there)])).toEqual([
        true,
        true,
      ]);
      const read = await storage().read(async (tx) => [await tx.kmsKey(REGION, KEY_ID), await tx.kmsKey(OTHER_REGION, KEY_ID)]);
      expect(read.map(comparableKey)).toEqual([comparableKey(here), comparableKey(there)]);
    });

    it("points an alias at a key only if the alias is free", async () => {
      const inserted = await storage().write(async (tx) => [
        await tx.insertAlias(REGION, "alias/app", KEY_ID),
        await tx.insertAlias(REGION, "alias/app", OTHER_KEY_ID),
        await tx.insertAlias(OTHER_REGION, "alias/app", OTHER_KEY_ID),
      ]);
      expect(inserted).toEqual([true, false, true]);
      const targets = await storage().read(async (tx) => [
        await tx.aliasTarget(REGION, "alias/app"),
        await tx.aliasTarget(OTHER_REGION, "alias/app"),
        await tx.aliasTarget(REGION, "alias/other"),
      ]);
      expect(targets).toEqual([KEY_ID, OTHER_KEY_ID, undefined]);
    });

    it("lets exactly one of two concurrent inserts of an alias win", async () => {
      const [first, second] = await Promise.all(
        [KEY_ID, OTHER_KEY_ID].map((keyId) => storage().write((tx) => tx.insertAlias(REGION, "alias/race", keyId))),
      );
      expect([first, second].filter(Boolean)).toHaveLength(1);
      const winner = first === true ? KEY_ID : OTHER_KEY_ID;
      expect(await storage().read((tx) => tx.aliasTarget(REGION, "alias/race"))).toBe(winner);
    });

    it("lets exactly one of two concurrent inserts of a key win", async () => {
      const results = await Promise.all(
        ["first", "second"].map((description) => storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID, { description })))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] === true ? "first" : "second";
      expect((await storage().read((tx) => tx.kmsKey(REGION, KEY_ID)))?.description).toBe(winner);
    });
  });
}
