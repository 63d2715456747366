import { describe, expect, it } from "vitest";
import { compileJavaRegex, JavaRegexError } from "./java-regex.js";

/** [pattern, value, Pattern.compile(pattern).matcher(value).matches()] as recorded from OpenJDK 17. */
const JAVA_MATCHES: [string, string, boolean][] = [
  ["^\\d+$", "123", true],
  ["^\\d+$", "12a", false],
  ["[a-zA-Z0-9]+", "abc09", true],
  ["[a-zA-Z0-9]+", "abc-09", false],
  [".*", "anything", true],
  ["^[a-z]{3,5}$", "abcd", true],
  ["^[a-z]{3,5}$", "ab", false],
  ["abc", "xabc", false],
  ["abc|def", "def", true],
  ["(ab)+", "ababab", true],
  ["(a)\\1", "aa", true],
  ["\\2(a)", "a", false],
  ["(a)\\11", "aa1", true],
  ["[]a]", "]", true],
  ["[^]a]", "b", true],
  ["[^]a]", "]", false],
  ["a}", "a}", true],
  ["\\-", "-", true],
  ["[a-]", "-", true],
  ["[\\w-a]", "-", true],
  ["[\\d-z]", "-", true],
  ["[a-z&&[^aeiou]]", "b", true],
  ["[a-z&&[^aeiou]]", "a", false],
  ["[a[b]]", "b", true],
  ["[ab&&c]", "c", false],
  ["[a&&]", "a", true],
  ["[&&a]", "a", true],
  ["\\p{Alpha}+", "abc", true],
  ["\\p{Punct}", "!", true],
  ["\\p{Punct}", "a", false],
  ["\\P{Alpha}", "1", true],
  ["[\\P{Alpha}a]", "a", true],
  ["[\\P{Alpha}a]", "b", false],
  ["\\p{IsLatin}+", "abc", true],
  ["\\p{L}+", "héllo", true],
  ["\\p{Lu}", "A", true],
  ["\\pL", "a", true],
  ["\\p{javaLowerCase}", "a", true],
  ["\\p{IsAlphabetic}", "a", true],
  ["\\p{gc=Lu}", "A", true],
  ["\\p{sc=Latin}", "a", true],
  ["(?i)ABC", "abc", true],
  ["(?i:a)b", "Ab", true],
  ["a++", "aa", true],
  ["a*?b", "aab", true],
  ["(?>a+)b", "aab", true],
  ["\\Qa.b\\E", "a.b", true],
  ["\\Qa.b\\E", "axb", false],
  ["\\Qa.b", "a.b", true],
  ["[\\Qa]\\E]", "]", true],
  ["(?<n>a)\\k<n>", "aa", true],
  ["\\cA", "", false],
  ["\\cA", "\u0001", true],
  [".", "\u0085", false],
  ["(?s).", "\u0085", true],
  ["(?d).", "\r", true],
  ["(?d).", "\n", false],
  ["a(?s).", "a\n", true],
  [".(?s)", "\n", false],
  ["\\x41", "A", true],
  ["\\x{41}", "A", true],
  ["\\u00e9", "é", true],
  ["\\0101", "A", true],
  ["\\0400", " 0", true],
  ["\\t", "\t", true],
  ["(?x) a b # c", "ab", true],
  ["(?x)[a b]", " ", false],
  ["(?s).", "x", true],
  ["\\Aabc\\z", "abc", true],
  ["abc\\Z", "abc", true],
  ["\\bfoo\\b", "foo", true],
  ["\\s", " ", true],
  ["\\S", "a", true],
  ["\\h", " ", true],
  ["[\\s]", " ", true],
  ["[\\S]", " ", false],
  ["\\.", ".", true],
  ["\\.", "a", false],
  ["^abc$", "abc", true],
  ["[.]", ".", true],
  ["[.]", "a", false],
  ["\\@", "@", true],
  ["\\#", "#", true],
  ["\\/", "/", true],
  ["[\\/]", "/", true],
  ["a{2}", "aa", true],
  ["[0-9]{4}-[0-9]{2}", "2024-01", true],
  ["^(?!bad).*$", "good", true],
  ["^(?!bad).*$", "badx", false],
  ["(?<=a)b", "b", false],
  ["^arn:aws:[a-z]+$", "arn:aws:ssm", true],
  ["^https?://[^\\s]+$", "https://x.y", true],
  ["^[A-Z][a-z]*(\\s[A-Z][a-z]*)*$", "Hello World", true],
];

/** Patterns OpenJDK 17 refuses with PatternSyntaxException. */
const JAVA_INVALID: string[] = [
  "[",
  "(",
  ")",
  "*abc",
  "a**",
  "a{",
  "a{,3}",
  "a{2,1}",
  "\\y",
  "\\E",
  "a\\Eb",
  "[]",
  "[^]",
  "[z-a]",
  "[a-\\w]",
  "(?q)",
  "(?",
  "\\k<n>",
  "(?<1a>x)",
  "a+++",
  "[\\b]",
  "\\",
  "abc)",
  "(abc",
  "\\x4",
  "\\u12",
  "\\p{isalpha}",
  "\\p{Latin}",
];

describe("compileJavaRegex", () => {
  it.each(JAVA_MATCHES)("%j on %j matches like Java (%s)", (pattern, value, expected) => {
    expect(compileJavaRegex(pattern).test(value)).toBe(expected);
  });

  it.each(JAVA_INVALID)("refuses %j like Java", (pattern) => {
    expect(() => compileJavaRegex(pattern)).toThrow(JavaRegexError);
  });

  it.each(["\\p{InGreek}", "\\X", "\\N{LATIN SMALL LETTER A}"])("refuses %j, which JavaScript cannot express", (pattern) => {
    expect(() => compileJavaRegex(pattern)).toThrow(JavaRegexError);
  });

  it("matches the whole value even under (?m)", () => {
    expect(compileJavaRegex("(?m)^a$").test("a\nb")).toBe(false);
    expect(compileJavaRegex("(?m)^a$").test("a")).toBe(true);
  });

  it("returns a stateless expression that can be reused", () => {
    const regex = compileJavaRegex("[a-z]+");
    expect([regex.test("abc"), regex.test("abc"), regex.global, regex.sticky]).toEqual([true, true, false, false]);
  });
});
