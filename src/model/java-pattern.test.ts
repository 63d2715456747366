import { describe, expect, it } from "vitest";
import { javaPatternToRegExp } from "./java-pattern.js";

const matches = (javaRegex: string, value: string): boolean => javaPatternToRegExp(javaRegex).test(value);

describe("javaPatternToRegExp", () => {
  it("requires the whole value to match, like Matcher.matches()", () => {
    // STS: 'Session1:2' fails `[\w+=,.@-]*` [AWS snapshot], so the pattern is not searched for.
    expect(matches("[\\w+=,.@-]*", "Session1:2")).toBe(false);
    expect(matches("[\\w+=,.@-]*", "Session1")).toBe(true);
    expect(matches("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType", "Names")).toBe(false);
    expect(matches("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType", "tag:env")).toBe(true);
    expect(matches("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType", "DataType")).toBe(true);
  });

  it("keeps Java's '.', which matches no line terminator", () => {
    expect(matches("^(?!\\s*$).+", "a\nb")).toBe(false);
    expect(matches("^(?!\\s*$).+", "ab\n")).toBe(false);
    expect(matches("^(?!\\s*$).+", "a\u0085b")).toBe(false);
    expect(matches("^(?!\\s*$).+", " x")).toBe(true);
    expect(matches("^(?!\\s*$).+", " \t ")).toBe(false);
  });

  it("keeps Java's ASCII-only \\s", () => {
    // An ideographic space is not Java whitespace: AWS accepts it against ^(?!\s*$).+ (probed).
    expect(matches("^(?!\\s*$).+", "\u3000")).toBe(true);
    expect(matches("[\\s\\S]*\\S[\\s\\S]*", "\u00a0")).toBe(true);
    expect(matches("[\\s\\S]*\\S[\\s\\S]*", " \t\n")).toBe(false);
  });

  it("supports Unicode categories with the u flag", () => {
    const tag = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";
    expect(matches(tag, "Ünïcödé 日本 ٣ a-b_c.d:e/f=g+h@i")).toBe(true);
    expect(matches(tag, "a#b")).toBe(false);
    expect(matches(tag, "")).toBe(true);
  });

  it("accepts Java escapes the u flag forbids", () => {
    expect(matches("^[\\w\\.\\-\\:\\/ ]*$", "a.b-c:d/e f")).toBe(true);
    expect(matches("^[\\w\\.\\-\\:\\/ ]*$", "a,b")).toBe(false);
    expect(matches("a\\:b\\@c", "a:b@c")).toBe(true);
  });

  it("reads \\uXXXX as exactly four hex digits, as Java does", () => {
    // IAM's `\u10000-\u10FFFF` is U+1000, then "0"-U+10FF: no astral characters.
    const iam = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+";
    expect(matches(iam, "plain text\n")).toBe(true);
    expect(matches(iam, "😀")).toBe(false);
  });

  it("translates POSIX classes, a leading (?i) and possessive quantifiers", () => {
    expect(matches("^\\p{ASCII}+$", "abc")).toBe(true);
    expect(matches("^\\p{ASCII}+$", "キー")).toBe(false);
    expect(matches("\\p{Alpha}+", "abcé")).toBe(false);
    expect(matches("[\\p{Alnum}_]+", "a_1")).toBe(true);
    expect(matches("(?i)all|[0-9]{12}", "ALL")).toBe(true);
    expect(matches("a++b", "aab")).toBe(true);
    expect(matches("\\Qa.b\\E", "a.b")).toBe(true);
    expect(matches("\\Qa.b\\E", "axb")).toBe(false);
  });

  it("rejects Java syntax it cannot reproduce exactly", () => {
    expect(() => javaPatternToRegExp("[a-z&&[^e]]")).toThrow(/intersection|nested/);
    expect(() => javaPatternToRegExp("[a[b]]")).toThrow(/nested/);
    expect(() => javaPatternToRegExp("a(?x) b")).toThrow(/inline flags/);
    expect(() => javaPatternToRegExp("\\p{InGreek}")).toThrow(/property/);
  });
});
