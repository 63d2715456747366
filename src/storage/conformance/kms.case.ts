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

    it("changes a key's state, deletion date and description, and leaves the rest", async () => {
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      const changed = await storage().write(async (tx) => [
        await tx.updateKmsKey(REGION, KEY_ID, { state: "PendingDeletion", deletionDate: 1_800_000_000_000 }),
        await tx.updateKmsKey(REGION, OTHER_KEY_ID, { state: "Disabled" }),
      ]);
      expect(changed).toEqual([true, false]);
      const pending = await storage().read((tx) => tx.kmsKey(REGION, KEY_ID));
      expect(comparableKey(pending)).toEqual(
        comparableKey(kmsKey(KEY_ID, { state: "PendingDeletion", deletionDate: 1_800_000_000_000 })),
      );
      await storage().write((tx) => tx.updateKmsKey(REGION, KEY_ID, { state: "Disabled", deletionDate: null, description: "" }));
      const cancelled = await storage().read((tx) => tx.kmsKey(REGION, KEY_ID));
      expect(cancelled?.state).toBe("Disabled");
      expect(cancelled?.description).toBe("");
      expect(cancelled && "deletionDate" in cancelled).toBe(false);
      expect(await storage().read((tx) => tx.kmsKey(OTHER_REGION, OTHER_KEY_ID))).toBeUndefined();
    });

    it("lists a region's keys in key id order, a page at a time", async () => {
      const ids = [KEY_ID, OTHER_KEY_ID, "5555aaaa-12ab-34cd-56ef-1234567890ab"];
      await storage().write(async (tx) => {
        for (const id of ids) await tx.insertKmsKey(kmsKey(id));
        await tx.insertKmsKey(kmsKey("ffffffff-12ab-34cd-56ef-1234567890ab", { region: OTHER_REGION }));
      });
      const sorted = [...ids].sort();
      const first = await storage().read((tx) => tx.listKmsKeys(REGION, undefined, 2));
      expect(first.map((k) => k.keyId)).toEqual(sorted.slice(0, 2));
      expect(first[0]?.arn).toBe(`arn:aws:kms:${REGION}:123456789012:key/${sorted[0] ?? ""}`);
      const rest = await storage().read((tx) => tx.listKmsKeys(REGION, first.at(-1)?.keyId, 2));
      expect(rest.map((k) => k.keyId)).toEqual(sorted.slice(2));
      expect(await storage().read((tx) => tx.listKmsKeys(REGION, undefined, 0))).toEqual([]);
    });

    it("lists aliases by name, all or one key's, with their dates, a page at a time", async () => {
      await storage().write(async (tx) => {
        await tx.insertAlias(REGION, "alias/b", KEY_ID, 1000);
        await tx.insertAlias(REGION, "alias/a", OTHER_KEY_ID, 2000);
        await tx.insertAlias(REGION, "alias/c", KEY_ID, 3000);
        await tx.insertAlias(OTHER_REGION, "alias/a", KEY_ID, 4000);
      });
      const all = await storage().read((tx) => tx.listAliases(REGION, { limit: 10 }));
      expect(all).toEqual([
        { region: REGION, alias: "alias/a", keyId: OTHER_KEY_ID, creationDate: 2000, lastUpdatedDate: 2000 },
        { region: REGION, alias: "alias/b", keyId: KEY_ID, creationDate: 1000, lastUpdatedDate: 1000 },
        { region: REGION, alias: "alias/c", keyId: KEY_ID, creationDate: 3000, lastUpdatedDate: 3000 },
      ]);
      const page = await storage().read((tx) => tx.listAliases(REGION, { afterAlias: "alias/a", limit: 1 }));
      expect(page.map((a) => a.alias)).toEqual(["alias/b"]);
      const ofKey = await storage().read((tx) => tx.listAliases(REGION, { keyId: KEY_ID, afterAlias: "alias/b", limit: 10 }));
      expect(ofKey.map((a) => a.alias)).toEqual(["alias/c"]);
    });

    it("re-points and deletes aliases, reporting whether they existed", async () => {
      await storage().write((tx) => tx.insertAlias(REGION, "alias/app", KEY_ID, 1000));
      const results = await storage().write(async (tx) => [
        await tx.updateAlias(REGION, "alias/app", OTHER_KEY_ID, 5000),
        await tx.updateAlias(REGION, "alias/none", OTHER_KEY_ID, 5000),
      ]);
      expect(results).toEqual([true, false]);
      expect(await storage().read((tx) => tx.listAliases(REGION, { limit: 10 }))).toEqual([
        { region: REGION, alias: "alias/app", keyId: OTHER_KEY_ID, creationDate: 1000, lastUpdatedDate: 5000 },
      ]);
      expect(await storage().write(async (tx) => [await tx.deleteAlias(REGION, "alias/app"), await tx.deleteAlias(REGION, "alias/app")])).toEqual([
        true,
        false,
      ]);
      expect(await storage().read((tx) => tx.aliasTarget(REGION, "alias/app"))).toBeUndefined();
    });

    it("deletes a key with its material and aliases, and nothing else", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID));
        await tx.insertKmsKey(kmsKey(OTHER_KEY_ID));
        await tx.insertAlias(REGION, "alias/doomed", KEY_ID, 1);
        await tx.insertAlias(REGION, "alias/kept", OTHER_KEY_ID, 1);
      });
      expect(await storage().write(async (tx) => [await tx.deleteKmsKey(REGION, KEY_ID), await tx.deleteKmsKey(REGION, KEY_ID)])).toEqual([
        true,
        false,
      ]);
      expect(await storage().read((tx) => tx.kmsKey(REGION, KEY_ID))).toBeUndefined();
      expect((await storage().read((tx) => tx.listAliases(REGION, { limit: 10 }))).map((a) => a.alias)).toEqual(["alias/kept"]);
      // A key re-inserted under the same id starts without the old material.
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID, { materials: [new Uint8Array([5])] })));
      expect((await storage().read((tx) => tx.kmsKey(REGION, KEY_ID)))?.materials.length).toBe(1);
      expect((await storage().read((tx) => tx.kmsKey(REGION, OTHER_KEY_ID)))?.materials.length).toBe(3);
    });

    it("finds the keys due for deletion across regions, soonest first", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID, { state: "PendingDeletion", deletionDate: 2000 }));
        await tx.insertKmsKey(kmsKey(KEY_ID, { region: OTHER_REGION, state: "PendingDeletion", deletionDate: 1000 }));
        await tx.insertKmsKey(kmsKey(OTHER_KEY_ID, { state: "PendingDeletion", deletionDate: 3000 }));
        await tx.insertKmsKey(kmsKey("5555aaaa-12ab-34cd-56ef-1234567890ab"));
      });
      expect(await storage().read((tx) => tx.kmsKeysDueForDeletion(2000, 10))).toEqual([
        { region: OTHER_REGION, keyId: KEY_ID },
        { region: REGION, keyId: KEY_ID },
      ]);
      expect(await storage().read((tx) => tx.kmsKeysDueForDeletion(5000, 1))).toEqual([{ region: OTHER_REGION, keyId: KEY_ID }]);
      expect(await storage().read((tx) => tx.kmsKeysDueForDeletion(999, 10))).toEqual([]);
    });
  });
}
