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
    description: "",
    state: "Enabled",
    creationDate: 1_700_000_000_000,
    materials: [new Uint8Array([1])],
    ...overrides,
  };
}

const hex = (materials: readonly Uint8Array[] | undefined): string[] | undefined =>
  materials?.map((m) => Buffer.from(m).toString("hex"));

export function kmsRotationTagCases(storage: () => Storage): void {
  describe("kms rotation and key tags", () => {
    it("stores, changes and clears a key's rotation schedule", async () => {
      const rotation = { periodInDays: 365, nextRotationDate: 5000 };
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID, { rotation }));
        await tx.insertKmsKey(kmsKey(OTHER_KEY_ID));
      });
      const read = await storage().read(async (tx) => [await tx.kmsKey(REGION, KEY_ID), await tx.kmsKey(REGION, OTHER_KEY_ID)]);
      expect(read.map((k) => k?.rotation)).toEqual([rotation, undefined]);
      expect(read[1] && "rotation" in read[1]).toBe(false);

      await storage().write((tx) => tx.updateKmsKey(REGION, OTHER_KEY_ID, { rotation: { periodInDays: 90, nextRotationDate: 7000 } }));
      await storage().write((tx) => tx.updateKmsKey(REGION, KEY_ID, { state: "Disabled" }));
      const after = await storage().read(async (tx) => [await tx.kmsKey(REGION, KEY_ID), await tx.kmsKey(REGION, OTHER_KEY_ID)]);
      expect(after.map((k) => k?.rotation)).toEqual([rotation, { periodInDays: 90, nextRotationDate: 7000 }]);

      await storage().write((tx) => tx.updateKmsKey(REGION, KEY_ID, { rotation: null }));
      const cleared = await storage().read((tx) => tx.kmsKey(REGION, KEY_ID));
      expect(cleared && "rotation" in cleared).toBe(false);
      expect(cleared?.state).toBe("Disabled");
    });

    it("finds the keys due for rotation across regions, soonest first", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID, { rotation: { periodInDays: 90, nextRotationDate: 2000 } }));
        await tx.insertKmsKey(kmsKey(KEY_ID, { region: OTHER_REGION, rotation: { periodInDays: 90, nextRotationDate: 1000 } }));
        await tx.insertKmsKey(kmsKey(OTHER_KEY_ID, { rotation: { periodInDays: 90, nextRotationDate: 3000 } }));
        await tx.insertKmsKey(kmsKey("5555aaaa-12ab-34cd-56ef-1234567890ab"));
        const waiting = { state: "Disabled", rotation: { periodInDays: 90, nextRotationDate: 500 } };
        await tx.insertKmsKey(kmsKey("6666aaaa-12ab-34cd-56ef-1234567890ab", waiting));
      });
      expect(await storage().read((tx) => tx.kmsKeysDueForRotation(2000, 10))).toEqual([
        { region: OTHER_REGION, keyId: KEY_ID },
        { region: REGION, keyId: KEY_ID },
      ]);
      expect(await storage().read((tx) => tx.kmsKeysDueForRotation(5000, 1))).toEqual([{ region: OTHER_REGION, keyId: KEY_ID }]);
      expect(await storage().read((tx) => tx.kmsKeysDueForRotation(999, 10))).toEqual([]);
    });

    it("appends material versions in order, each with its rotation, and refuses gaps and repeats", async () => {
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      const appended = await storage().write(async (tx) => [
        await tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([2]), { materialVersion: 2, rotationDate: 100, rotationType: "ON_DEMAND" }),
        await tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([9]), { materialVersion: 2, rotationDate: 150, rotationType: "ON_DEMAND" }),
        await tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([9]), { materialVersion: 4, rotationDate: 150, rotationType: "ON_DEMAND" }),
        await tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([3]), { materialVersion: 3, rotationDate: 200, rotationType: "AUTOMATIC" }),
        await tx.appendKmsMaterial(REGION, OTHER_KEY_ID, new Uint8Array([3]), { materialVersion: 2, rotationDate: 200, rotationType: "AUTOMATIC" }),
      ]);
      expect(appended).toEqual([true, false, false, true, false]);
      expect(hex((await storage().read((tx) => tx.kmsKey(REGION, KEY_ID)))?.materials)).toEqual(["01", "02", "03"]);
      expect(await storage().read((tx) => tx.kmsKeyRotations(REGION, KEY_ID, 0, 10))).toEqual([
        { materialVersion: 2, rotationDate: 100, rotationType: "ON_DEMAND" },
        { materialVersion: 3, rotationDate: 200, rotationType: "AUTOMATIC" },
      ]);
      expect(await storage().read((tx) => tx.kmsKeyRotations(REGION, KEY_ID, 2, 10))).toEqual([
        { materialVersion: 3, rotationDate: 200, rotationType: "AUTOMATIC" },
      ]);
      expect(await storage().read((tx) => tx.kmsKeyRotations(REGION, KEY_ID, 0, 1))).toHaveLength(1);
      const counts = await storage().read(async (tx) => [
        await tx.countKmsKeyRotations(REGION, KEY_ID, "ON_DEMAND"),
        await tx.countKmsKeyRotations(REGION, KEY_ID, "AUTOMATIC"),
        await tx.countKmsKeyRotations(REGION, OTHER_KEY_ID, "ON_DEMAND"),
      ]);
      expect(counts).toEqual([1, 1, 0]);
    });

    it("lets exactly one of two concurrent appends of a material version win", async () => {
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      const results = await Promise.all(
        [7, 8].map((byte) =>
          storage().write((tx) =>
            tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([byte]), { materialVersion: 2, rotationDate: 1, rotationType: "ON_DEMAND" }),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await storage().read((tx) => tx.kmsKey(REGION, KEY_ID)))?.materials).toHaveLength(2);
    });

    it("keeps a key's tags in insertion order, overwrites values in place, removes by key", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID));
        await tx.putKmsKeyTags(REGION, KEY_ID, [
          { key: "b", value: "1" },
          { key: "a", value: "" },
        ]);
        await tx.putKmsKeyTags(REGION, KEY_ID, [
          { key: "c", value: "3" },
          { key: "b", value: "2" },
        ]);
        await tx.putKmsKeyTags(OTHER_REGION, KEY_ID, [{ key: "x", value: "y" }]);
      });
      expect(await storage().read((tx) => tx.kmsKeyTags(REGION, KEY_ID))).toEqual([
        { key: "b", value: "2" },
        { key: "a", value: "" },
        { key: "c", value: "3" },
      ]);
      await storage().write((tx) => tx.removeKmsKeyTags(REGION, KEY_ID, ["a", "missing"]));
      expect(await storage().read((tx) => tx.kmsKeyTags(REGION, KEY_ID))).toEqual([
        { key: "b", value: "2" },
        { key: "c", value: "3" },
      ]);
      expect(await storage().read((tx) => tx.kmsKeyTags(OTHER_REGION, KEY_ID))).toEqual([{ key: "x", value: "y" }]);
    });

    it("deletes a key's tags and rotations with the key", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID));
        await tx.putKmsKeyTags(REGION, KEY_ID, [{ key: "team", value: "core" }]);
        await tx.appendKmsMaterial(REGION, KEY_ID, new Uint8Array([2]), { materialVersion: 2, rotationDate: 1, rotationType: "ON_DEMAND" });
      });
      await storage().write((tx) => tx.deleteKmsKey(REGION, KEY_ID));
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      const fresh = await storage().read(async (tx) => ({
        tags: await tx.kmsKeyTags(REGION, KEY_ID),
        rotations: await tx.kmsKeyRotations(REGION, KEY_ID, 0, 10),
      }));
      expect(fresh).toEqual({ tags: [], rotations: [] });
    });
  });
}
