import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParameterVersionRecord, ReadTx, Storage } from "../../storage/ports.js";
import { REGION, seed } from "../../storage/conformance/version-fixtures.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { scanFilteredPage, type FilteredScan } from "./filtered-scan.js";

let dir: string;
let storage: Storage;
const KEYS = Array.from({ length: 30 }, (_, i) => `/k/${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-filtered-scan-"));
  storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  await seed(storage, KEYS);
  await storage.write((tx) => tx.putTags(REGION, "/k/07", [{ key: "team", value: "a" }]));
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs one page and counts the rows storage handed over. */
async function page(q: Omit<FilteredScan, "region" | "hint" | "needsTags"> & Partial<FilteredScan>) {
  let examined = 0;
  const result = await storage.read((tx) => {
    const counting: ReadTx = Object.create(tx) as ReadTx; // inherits every method, overrides scan
    counting.scan = async (region, scan) => {
      const rows = await tx.scan(region, scan);
      examined += rows.length;
      return rows;
    };
    return scanFilteredPage(counting, { region: REGION, hint: {}, needsTags: false, ...q });
  });
  return { keys: result.records.map((r) => r.key), resumeAfter: result.resumeAfter, examined };
}

/** Pages until no resume position is left. */
async function all(q: Omit<FilteredScan, "region" | "hint" | "needsTags" | "afterKey"> & Partial<FilteredScan>) {
  const pages: string[][] = [];
  let afterKey: string | undefined;
  for (;;) {
    const p = await page({ ...q, afterKey });
    pages.push(p.keys);
    if (p.resumeAfter === null) return pages;
    afterKey = p.resumeAfter;
  }
}

const endsWithZero = (r: ParameterVersionRecord): boolean => r.key.endsWith("0");

describe("scanFilteredPage", () => {
  it("fills a page from one storage call when nothing is filtered, and says whether more follow", async () => {
    expect(await page({ afterKey: undefined, pageSize: 5, matches: () => true })).toEqual({
      keys: KEYS.slice(0, 5),
      resumeAfter: "/k/04",
      examined: 6,
    });
    expect(await page({ afterKey: "/k/24", pageSize: 5, matches: () => true })).toEqual({
      keys: KEYS.slice(25),
      resumeAfter: null,
      examined: 5,
    });
  });

  it("never offers a resume position when the page that ends the listing is exactly full", async () => {
    expect(await all({ pageSize: 10, matches: () => true })).toEqual([KEYS.slice(0, 10), KEYS.slice(10, 20), KEYS.slice(20)]);
    expect(await all({ pageSize: 3, matches: endsWithZero })).toEqual([["/k/00", "/k/10", "/k/20"]]);
  });

  it("stops at its row budget with a short page and resumes where it stopped", async () => {
    const first = await page({ afterKey: undefined, pageSize: 2, budget: 8, matches: endsWithZero });
    expect(first).toEqual({ keys: ["/k/00"], resumeAfter: "/k/07", examined: 8 });
    const pages = await all({ pageSize: 2, budget: 8, matches: endsWithZero });
    expect(pages.flat()).toEqual(["/k/00", "/k/10", "/k/20"]);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages).toContainEqual([]);
  });

  it("never examines more rows than its budget", async () => {
    const p = await page({ afterKey: undefined, pageSize: 2, budget: 8, matches: () => false });
    expect(p).toEqual({ keys: [], resumeAfter: "/k/07", examined: 8 });
  });

  it("passes each row's tags to the predicate when asked", async () => {
    const p = await page({
      afterKey: undefined,
      pageSize: 10,
      needsTags: true,
      matches: (_r, tags) => tags.some((t) => t.key === "team" && t.value === "a"),
    });
    expect(p).toMatchObject({ keys: ["/k/07"], resumeAfter: null });
  });

  it("keeps to the storage push-down", async () => {
    expect(await page({ afterKey: undefined, pageSize: 50, hint: { keyPrefix: "/k/2" }, matches: () => true })).toEqual({
      keys: KEYS.slice(20),
      resumeAfter: null,
      examined: 10,
    });
  });
});
