import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aVersion, REGION, utf8 } from "../conformance/version-fixtures.js";
import type { CheckpointResult } from "./checkpointer.js";
import { openSqliteStorage, type SqliteStores } from "./sqlite-storage.js";

let dir: string;
let file: string;
let storage: SqliteStores | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-checkpoint-"));
  file = join(dir, "paramstore.db");
});
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** About 6 MB of versions, well past SQLite's own 1,000-page (4 MB) automatic checkpoint. */
async function writeManyPages(s: SqliteStores): Promise<void> {
  const big = utf8("x".repeat(3000));
  for (let batch = 0; batch < 20; batch++) {
    await s.write(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.appendVersion(aVersion(`/big/${batch}/${i}`, 1, { value: big }));
    });
  }
}

const walBytes = async (): Promise<number> => (await stat(`${file}-wal`)).size;

describe("background WAL checkpoint", () => {
  it("leaves the checkpoint to the worker: the COMMITs let the WAL grow past SQLite's own threshold", async () => {
    // A worker that never gets to run in this test: only the writer could have checkpointed.
    storage = await openSqliteStorage({ file, backgroundCheckpoint: { intervalMs: 3_600_000 } });
    await writeManyPages(storage);
    expect(await walBytes()).toBeGreaterThan(5_000_000);
  });

  it("copies every committed frame into the database from the worker thread, and the data reads back", async () => {
    const results: CheckpointResult[] = [];
    const errors: string[] = [];
    storage = await openSqliteStorage({
      file,
      backgroundCheckpoint: { intervalMs: 20, onCheckpoint: (r) => results.push(r), onError: (e) => errors.push(e) },
    });
    await writeManyPages(storage);
    // Only a checkpoint that ran after the last write counts (the worker may not have run for a while).
    const written = results.length;
    const deadline = Date.now() + 10_000;
    const caughtUp = (): boolean => {
      const last = results.at(-1);
      return results.length > written && last !== undefined && last.log > 0 && last.checkpointed === last.log;
    };
    while (!caughtUp() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(errors).toEqual([]);
    expect(caughtUp()).toBe(true);
    // The writer's own threshold (20,000 pages) was never reached: the database file grew because the
    // worker copied the WAL's ~6 MB into it.
    expect((await stat(file)).size).toBeGreaterThan(5_000_000);
    const read = await storage.read((tx) => tx.latest(REGION, "/big/19/99"));
    expect(read?.version).toBe(1);
  });

  it("stops the worker on close, and the store reopens with everything in it", async () => {
    storage = await openSqliteStorage({ file, backgroundCheckpoint: { intervalMs: 20 } });
    await writeManyPages(storage);
    await storage.close();
    storage = await openSqliteStorage({ file });
    expect((await storage.read((tx) => tx.latest(REGION, "/big/0/0")))?.version).toBe(1);
  });
});
