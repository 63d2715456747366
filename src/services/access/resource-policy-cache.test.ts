import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gate, REGION, seed } from "../../storage/conformance/version-fixtures.js";
import type { ReadTx, Storage } from "../../storage/ports.js";
import { openSqliteStorage, type SqliteStores } from "../../storage/sqlite/sqlite-storage.js";
import { ResourcePolicyCache } from "./resource-policy-cache.js";

const statement = (sid: string) => ({ Sid: sid, Effect: "Deny", Principal: "*", Action: "ssm:GetParameter", Resource: "*" });
const document = (...sids: string[]) => JSON.stringify({ Version: "2012-10-17", Statement: sids.map(statement) });

let dir: string;
let store: SqliteStores;
let reads: number;
let storage: Storage;
let now: number;
const clock = { now: () => new Date(now) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-rp-cache-"));
  store = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  reads = 0;
  // Counts the read transactions the cache opens.
  storage = { read: (work) => (reads++, store.read(work)), write: (work) => store.write(work), close: () => store.close() };
  now = 1_700_000_000_000;
  await seed(store, ["/p", "/q"]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const putPolicy = (key: string, id: string, text: string) =>
  store.write((tx) => tx.putResourcePolicy({ region: REGION, key, policyId: id, policyHash: id, policy: text }));

describe("ResourcePolicyCache", () => {
  it("merges a parameter's policies into one document, null when it has none, and serves repeats without a read", async () => {
    await putPolicy("/p", "id-1", document("One"));
    await putPolicy("/p", "id-2", document("Two", "Three"));
    const cache = new ResourcePolicyCache(storage, clock);
    const merged = await cache.merged(REGION, "/p");
    expect(JSON.parse(merged ?? "null")).toEqual({ Version: "2012-10-17", Statement: [statement("One"), statement("Two"), statement("Three")] });
    expect(await cache.merged(REGION, "/q")).toBeNull();
    const before = reads;
    expect(await cache.merged(REGION, "/p")).toBe(merged);
    expect(await cache.merged(REGION, "/q")).toBeNull();
    expect(reads).toBe(before);
  });

  it("sees a change made through another node once the ttl has passed, and one made here at once after invalidate", async () => {
    const cache = new ResourcePolicyCache(storage, clock, 1000);
    expect(await cache.merged(REGION, "/p")).toBeNull();
    await putPolicy("/p", "id-1", document("Elsewhere"));
    now += 999;
    expect(await cache.merged(REGION, "/p")).toBeNull();
    now += 1;
    expect(await cache.merged(REGION, "/p")).toBe(document("Elsewhere"));

    await store.write(async (tx) => void (await tx.deleteParameter(REGION, "/p")));
    cache.invalidate();
    expect(await cache.merged(REGION, "/p")).toBeNull();
  });

  it("keeps entries across an invalidate that changed no policy", async () => {
    await putPolicy("/p", "id-1", document("Kept"));
    const cache = new ResourcePolicyCache(storage, clock);
    await cache.merged(REGION, "/p");
    cache.invalidate();
    const before = reads;
    expect(await cache.merged(REGION, "/p")).toBe(document("Kept"));
    expect(reads).toBe(before + 1); // the generation, not the policies
  });

  it("does not let a load that read before a change land after the change's invalidate", async () => {
    await putPolicy("/p", "id-1", document("Old"));
    let hold: { reading: ReturnType<typeof gate>; release: ReturnType<typeof gate> } | undefined;
    // Holds the next read transaction open after its work, until released.
    const held: Storage = {
      ...storage,
      read: (work) =>
        store.read(async (tx: ReadTx) => {
          const out = await work(tx);
          const h = hold;
          hold = undefined;
          if (h !== undefined) {
            h.reading.open();
            await h.release.promise;
          }
          return out;
        }),
    };
    const cache = new ResourcePolicyCache(held, clock);
    await cache.merged(REGION, "/q"); // the generation is known now; the next load of /p reads its policies
    const h = { reading: gate(), release: gate() };
    hold = h;
    const stale = cache.merged(REGION, "/p");
    await h.reading.promise;
    await putPolicy("/p", "id-1", document("New"));
    cache.invalidate();
    expect(await cache.merged(REGION, "/p")).toBe(document("New"));
    h.release.open();
    expect(await stale).toBe(document("Old"));
    expect(await cache.merged(REGION, "/p")).toBe(document("New"));
  });
});
