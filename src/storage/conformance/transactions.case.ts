import { describe, expect, it } from "vitest";
import { VersionConflict, type Storage, type WriteTx } from "../ports.js";
import { aVersion, REGION, seed, USER, utf8 } from "./version-fixtures.js";

const WRITERS = 64;

/** Reads the latest version and appends the next one, retrying only on a lost race as the port allows. */
async function appendNext(storage: Storage, key: string, writer: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await storage.write(async (tx) => {
        const next = ((await tx.latest(REGION, key))?.version ?? 0) + 1;
        await tx.appendVersion(aVersion(key, next, { value: utf8(`writer ${writer}`) }));
        return next;
      });
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= WRITERS) throw error;
    }
  }
}

async function touchEverything(tx: WriteTx, key: string): Promise<void> {
  await tx.appendVersion(aVersion(key, 1));
  await tx.setLabel(REGION, key, "prod", 1);
  await tx.putTags(REGION, key, [{ key: "team", value: "core" }]);
  await tx.putResourcePolicy({ region: REGION, key, policyId: "p-1", policyHash: "h", policy: "{}" });
  await tx.putServiceSetting({
    region: REGION,
    settingId: "/ssm/parameter-store/default-parameter-tier",
    value: "Advanced",
    lastModifiedDate: 1,
    lastModifiedUser: USER,
  });
  await tx.insertKmsKey({
    region: REGION,
    keyId: "2f0b6c6e-3f8e-4d0a-9d55-0b1c7c6a1e11",
    arn: "arn:aws:kms:us-east-1:123456789012:key/2f0b6c6e-3f8e-4d0a-9d55-0b1c7c6a1e11",
    keyManager: "CUSTOMER",
    description: "",
    state: "Enabled",
    creationDate: 1,
    materials: [new Uint8Array([1, 2, 3])],
  });
  await tx.insertAlias(REGION, "alias/app", "2f0b6c6e-3f8e-4d0a-9d55-0b1c7c6a1e11");
}

async function expectUntouched(storage: Storage, key: string): Promise<void> {
  await storage.read(async (tx) => {
    expect(await tx.latest(REGION, key)).toBeUndefined();
    expect(await tx.versionByLabel(REGION, key, "prod")).toBeUndefined();
    expect(await tx.tags(REGION, key)).toEqual([]);
    expect(await tx.resourcePolicies(REGION, key)).toEqual([]);
    expect(await tx.serviceSetting(REGION, "/ssm/parameter-store/default-parameter-tier")).toBeUndefined();
    expect(await tx.kmsKey(REGION, "2f0b6c6e-3f8e-4d0a-9d55-0b1c7c6a1e11")).toBeUndefined();
    expect(await tx.aliasTarget(REGION, "alias/app")).toBeUndefined();
    expect(await tx.countByTier(REGION, "Standard")).toBe(0);
  });
}

export function transactionCases(storage: () => Storage): void {
  describe("transactions", () => {
    it("resolves a write with the value its work returned", async () => {
      expect(await storage().write(async () => ({ answer: 42 }))).toEqual({ answer: 42 });
    });

    it("rolls back everything a throwing write did and rejects with its error", async () => {
      const boom = new Error("boom");
      const failed = storage().write(async (tx) => {
        await touchEverything(tx, "/rolled/back");
        throw boom;
      });
      await expect(failed).rejects.toBe(boom);
      await expectUntouched(storage(), "/rolled/back");
    });

    it("does not let one failing write disturb the writes committed beside it", async () => {
      await seed(storage(), ["/taken"]);
      const boom = new Error("job 7 fails");
      const writes = Array.from({ length: 20 }, (_, i) =>
        storage().write(async (tx) => {
          if (i === 7) {
            await touchEverything(tx, "/job/7");
            throw boom;
          }
          // Job 13 loses a race with the seeded version inside the database itself.
          await tx.appendVersion(aVersion(i === 13 ? "/taken" : `/job/${i}`, 1));
          await tx.putTags(REGION, `/job/${i}`, [{ key: "job", value: String(i) }]);
          return i;
        }),
      );
      const outcomes = await Promise.allSettled(writes);
      outcomes.forEach((outcome, i) => {
        if (i === 7) expect(outcome).toEqual({ status: "rejected", reason: boom });
        else if (i === 13) expect(outcome.status === "rejected" && outcome.reason).toBeInstanceOf(VersionConflict);
        else expect(outcome).toEqual({ status: "fulfilled", value: i });
      });
      await storage().read(async (tx) => {
        expect(await tx.latest(REGION, "/job/7")).toBeUndefined();
        expect(await tx.kmsKey(REGION, "2f0b6c6e-3f8e-4d0a-9d55-0b1c7c6a1e11")).toBeUndefined();
        expect(await tx.tags(REGION, "/job/13")).toEqual([]);
        expect(await tx.versionNumbers(REGION, "/taken")).toEqual([1]);
        const listed = await tx.scan(REGION, { under: { path: "/job/", recursive: false }, limit: 50 });
        const expected = Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7 && i !== 13);
        expect(listed.map((r) => r.key)).toEqual(expected.map((i) => `/job/${i}`).sort());
        for (const i of expected) expect(await tx.tags(REGION, `/job/${i}`)).toEqual([{ key: "job", value: String(i) }]);
      });
    });

    it(`serializes ${WRITERS} concurrent read-then-append writers into versions 1..${WRITERS}`, async () => {
      const versions = await Promise.all(Array.from({ length: WRITERS }, (_, i) => appendNext(storage(), "/counter", i)));
      const expected = Array.from({ length: WRITERS }, (_, i) => i + 1);
      expect([...versions].sort((a, b) => a - b)).toEqual(expected);
      await storage().read(async (tx) => {
        expect(await tx.versionNumbers(REGION, "/counter")).toEqual(expected);
        expect((await tx.latest(REGION, "/counter"))?.version).toBe(WRITERS);
        const writers = (await tx.history(REGION, "/counter", 0, WRITERS)).map((h) => Buffer.from(h.value).toString());
        expect(new Set(writers).size).toBe(WRITERS);
      });
    });

    it("commits every one of many concurrent writes to distinct parameters", async () => {
      const count = 600;
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          storage().write((tx) => tx.appendVersion(aVersion(`/many/${String(i).padStart(4, "0")}`, 1))),
        ),
      );
      const listed = await storage().read((tx) => tx.scan(REGION, { keyPrefix: "/many/", limit: count + 1 }));
      expect(listed).toHaveLength(count);
    });

    it("makes a committed write visible to every later read", async () => {
      for (let v = 1; v <= 5; v++) {
        await storage().write((tx) => tx.appendVersion(aVersion("/p", v)));
        expect((await storage().read((tx) => tx.latest(REGION, "/p")))?.version).toBe(v);
      }
    });
  });
}
