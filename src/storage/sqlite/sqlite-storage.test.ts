import Database from "better-sqlite3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReadTx, Storage } from "../ports.js";
import { aVersion, gate, REGION } from "../conformance/version-fixtures.js";
import { openSqliteStorage } from "./sqlite-storage.js";

let dir: string;
let file: string;
let storage: Storage;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-sqlite-"));
  file = join(dir, "paramstore.db");
  storage = await openSqliteStorage({ file });
});
afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe("sqlite storage", () => {
  it("keeps the file in WAL mode", () => {
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("sees every committed write after close and reopen", async () => {
    await storage.write(async (tx) => {
      await tx.appendVersion(aVersion("/kept", 1));
      await tx.appendVersion(aVersion("/kept", 2));
      await tx.setLabel(REGION, "/kept", "prod", 1);
    });
    await storage.close();
    storage = await openSqliteStorage({ file });
    await storage.read(async (tx) => {
      expect(await tx.versionNumbers(REGION, "/kept")).toEqual([1, 2]);
      expect((await tx.versionByLabel(REGION, "/kept", "prod"))?.version).toBe(1);
    });
  });

  it("finishes queued writes on close, then refuses reads and writes", async () => {
    const writes = [1, 2, 3].map((v) => storage.write((tx) => tx.appendVersion(aVersion("/p", v))));
    const closed = storage.close();
    await expect(storage.write(async () => undefined)).rejects.toThrow("storage is closed");
    await Promise.all(writes);
    await closed;
    await expect(storage.read(async () => undefined)).rejects.toThrow("storage is closed");
    storage = await openSqliteStorage({ file });
    expect(await storage.read((tx) => tx.versionNumbers(REGION, "/p"))).toEqual([1, 2, 3]);
  });

  it("commits writes submitted together in one transaction", async () => {
    // The second job runs in the same transaction as the first: it sees the first job's change,
    // which no reader can see yet because nothing has committed.
    const first = storage.write((tx) => tx.appendVersion(aVersion("/first", 1)));
    const second = storage.write(async (tx) => ({
      inTx: (await tx.latest(REGION, "/first"))?.version,
      committed: (await storage.read((r) => r.latest(REGION, "/first")))?.version,
    }));
    await first;
    expect(await second).toEqual({ inTx: 1, committed: undefined });
    expect((await storage.read((tx) => tx.latest(REGION, "/first")))?.version).toBe(1);
  });

  it("gives each read one snapshot, even when a write commits meanwhile", async () => {
    await storage.write((tx) => tx.appendVersion(aVersion("/p", 1)));
    const started = gate();
    const resume = gate();
    const reading = storage.read(async (tx) => {
      const before = (await tx.latest(REGION, "/p"))?.version;
      started.open();
      await resume.promise;
      return [before, (await tx.latest(REGION, "/p"))?.version, await tx.versionNumbers(REGION, "/p")];
    });
    await started.promise;
    await storage.write((tx) => tx.appendVersion(aVersion("/p", 2)));
    resume.open();
    expect(await reading).toEqual([1, 1, [1]]);
  });

  it("serves a read nested inside another read", async () => {
    await storage.write((tx) => tx.appendVersion(aVersion("/p", 1)));
    const nested = await storage.read(async () => storage.read((tx) => tx.versionNumbers(REGION, "/p")));
    expect(nested).toEqual([1]);
  });

  it("refuses a transaction used after its work settled", async () => {
    let leakedWrite: Parameters<Parameters<Storage["write"]>[0]>[0] | undefined;
    let leakedRead: ReadTx | undefined;
    await storage.write(async (tx) => {
      leakedWrite = tx;
    });
    await storage.read(async (tx) => {
      leakedRead = tx;
    });
    await expect(leakedWrite?.appendVersion(aVersion("/late", 1))).rejects.toThrow(
      "storage transaction used after its work settled",
    );
    await expect(leakedRead?.latest(REGION, "/late")).rejects.toThrow("storage transaction used after its work settled");
    expect(await storage.read((tx) => tx.latest(REGION, "/late"))).toBeUndefined();
  });
});
