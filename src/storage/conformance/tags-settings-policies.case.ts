import { describe, expect, it } from "vitest";
import type { ResourcePolicyRecord, ServiceSettingRecord, Storage } from "../ports.js";
import { OTHER_REGION, REGION, seed, USER } from "./version-fixtures.js";

const TIER_SETTING = "/ssm/parameter-store/default-parameter-tier";

function setting(value: string, region: string = REGION): ServiceSettingRecord {
  return { region, settingId: TIER_SETTING, value, lastModifiedDate: 1_700_000_000_000, lastModifiedUser: USER };
}

function policy(policyId: string, hash: string, key = "/p"): ResourcePolicyRecord {
  return { region: REGION, key, policyId, policyHash: hash, policy: `{"Version":"2012-10-17","Id":"${policyId}"}` };
}

const byId = (a: ResourcePolicyRecord, b: ResourcePolicyRecord): number => a.policyId.localeCompare(b.policyId);

export function tagSettingPolicyCases(storage: () => Storage): void {
  describe("tags", () => {
    it("keeps an updated tag in its place and appends new keys", async () => {
      await seed(storage(), ["/p"]);
      await storage().write((tx) =>
        tx.putTags(REGION, "/p", [
          { key: "b", value: "1" },
          { key: "a", value: "2" },
          { key: "c", value: "3" },
        ]),
      );
      await storage().write((tx) =>
        tx.putTags(REGION, "/p", [
          { key: "new", value: "" },
          { key: "a", value: "20" },
        ]),
      );
      expect(await storage().read((tx) => tx.tags(REGION, "/p"))).toEqual([
        { key: "b", value: "1" },
        { key: "a", value: "20" },
        { key: "c", value: "3" },
        { key: "new", value: "" },
      ]);
    });

    it("removes tags by key, and a re-added key goes to the end", async () => {
      await seed(storage(), ["/p"]);
      await storage().write(async (tx) => {
        await tx.putTags(REGION, "/p", [
          { key: "a", value: "1" },
          { key: "b", value: "2" },
          { key: "c", value: "3" },
        ]);
        await tx.removeTags(REGION, "/p", ["a", "missing"]);
      });
      expect(await storage().read((tx) => tx.tags(REGION, "/p"))).toEqual([
        { key: "b", value: "2" },
        { key: "c", value: "3" },
      ]);
      await storage().write((tx) => tx.putTags(REGION, "/p", [{ key: "a", value: "back" }]));
      expect((await storage().read((tx) => tx.tags(REGION, "/p"))).map((t) => t.key)).toEqual(["b", "c", "a"]);
    });

    it("keeps each parameter's and each region's tags apart", async () => {
      await seed(storage(), ["/p", "/p/q"]);
      await seed(storage(), ["/p"], OTHER_REGION);
      await storage().write(async (tx) => {
        await tx.putTags(REGION, "/p", [{ key: "k", value: "p" }]);
        await tx.putTags(REGION, "/p/q", [{ key: "k", value: "q" }]);
        await tx.putTags(OTHER_REGION, "/p", [{ key: "k", value: "other" }]);
      });
      const read = await storage().read(async (tx) => [
        await tx.tags(REGION, "/p"),
        await tx.tags(REGION, "/p/q"),
        await tx.tags(OTHER_REGION, "/p"),
      ]);
      expect(read).toEqual([[{ key: "k", value: "p" }], [{ key: "k", value: "q" }], [{ key: "k", value: "other" }]]);
    });
  });

  describe("service settings", () => {
    it("round-trips, overwrites and deletes a setting, per region", async () => {
      await storage().write((tx) => tx.putServiceSetting(setting("Standard")));
      expect(await storage().read((tx) => tx.serviceSetting(REGION, TIER_SETTING))).toEqual(setting("Standard"));
      expect(await storage().read((tx) => tx.serviceSetting(OTHER_REGION, TIER_SETTING))).toBeUndefined();

      const updated = { ...setting("Intelligent-Tiering"), lastModifiedDate: 1_800_000_000_000, lastModifiedUser: "root" };
      await storage().write(async (tx) => {
        await tx.putServiceSetting(updated);
        await tx.putServiceSetting(setting("Advanced", OTHER_REGION));
      });
      expect(await storage().read((tx) => tx.serviceSetting(REGION, TIER_SETTING))).toEqual(updated);

      await storage().write((tx) => tx.deleteServiceSetting(REGION, TIER_SETTING));
      expect(await storage().read((tx) => tx.serviceSetting(REGION, TIER_SETTING))).toBeUndefined();
      expect(await storage().read((tx) => tx.serviceSetting(OTHER_REGION, TIER_SETTING))).toEqual(
        setting("Advanced", OTHER_REGION),
      );
    });
  });

  describe("resource policies", () => {
    it("round-trips, replaces by policy id and deletes policies of one parameter", async () => {
      await seed(storage(), ["/p", "/q"]);
      await storage().write(async (tx) => {
        await tx.putResourcePolicy(policy("id-2", "h2"));
        await tx.putResourcePolicy(policy("id-1", "h1"));
        await tx.putResourcePolicy(policy("id-1", "h1", "/q"));
      });
      expect((await storage().read((tx) => tx.resourcePolicies(REGION, "/p"))).sort(byId)).toEqual([
        policy("id-1", "h1"),
        policy("id-2", "h2"),
      ]);

      const replaced = { ...policy("id-2", "h2-new"), policy: '{"Version":"2012-10-17","Statement":[]}' };
      await storage().write((tx) => tx.putResourcePolicy(replaced));
      expect((await storage().read((tx) => tx.resourcePolicies(REGION, "/p"))).sort(byId)).toEqual([
        policy("id-1", "h1"),
        replaced,
      ]);

      const deleted = await storage().write(async (tx) => [
        await tx.deleteResourcePolicy(REGION, "/p", "id-1"),
        await tx.deleteResourcePolicy(REGION, "/p", "id-1"),
      ]);
      expect(deleted).toEqual([true, false]);
      expect(await storage().read((tx) => tx.resourcePolicies(REGION, "/p"))).toEqual([replaced]);
      expect(await storage().read((tx) => tx.resourcePolicies(REGION, "/q"))).toEqual([policy("id-1", "h1", "/q")]);
      expect(await storage().read((tx) => tx.resourcePolicies(OTHER_REGION, "/p"))).toEqual([]);
    });

    it("moves the generation forward on every policy change, the parameter's deletion included, and on nothing else", async () => {
      const generation = (): Promise<number> => storage().read((tx) => tx.resourcePolicyGeneration());
      await seed(storage(), ["/p", "/q"]);
      const seen = [await generation()];
      const step = async (change: Parameters<Storage["write"]>[0]): Promise<void> => {
        await storage().write(change);
        seen.push(await generation());
      };
      await step((tx) => tx.putResourcePolicy(policy("id-1", "h1")));
      await step((tx) => tx.putResourcePolicy({ ...policy("id-1", "h1-new"), policy: "{}" }));
      await step(async (tx) => void (await tx.deleteResourcePolicy(REGION, "/p", "id-1")));
      await step((tx) => tx.putResourcePolicy(policy("id-1", "h1", "/q")));
      await step(async (tx) => void (await tx.deleteParameter(REGION, "/q")));
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? Infinity);

      const before = await generation();
      await seed(storage(), ["/r"]);
      await storage().write((tx) => tx.putTags(REGION, "/r", [{ key: "k", value: "v" }]));
      await storage().write(async (tx) => void (await tx.deleteParameter(REGION, "/r")));
      await expect(storage().write(async (tx) => {
        await tx.putResourcePolicy(policy("id-9", "h9"));
        throw new Error("rolled back");
      })).rejects.toThrow("rolled back");
      expect(await generation()).toBe(before);
    });
  });
}
