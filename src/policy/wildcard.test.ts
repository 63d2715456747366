import { describe, expect, it } from "vitest";
import { compileWildcardText, globMatch } from "./wildcard.js";

// iam-policy-evaluation.md §2.1/§2.2: `*` any run (none included), `?` exactly one character, both
// crossing `/` and `:`, anchored at both ends; everything else literal. The compiled matcher (static
// patterns) and globMatch (patterns resolved per request) must agree.
const CASES: readonly [string, string, boolean][] = [
  ["*", "", true],
  ["*", "arn:aws:ssm:us-east-1:1:parameter/a", true],
  ["abc", "abc", true],
  ["abc", "abcd", false],
  ["abc*", "abc", true],
  ["abc*", "abd", false],
  ["a*c", "a/b:c", true],
  ["a*c", "a/b:cd", false],
  ["a?c", "abc", true],
  ["a?c", "ac", false],
  ["a?c", "abbc", false],
  ["*b*", "aaabaaa", true],
  ["*b*b", "abab", true],
  ["*b*b", "abba", false],
  ["a**b", "ab", true],
  ["?", "é", true],
  ["?", "😀", true],
  ["a.c", "abc", false],
  ["a+c", "a+c", true],
  ["[x]", "[x]", true],
  ["v?.*", "v1.4", true],
  ["v?.*", "v10.2", false],
  ["pre*post", "prepost", true],
  ["pre*post", "pre-x-post-y", false],
];

describe("wildcard matching", () => {
  it.each(CASES)("%s vs %s → %s (compiled)", (pattern, value, expected) => {
    expect(compileWildcardText(pattern, "plain")(value)).toBe(expected);
  });

  it.each(CASES)("%s vs %s → %s (globMatch)", (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected);
  });
});
