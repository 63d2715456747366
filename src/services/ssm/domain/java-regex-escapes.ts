/**
 * The Java regex escapes and character properties (java.util.regex.Pattern) as `v`-mode JavaScript
 * text, for java-regex.ts. A set is written so that it is valid both alone and nested in a class.
 */
export class JavaRegexError extends Error {}

export function fail(why: string): never {
  throw new JavaRegexError(why);
}

/** Outside classes `v` mode accepts identity escapes of these only. */
export const SYNTAX = new Set("^$\\.*+?()[]{}|/");
/** Inside `v` classes these must be escaped (syntax characters and reserved punctuators). */
export const CLASS_SPECIAL = new Set("^$\\.*+?()[]{}|/&-!#%,:;<=>@`~");
export const JAVA_SPACE = new Set(" \t\n\x0B\f\r");

const ASCII_CLASSES: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "\\!-\\/\\:-\\@\\[-\\`\\{-\\~",
  Graph: "\\!-\\~",
  Print: " -\\~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};
const JAVA_CLASSES: Readonly<Record<string, string>> = {
  javaLowerCase: "\\p{Lowercase}",
  javaUpperCase: "\\p{Uppercase}",
  javaWhitespace: "\\s",
  javaAlphabetic: "\\p{Alphabetic}",
  javaDigit: "\\p{Nd}",
  javaLetter: "\\p{L}",
  javaLetterOrDigit: "[\\p{L}\\p{Nd}]",
};
/** Escapes that stand for a set, as class text valid both alone and nested in a `v` class. */
export const SET_ESCAPES: Readonly<Record<string, string>> = {
  d: "\\d",
  D: "\\D",
  w: "\\w",
  W: "\\W",
  s: "[ \\t\\n\\x0B\\f\\r]",
  S: "[^ \\t\\n\\x0B\\f\\r]",
  h: "[ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]",
  H: "[^ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]",
  v: "[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]",
  V: "[^\\n\\x0B\\f\\r\\x85\\u2028\\u2029]",
};
export const CHAR_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };

export function literal(cp: number, special: ReadonlySet<string>): string {
  const c = String.fromCodePoint(cp);
  if (special.has(c)) return `\\${c}`;
  return cp < 0x20 || cp === 0x7f ? `\\u{${cp.toString(16)}}` : c;
}

export function assertionEscape(c: string, named: () => string): string {
  switch (c) {
    case "b":
    case "B":
      return `\\${c}`;
    case "A":
    case "G":
      return "(?<![\\s\\S])";
    case "z":
      return "(?![\\s\\S])";
    case "Z":
      return "(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?(?![\\s\\S]))";
    case "R":
      return "(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])";
    case "k":
      return named();
    default:
      return fail(`illegal or unsupported escape \\${c}`);
  }
}

/** `\p{…}` names Java accepts, as `v`-class text; blocks (`InX`) have no JavaScript equivalent. */
export function propertySet(name: string): string {
  const ascii = ASCII_CLASSES[name];
  if (ascii !== undefined) return `[${ascii}]`;
  const java = JAVA_CLASSES[name];
  if (java !== undefined) return java;
  const candidates = name.startsWith("Is")
    ? [name.slice(2), `Script=${name.slice(2)}`]
    : name.includes("=")
      ? [name.replace(/^(sc|script)=/i, "Script=").replace(/^(gc|general_category)=/i, "General_Category=")]
      : [name];
  for (const candidate of candidates) {
    if (/^[A-Za-z_=]+$/.test(candidate) && isJsProperty(candidate)) return `\\p{${candidate}}`;
  }
  return fail(`unknown character property ${name}`);
}

function isJsProperty(name: string): boolean {
  try {
    new RegExp(`\\p{${name}}`, "v");
    return true;
  } catch {
    return false;
  }
}
