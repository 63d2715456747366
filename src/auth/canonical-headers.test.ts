import { describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import { canonicalHeaders, trimAll } from "./canonical-headers.js";

describe("trimAll", () => {
  it.each([
    ["", ""],
    ["plain", "plain"],
    ["a b", "a b"],
    ["  a  ", "a"],
    ["a   b\t\tc", "a b c"],
    ["\ta\u00a0\u00a0b ", "a b"],
    ['"a   b"', '"a b"'],
    ["   ", ""],
  ])("%j → %j", (value, expected) => {
    expect(trimAll(value)).toBe(expected);
  });
});

describe("canonicalHeaders", () => {
  it("joins repeated occurrences with ',' in the order received, matching names case-insensitively", () => {
    const raw = ["Host", "h:1", "X-A", " 1 ", "x-b", "b", "x-a", "2  3", "User-Agent", "ua"];
    expect(canonicalHeaders(["host", "x-a", "x-b"], raw, "json")).toBe("host:h:1\nx-a:1,2 3\nx-b:b\n");
  });

  it("uses :authority for host over HTTP/2", () => {
    expect(canonicalHeaders(["host"], [":authority", "example.com:443"], "json")).toBe("host:example.com:443\n");
  });

  it("keeps an empty value and rejects an absent header", () => {
    expect(canonicalHeaders(["host", "x-empty"], ["host", "h", "x-empty", ""], "json")).toBe("host:h\nx-empty:\n");
    let error: unknown;
    try {
      canonicalHeaders(["host", "x-gone"], ["host", "h"], "query");
    } catch (e) {
      error = e;
    }
    expect(isAwsError(error) && [error.code, error.status, error.message]).toEqual([
      "IncompleteSignature",
      400,
      "'x-gone' is named as a SignedHeader, but it does not exist in the HTTP request.",
    ]);
  });
});
