import { describe, expect, it } from "vitest";
import { canonicalUri } from "./canonical-uri.js";

describe("canonicalUri (non-S3)", () => {
  it.each([
    ["", "/"],
    ["/", "/"],
    ["/foo", "/foo"],
    ["/foo/", "/foo/"],
    ["//foo//bar//", "/foo/bar/"],
    ["/a/./b/../c", "/a/c"],
    ["/../..", "/"],
    ["/./", "/"],
    ["/a/b/..", "/a"],
    ["/d%20e", "/d%2520e"],
    ["/a b", "/a%20b"],
    ["/foo:bar@baz", "/foo%3Abar%40baz"],
    ["/%2E%2E/x", "/%252E%252E/x"],
    ["/~tilde", "/~tilde"],
  ])("%j → %j", (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });
});
