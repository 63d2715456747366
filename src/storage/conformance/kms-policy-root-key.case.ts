import { describe, expect, it } from "vitest";
import type { KmsKeyRecord, KmsMaterialPosition, Storage } from "../ports.js";
import { OTHER_REGION, REGION } from "./version-fixtures.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER_KEY_ID = "0987dcba-09fe-87dc-65ba-ab0987654321";

function kmsKey(keyId: string, region = REGION, materials = [new Uint8Array([1]), new Uint8Array([2])]): KmsKeyRecord {
  return {
    region,
    keyId,
    arn: `arn:aws:kms:${region}:123456789012:key/${keyId}`,
    keyManager: "CUSTOMER",
    description: "",
    state: "Enabled",
    creationDate: 1_700_000_000_000,
    materials,
  };
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

export function kmsPolicyRootKeyCases(storage: () => Storage): void {
  describe("kms key policies and root key rotation", () => {
    it("stores a key's policy, replaces it, and drops it with the key", async () => {
      const put = await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID));
        return [await tx.putKmsKeyPolicy(REGION, KEY_ID, "{}"), await tx.putKmsKeyPolicy(REGION, OTHER_KEY_ID, "{}")];
      });
      expect(put).toEqual([true, false]);
      await storage().write((tx) => tx.putKmsKeyPolicy(REGION, KEY_ID, '{"v":2}'));
      expect(await storage().read((tx) => tx.kmsKeyPolicy(REGION, KEY_ID))).toBe('{"v":2}');
      expect(await storage().read((tx) => tx.kmsKeyPolicy(REGION, OTHER_KEY_ID))).toBeUndefined();

      await storage().write((tx) => tx.deleteKmsKey(REGION, KEY_ID));
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      expect(await storage().read((tx) => tx.kmsKeyPolicy(REGION, KEY_ID))).toBeUndefined();
    });

    it("keeps one root key state and overwrites it", async () => {
      expect(await storage().read((tx) => tx.rootKeyState())).toBeUndefined();
      await storage().write((tx) => tx.setRootKeyState({ current: "aa", previous: null }));
      await storage().write((tx) => tx.setRootKeyState({ current: "bb", previous: "aa" }));
      expect(await storage().read((tx) => tx.rootKeyState())).toEqual({ current: "bb", previous: "aa" });
    });

    it("walks every region's materials in order, a page at a time", async () => {
      await storage().write(async (tx) => {
        await tx.insertKmsKey(kmsKey(KEY_ID));
        await tx.insertKmsKey(kmsKey(OTHER_KEY_ID, REGION, [new Uint8Array([3])]));
        await tx.insertKmsKey(kmsKey(KEY_ID, OTHER_REGION, [new Uint8Array([4])]));
      });
      const seen: string[] = [];
      let after: KmsMaterialPosition | undefined;
      for (;;) {
        const page = await storage().read((tx) => tx.scanKmsMaterials(after, 2));
        if (page.length === 0) break;
        for (const m of page) seen.push(`${m.region} ${m.keyId} ${m.version} ${hex(m.material)} ${m.arn.endsWith(m.keyId)}`);
        after = page.at(-1);
      }
      // Region first ("eu-west-3" < "us-east-1"), then key id, then version.
      expect(seen).toEqual([
        `${OTHER_REGION} ${KEY_ID} 1 04 true`,
        `${REGION} ${OTHER_KEY_ID} 1 03 true`,
        `${REGION} ${KEY_ID} 1 01 true`,
        `${REGION} ${KEY_ID} 2 02 true`,
      ]);
    });

    it("replaces a material only while it still holds the expected bytes", async () => {
      await storage().write((tx) => tx.insertKmsKey(kmsKey(KEY_ID)));
      const at = { region: REGION, keyId: KEY_ID, version: 2 };
      const replaced = await storage().write(async (tx) => [
        await tx.replaceKmsMaterial(at, new Uint8Array([2]), new Uint8Array([20])),
        await tx.replaceKmsMaterial(at, new Uint8Array([2]), new Uint8Array([21])),
        await tx.replaceKmsMaterial({ ...at, keyId: OTHER_KEY_ID }, new Uint8Array([2]), new Uint8Array([22])),
      ]);
      expect(replaced).toEqual([true, false, false]);
      const key = await storage().read((tx) => tx.kmsKey(REGION, KEY_ID));
      expect(key?.materials.map(hex)).toEqual(["01", "14"]);
    });
  });
}
