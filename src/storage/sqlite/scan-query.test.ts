import { describe, expect, it } from "vitest";
import { compareKeys, prefixEnd, scanRange } from "./scan-query.js";

describe("prefixEnd", () => {
  it.each([
    ["/a/", "/a0"],
    ["/", "0"],
    ["/a/b", "/a/c"],
    ["/a\u{10FFFF}", "/b"],
    ["/\uD7FF", "/\uE000"],
    ["/\u{1F600}", "/\u{1F601}"],
  ])("ends the keys starting with %j at %j", (prefix, end) => {
    expect(prefixEnd(prefix)).toBe(end);
  });

  it("has no end for a prefix that every string could follow", () => {
    expect(prefixEnd("")).toBeNull();
    expect(prefixEnd("\u{10FFFF}\u{10FFFF}")).toBeNull();
  });
});

describe("compareKeys", () => {
  it("orders by code point as SQLite does, not by UTF-16 unit", () => {
    expect("\u{10000}" < "\uFFFF").toBe(true);
    expect(compareKeys("\u{10000}", "\uFFFF")).toBeGreaterThan(0);
    expect(compareKeys("/a", "/a")).toBe(0);
    expect(compareKeys("/a", "/a/")).toBeLessThan(0);
  });
});

describe("scanRange", () => {
  it("lists one level by parent, from the start of the region", () => {
    expect(scanRange({ under: { path: "/a/", recursive: false }, limit: 5 })).toEqual({
      parent: "/a/",
      lower: "",
      lowerInclusive: true,
      upper: null,
    });
  });

  it("narrows a recursive path and a key prefix to their intersection", () => {
    expect(scanRange({ under: { path: "/a/", recursive: true }, keyPrefix: "/a/b", limit: 5 })).toEqual({
      parent: null,
      lower: "/a/b",
      lowerInclusive: true,
      upper: "/a/c",
    });
    expect(scanRange({ under: { path: "/a/b/", recursive: true }, keyPrefix: "/a", limit: 5 })).toEqual({
      parent: null,
      lower: "/a/b/",
      lowerInclusive: true,
      upper: "/a/b0",
    });
  });

  it("starts strictly after afterKey only when it lies past the prefix", () => {
    expect(scanRange({ keyPrefix: "/a", afterKey: "/a/x", limit: 5 })).toMatchObject({ lower: "/a/x", lowerInclusive: false });
    expect(scanRange({ keyPrefix: "/a", afterKey: "/a", limit: 5 })).toMatchObject({ lower: "/a", lowerInclusive: false });
    expect(scanRange({ keyPrefix: "/b", afterKey: "/a", limit: 5 })).toMatchObject({ lower: "/b", lowerInclusive: true });
  });

  it("selects nothing when the constraints cannot meet", () => {
    expect(scanRange({ under: { path: "/a/", recursive: true }, keyPrefix: "/b", limit: 5 })).toBeNull();
    expect(scanRange({ keyPrefix: "/a/", afterKey: "/a0", limit: 5 })).toBeNull();
  });
});
