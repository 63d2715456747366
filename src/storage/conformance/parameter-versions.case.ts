import { describe, expect, it } from "vitest";
import { VersionConflict, type ParameterVersionRecord, type Storage } from "../ports.js";
import { aVersion, comparable, gate, OTHER_REGION, REGION, seed, utf8 } from "./version-fixtures.js";

const SECURE: ParameterVersionRecord = aVersion("/app/db/password", 1, {
  name: "/app/db/password",
  type: "SecureString",
  value: new Uint8Array([0, 1, 2, 250, 255, 0]),
  keyId: "alias/aws/ssm",
  description: "ünïcödé — description",
  allowedPattern: "^[a-z]+$",
  tier: "Advanced",
  dataType: "text",
  policies: [
    { text: '{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}', type: "Expiration", status: "Pending" },
    { text: '{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"20","Unit":"Days"}}', type: "NoChangeNotification", status: "Finished" },
  ],
  lastModifiedDate: 1_712_345_678_901,
});

export function parameterVersionCases(storage: () => Storage): void {
  describe("parameter versions", () => {
    it("reads back every field of an appended version", async () => {
      await storage().write((tx) => tx.appendVersion(SECURE));
      const [latest, byNumber] = await storage().read(async (tx) => [
        await tx.latest(REGION, SECURE.key),
        await tx.version(REGION, SECURE.key, 1),
      ]);
      expect(latest && comparable(latest)).toEqual(comparable(SECURE));
      expect(byNumber && comparable(byNumber)).toEqual(comparable(SECURE));
    });

    it("keeps the spelling a top-level parameter was created with", async () => {
      await storage().write((tx) => tx.appendVersion(aVersion("/plain", 1, { name: "plain" })));
      expect((await storage().read((tx) => tx.latest(REGION, "/plain")))?.name).toBe("plain");
    });

    it("sees its own writes inside the write transaction", async () => {
      const seen = await storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/p", 1));
        await tx.appendVersion(aVersion("/p", 2));
        return { latest: (await tx.latest(REGION, "/p"))?.version, numbers: await tx.versionNumbers(REGION, "/p") };
      });
      expect(seen).toEqual({ latest: 2, numbers: [1, 2] });
      expect((await storage().read((tx) => tx.latest(REGION, "/p")))?.version).toBe(2);
    });

    it("hides a write from readers until it commits", async () => {
      const appended = gate();
      const release = gate();
      const writing = storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/pending", 1));
        appended.open();
        await release.promise;
      });
      await appended.promise;
      expect(await storage().read((tx) => tx.latest(REGION, "/pending"))).toBeUndefined();
      release.open();
      await writing;
      expect((await storage().read((tx) => tx.latest(REGION, "/pending")))?.version).toBe(1);
    });

    it("answers undefined and empty lists for what does not exist", async () => {
      await seed(storage(), ["/p"]);
      await storage().read(async (tx) => {
        expect(await tx.latest(REGION, "/missing")).toBeUndefined();
        expect(await tx.version(REGION, "/p", 2)).toBeUndefined();
        expect(await tx.versionByLabel(REGION, "/p", "nope")).toBeUndefined();
        expect(await tx.history(REGION, "/missing", 0, 10)).toEqual([]);
        expect(await tx.versionNumbers(REGION, "/missing")).toEqual([]);
        expect(await tx.versionSpan(REGION, "/missing")).toEqual({ count: 0, oldest: undefined });
        expect(await tx.labelsOf(REGION, "/p", 1)).toEqual([]);
      });
    });

    it("makes each appended version the latest and keeps the older ones readable", async () => {
      for (const v of [1, 2, 3]) {
        await storage().write((tx) => tx.appendVersion(aVersion("/p", v, { value: utf8(`value ${v}`) })));
      }
      await storage().read(async (tx) => {
        expect((await tx.latest(REGION, "/p"))?.version).toBe(3);
        expect(Buffer.from((await tx.version(REGION, "/p", 2))?.value ?? []).toString()).toBe("value 2");
        expect(await tx.versionNumbers(REGION, "/p")).toEqual([1, 2, 3]);
        expect(await tx.versionSpan(REGION, "/p")).toEqual({ count: 3, oldest: 1 });
      });
    });

    it("rejects a duplicate version with VersionConflict and keeps nothing of that write", async () => {
      await seed(storage(), ["/p"]);
      const failed = storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/p", 2));
        await tx.appendVersion(aVersion("/p", 1, { value: utf8("overwritten?") }));
      });
      await expect(failed).rejects.toBeInstanceOf(VersionConflict);
      await expect(failed).rejects.toMatchObject({ key: "/p", version: 1 });
      await storage().read(async (tx) => {
        expect(await tx.versionNumbers(REGION, "/p")).toEqual([1]);
        expect(Buffer.from((await tx.latest(REGION, "/p"))?.value ?? []).toString()).toBe("/p@1");
      });
    });

    it("lets a write that catches VersionConflict go on and commit its other changes", async () => {
      await seed(storage(), ["/p"]);
      await storage().write(async (tx) => {
        await expect(tx.appendVersion(aVersion("/p", 1))).rejects.toBeInstanceOf(VersionConflict);
        await tx.appendVersion(aVersion("/p", 2));
      });
      expect(await storage().read((tx) => tx.versionNumbers(REGION, "/p"))).toEqual([1, 2]);
    });

    it("pages history in ascending order, each version with its labels", async () => {
      await storage().write(async (tx) => {
        for (const v of [1, 2, 3, 4, 5]) await tx.appendVersion(aVersion("/p", v));
        await tx.setLabel(REGION, "/p", "beta", 2);
        await tx.setLabel(REGION, "/p", "alpha", 2);
        await tx.setLabel(REGION, "/p", "prod", 4);
      });
      const pages = await storage().read(async (tx) => [
        await tx.history(REGION, "/p", 0, 2),
        await tx.history(REGION, "/p", 2, 2),
        await tx.history(REGION, "/p", 4, 2),
        await tx.history(REGION, "/p", 5, 2),
      ]);
      const summary = pages.map((page) => page.map((h) => ({ version: h.version, labels: [...h.labels].sort() })));
      expect(summary).toEqual([
        [{ version: 1, labels: [] }, { version: 2, labels: ["alpha", "beta"] }],
        [{ version: 3, labels: [] }, { version: 4, labels: ["prod"] }],
        [{ version: 5, labels: [] }],
        [],
      ]);
      const first = pages[0]?.[0];
      expect(first && comparable(first)).toEqual({ ...comparable(aVersion("/p", 1)), labels: [] });
    });

    it("moves a label when it is set on another version", async () => {
      await storage().write(async (tx) => {
        for (const v of [1, 2]) await tx.appendVersion(aVersion("/p", v));
        await tx.setLabel(REGION, "/p", "prod", 1);
        await tx.setLabel(REGION, "/p", "stable", 1);
      });
      await storage().write((tx) => tx.setLabel(REGION, "/p", "prod", 2));
      await storage().read(async (tx) => {
        expect((await tx.versionByLabel(REGION, "/p", "prod"))?.version).toBe(2);
        expect(await tx.labelsOf(REGION, "/p", 1)).toEqual(["stable"]);
        expect(await tx.labelsOf(REGION, "/p", 2)).toEqual(["prod"]);
      });
    });

    it("removes a label only from the version that carries it", async () => {
      await storage().write(async (tx) => {
        for (const v of [1, 2]) await tx.appendVersion(aVersion("/p", v));
        await tx.setLabel(REGION, "/p", "prod", 2);
      });
      const removed = await storage().write(async (tx) => [
        await tx.removeLabel(REGION, "/p", "prod", 1),
        await tx.removeLabel(REGION, "/p", "prod", 2),
        await tx.removeLabel(REGION, "/p", "prod", 2),
      ]);
      expect(removed).toEqual([false, true, false]);
      expect(await storage().read((tx) => tx.versionByLabel(REGION, "/p", "prod"))).toBeUndefined();
    });

    it("drops one version and its labels with deleteVersion", async () => {
      await storage().write(async (tx) => {
        for (const v of [1, 2, 3]) await tx.appendVersion(aVersion("/p", v));
        await tx.setLabel(REGION, "/p", "old", 1);
        await tx.setLabel(REGION, "/p", "new", 3);
      });
      await storage().write((tx) => tx.deleteVersion(REGION, "/p", 1));
      await storage().read(async (tx) => {
        expect(await tx.versionNumbers(REGION, "/p")).toEqual([2, 3]);
        expect(await tx.versionSpan(REGION, "/p")).toEqual({ count: 2, oldest: 2 });
        expect(await tx.version(REGION, "/p", 1)).toBeUndefined();
        expect(await tx.versionByLabel(REGION, "/p", "old")).toBeUndefined();
        expect(await tx.labelsOf(REGION, "/p", 1)).toEqual([]);
        expect((await tx.versionByLabel(REGION, "/p", "new"))?.version).toBe(3);
        expect((await tx.latest(REGION, "/p"))?.version).toBe(3);
        expect((await tx.history(REGION, "/p", 0, 10)).map((h) => h.version)).toEqual([2, 3]);
      });
    });

    it("deletes a parameter with everything attached, and a recreated one starts clean", async () => {
      await seed(storage(), ["/a", "/a/b", "/ab"]);
      await storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/a", 2, { tier: "Advanced" }));
        await tx.setLabel(REGION, "/a", "prod", 2);
        await tx.putTags(REGION, "/a", [{ key: "team", value: "core" }]);
        await tx.putResourcePolicy({ region: REGION, key: "/a", policyId: "p-1", policyHash: "h", policy: "{}" });
      });
      const deleted = await storage().write(async (tx) => [
        await tx.deleteParameter(REGION, "/a"),
        await tx.deleteParameter(REGION, "/a"),
      ]);
      expect(deleted).toEqual([true, false]);
      await storage().read(async (tx) => {
        expect(await tx.latest(REGION, "/a")).toBeUndefined();
        expect(await tx.version(REGION, "/a", 1)).toBeUndefined();
        expect(await tx.versionNumbers(REGION, "/a")).toEqual([]);
        expect(await tx.versionByLabel(REGION, "/a", "prod")).toBeUndefined();
        expect(await tx.tags(REGION, "/a")).toEqual([]);
        expect(await tx.resourcePolicies(REGION, "/a")).toEqual([]);
        expect(await tx.countByTier(REGION, "Advanced")).toBe(0);
        const listed = await tx.scan(REGION, { under: { path: "/", recursive: true }, limit: 10 });
        expect(listed.map((r) => r.key)).toEqual(["/a/b", "/ab"]);
      });

      await storage().write((tx) => tx.appendVersion(aVersion("/a", 1)));
      await storage().read(async (tx) => {
        expect((await tx.history(REGION, "/a", 0, 10)).map((h) => [h.version, h.labels])).toEqual([[1, []]]);
        expect(await tx.labelsOf(REGION, "/a", 2)).toEqual([]);
        expect(await tx.tags(REGION, "/a")).toEqual([]);
        expect(await tx.resourcePolicies(REGION, "/a")).toEqual([]);
      });
    });

    it("keeps regions apart", async () => {
      await storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/p", 1, { value: utf8("here") }));
        await tx.appendVersion(aVersion("/p", 1, { region: OTHER_REGION, value: utf8("there") }));
        await tx.appendVersion(aVersion("/p", 2, { region: OTHER_REGION }));
        await tx.setLabel(OTHER_REGION, "/p", "prod", 1);
      });
      await storage().write((tx) => tx.deleteParameter(REGION, "/p"));
      await storage().read(async (tx) => {
        expect(await tx.latest(REGION, "/p")).toBeUndefined();
        expect(await tx.versionNumbers(OTHER_REGION, "/p")).toEqual([1, 2]);
        expect(await tx.versionByLabel(REGION, "/p", "prod")).toBeUndefined();
        const there = await tx.versionByLabel(OTHER_REGION, "/p", "prod");
        expect(Buffer.from(there?.value ?? []).toString()).toBe("there");
      });
    });

    it("counts parameters by the tier of their latest version, per region", async () => {
      await seed(storage(), ["/s1", "/s2", "/s3"]);
      await seed(storage(), ["/s1"], OTHER_REGION);
      await storage().write(async (tx) => {
        await tx.appendVersion(aVersion("/s1", 2, { tier: "Advanced" }));
        await tx.appendVersion(aVersion("/a1", 1, { tier: "Advanced" }));
      });
      const counts = (): Promise<number[]> =>
        storage().read(async (tx) => [
          await tx.countByTier(REGION, "Standard"),
          await tx.countByTier(REGION, "Advanced"),
          await tx.countByTier(OTHER_REGION, "Standard"),
          await tx.countByTier(OTHER_REGION, "Advanced"),
        ]);
      expect(await counts()).toEqual([2, 2, 1, 0]);
      await storage().write((tx) => tx.deleteParameter(REGION, "/a1"));
      expect(await counts()).toEqual([2, 1, 1, 0]);
      // An upgrade into a tier that already has parameters.
      await storage().write((tx) => tx.appendVersion(aVersion("/s2", 2, { tier: "Advanced" })));
      expect(await counts()).toEqual([1, 2, 1, 0]);
    });
  });
}
