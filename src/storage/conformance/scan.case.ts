import { beforeEach, describe, expect, it } from "vitest";
import type { ParameterScan, Storage } from "../ports.js";
import { aVersion, comparable, OTHER_REGION, REGION, seed } from "./version-fixtures.js";

/*
 * `-`, `.` sort just before `/` and `0` just after it: keys such as `/a-b`, `/a.b` and `/a0` sit right
 * beside the `/a/` subtree in key order and catch off-by-one range bounds.
 */
const KEYS = [
  "/a",
  "/a-b",
  "/a.b",
  "/a/b",
  "/a/b/c",
  "/a/b/c/d",
  "/a/b/e",
  "/a/bc",
  "/a/c/x",
  "/a0",
  "/ab",
  "/b",
  "/foo",
  "/z/y",
];

export function scanCases(storage: () => Storage): void {
  describe("scan", () => {
    beforeEach(async () => {
      await seed(storage(), [...KEYS].reverse());
      await seed(storage(), ["/a/b", "/a/other", "/elsewhere"], OTHER_REGION);
    });

    const keys = async (scan: ParameterScan, region: string = REGION): Promise<string[]> =>
      (await storage().read((tx) => tx.scan(region, scan))).map((record) => record.key);

    it("lists the direct children of the root with a one-level scan of /", async () => {
      expect(await keys({ under: { path: "/", recursive: false }, limit: 50 })).toEqual([
        "/a",
        "/a-b",
        "/a.b",
        "/a0",
        "/ab",
        "/b",
        "/foo",
      ]);
    });

    it("lists only direct children with a one-level scan", async () => {
      expect(await keys({ under: { path: "/a/", recursive: false }, limit: 50 })).toEqual(["/a/b", "/a/bc"]);
      expect(await keys({ under: { path: "/a/b/", recursive: false }, limit: 50 })).toEqual(["/a/b/c", "/a/b/e"]);
      expect(await keys({ under: { path: "/a/c/", recursive: false }, limit: 50 })).toEqual(["/a/c/x"]);
      expect(await keys({ under: { path: "/nothing/", recursive: false }, limit: 50 })).toEqual([]);
    });

    it("lists every descendant with a recursive scan, and nothing beside the path", async () => {
      expect(await keys({ under: { path: "/a/", recursive: true }, limit: 50 })).toEqual([
        "/a/b",
        "/a/b/c",
        "/a/b/c/d",
        "/a/b/e",
        "/a/bc",
        "/a/c/x",
      ]);
      expect(await keys({ under: { path: "/a/b/", recursive: true }, limit: 50 })).toEqual([
        "/a/b/c",
        "/a/b/c/d",
        "/a/b/e",
      ]);
    });

    it("lists the whole region with a recursive scan of /", async () => {
      expect(await keys({ under: { path: "/", recursive: true }, limit: 50 })).toEqual(KEYS);
      expect(await keys({ limit: 50 })).toEqual(KEYS);
    });

    it("selects by plain key prefix", async () => {
      expect(await keys({ keyPrefix: "/a/b", limit: 50 })).toEqual(["/a/b", "/a/b/c", "/a/b/c/d", "/a/b/e", "/a/bc"]);
      expect(await keys({ keyPrefix: "/a", limit: 50 })).toEqual(KEYS.filter((key) => key.startsWith("/a")));
      expect(await keys({ keyPrefix: "/f", limit: 50 })).toEqual(["/foo"]);
      expect(await keys({ keyPrefix: "/q", limit: 50 })).toEqual([]);
    });

    it("combines a key prefix with a path", async () => {
      expect(await keys({ under: { path: "/a/", recursive: true }, keyPrefix: "/a/b/", limit: 50 })).toEqual([
        "/a/b/c",
        "/a/b/c/d",
        "/a/b/e",
      ]);
      expect(await keys({ under: { path: "/a/", recursive: false }, keyPrefix: "/a/b", limit: 50 })).toEqual([
        "/a/b",
        "/a/bc",
      ]);
      expect(await keys({ under: { path: "/a/b/", recursive: true }, keyPrefix: "/z", limit: 50 })).toEqual([]);
    });

    it("pages by afterKey: the pages join up to the full listing without overlap", async () => {
      const scans: ParameterScan[] = [
        { under: { path: "/", recursive: true }, limit: 3 },
        { under: { path: "/", recursive: false }, limit: 2 },
        { under: { path: "/a/", recursive: true }, limit: 4 },
        { keyPrefix: "/a", limit: 1 },
      ];
      for (const scan of scans) {
        const whole = await keys({ ...scan, limit: 50 });
        const paged: string[] = [];
        let afterKey: string | undefined;
        for (;;) {
          const page = await keys(afterKey === undefined ? scan : { ...scan, afterKey });
          expect(page.length).toBeLessThanOrEqual(scan.limit);
          paged.push(...page);
          if (page.length < scan.limit) break;
          afterKey = page.at(-1);
        }
        expect(paged).toEqual(whole);
      }
    });

    it("starts strictly after afterKey, wherever it falls", async () => {
      const recursive = { path: "/a/", recursive: true } as const;
      expect(await keys({ under: recursive, afterKey: "/a/b/c", limit: 2 })).toEqual(["/a/b/c/d", "/a/b/e"]);
      expect(await keys({ under: recursive, afterKey: "/a/b/d", limit: 2 })).toEqual(["/a/b/e", "/a/bc"]);
      expect(await keys({ under: recursive, afterKey: "/", limit: 2 })).toEqual(["/a/b", "/a/b/c"]);
      expect(await keys({ under: recursive, afterKey: "/a/c/x", limit: 2 })).toEqual([]);
      expect(await keys({ under: recursive, afterKey: "/zzz", limit: 2 })).toEqual([]);
      expect(await keys({ keyPrefix: "/a", afterKey: "/a", limit: 2 })).toEqual(["/a-b", "/a.b"]);
      expect(await keys({ under: { path: "/", recursive: false }, afterKey: "/a/b", limit: 2 })).toEqual([
        "/a0",
        "/ab",
      ]);
    });

    it("returns the latest version of each parameter, whole", async () => {
      const latest = aVersion("/a/b", 2, { description: "second", tier: "Advanced" });
      await storage().write((tx) => tx.appendVersion(latest));
      const records = await storage().read((tx) => tx.scan(REGION, { under: { path: "/a/", recursive: false }, limit: 1 }));
      expect(records.map(comparable)).toEqual([comparable(latest)]);
    });

    it("sees only the region it is asked about", async () => {
      expect(await keys({ under: { path: "/a/", recursive: true }, limit: 50 }, OTHER_REGION)).toEqual([
        "/a/b",
        "/a/other",
      ]);
      expect(await keys({ under: { path: "/", recursive: false }, limit: 50 }, "ap-south-2")).toEqual([]);
    });
  });
}
