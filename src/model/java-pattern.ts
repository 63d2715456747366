/**
 * AWS models carry `pattern` as java.util.regex text, and AWS's validator applies it with
 * `Matcher.matches()` (the whole value must match: STS rejects 'Session1:2' against `[\w+=,.@-]*`).
 * This turns that text into an equivalent JavaScript RegExp with the `u` flag (for `\p{L}` and
 * friends), anchored to the whole value. Java-only syntax with no exact JavaScript equivalent throws
 * at module load rather than silently matching something else.
 */

import { translateProperty } from "./java-regex-property.js";

const SYNTAX = new Set(["^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/"]);

// Java's `.` excludes every line terminator, `\u0085` included; AWS rejects "a\nb" against `.+`.
const JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";
// Java's `\s` is ASCII-only; JavaScript's also matches Unicode spaces.
const JAVA_SPACE = "\\t-\\r ";
// Java's `\S` inside a class: JavaScript's `\S` plus the Unicode spaces JavaScript calls `\s`.
const JAVA_NON_SPACE_IN_CLASS = "\\S\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
const JAVA_VERTICAL = "\\n-\\r\\u0085\\u2028\\u2029";
const JAVA_HORIZONTAL = " \\t\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000";

class PatternSyntaxError extends Error {
  constructor(pattern: string, reason: string) {
    super(`Unsupported Java regex ${JSON.stringify(pattern)}: ${reason}`);
  }
}

export function javaPatternToRegExp(pattern: string): RegExp {
  let source = pattern;
  let flags = "u";
  // Only a leading (?i) has a JavaScript equivalent (the `i` flag); IAM uses `(?i)all|[0-9]{12}`.
  if (source.startsWith("(?i)")) {
    source = source.slice(4);
    flags = "iu";
  }
  return new RegExp(`^(?:${translate(pattern, source)})$`, flags);
}

function translate(pattern: string, src: string): string {
  const fail = (reason: string): never => {
    throw new PatternSyntaxError(pattern, reason);
  };
  let out = "";
  let inClass = false;
  let classStart = false; // just after `[` or `[^`
  let afterQuantifier = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (inClass) {
      if (c === "]" && !classStart) {
        out += "]";
        inClass = false;
        i++;
        continue;
      }
      classStart = false;
      if (c === "[") fail("nested character class (union)");
      if (c === "&" && src[i + 1] === "&") fail("character class intersection");
      if (c === "\\") {
        const [text, next] = escape(src, i, true, fail);
        out += text;
        i = next;
        continue;
      }
      out += c === "]" ? "\\]" : c;
      i++;
      continue;
    }

    const wasQuantifier = afterQuantifier;
    afterQuantifier = false;
    switch (c) {
      case "\\": {
        const [text, next] = escape(src, i, false, fail);
        out += text;
        i = next;
        continue;
      }
      case "[":
        inClass = true;
        classStart = true;
        out += "[";
        i++;
        if (src[i] === "^") {
          out += "^";
          i++;
        }
        continue;
      case ".":
        out += JAVA_DOT;
        i++;
        continue;
      case "(":
        if (src[i + 1] === "?") {
          const rest = src.slice(i + 2);
          if (rest.startsWith(">")) {
            // Atomic group: no JavaScript equivalent; backtracking into it only matters for
            // pathological patterns, none of which AWS models use.
            out += "(?:";
            i += 3;
            continue;
          }
          if (!/^(?::|=|!|<=|<!|<[A-Za-z])/.test(rest)) fail("inline flags");
        }
        out += "(";
        i++;
        continue;
      case "*":
      case "+":
      case "?":
        if (wasQuantifier && c === "+") {
          i++; // possessive quantifier: JavaScript has none; greedy accepts the same values here
          continue;
        }
        if (wasQuantifier && c === "?") {
          out += "?"; // lazy
          i++;
          continue;
        }
        out += c;
        afterQuantifier = true;
        i++;
        continue;
      case "{": {
        const m = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
        if (m) {
          out += m[0];
          afterQuantifier = true;
          i += m[0].length;
        } else {
          out += "\\{";
          i++;
        }
        continue;
      }
      case "}":
      case "]":
        out += "\\" + c;
        i++;
        continue;
      default:
        out += c;
        i++;
    }
  }
  if (inClass) fail("unterminated character class");
  return out;
}

function literal(ch: string, inClass: boolean): string {
  if (SYNTAX.has(ch) || (inClass && ch === "-")) return "\\" + ch;
  return ch;
}

function codePoint(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Translates the escape starting at src[at] (a backslash); returns the text and the next index. */
function escape(src: string, at: number, inClass: boolean, fail: (reason: string) => never): [string, number] {
  const c = src[at + 1];
  if (c === undefined) return fail("trailing backslash");
  const next = at + 2;
  const wrap = (body: string, negate = false): string =>
    inClass ? (negate ? fail(`negated \\${c} inside a character class`) : body) : `[${negate ? "^" : ""}${body}]`;
  switch (c) {
    case "d":
    case "D":
    case "w":
    case "W":
    case "t":
    case "n":
    case "r":
    case "f":
      return ["\\" + c, next];
    case "s":
      return [wrap(JAVA_SPACE), next];
    case "S":
      return [inClass ? JAVA_NON_SPACE_IN_CLASS : `[^${JAVA_SPACE}]`, next];
    case "v":
      return [wrap(JAVA_VERTICAL), next];
    case "V":
      return [wrap(JAVA_VERTICAL, true), next];
    case "h":
      return [wrap(JAVA_HORIZONTAL), next];
    case "H":
      return [wrap(JAVA_HORIZONTAL, true), next];
    case "a":
      return ["\\x07", next];
    case "e":
      return ["\\x1B", next];
    case "b":
    case "B":
      return inClass ? fail("\\b inside a character class") : ["\\" + c, next];
    case "A":
      return inClass ? fail("\\A inside a character class") : ["^", next];
    case "z":
    case "Z":
      // Under matches() the whole input is consumed, so both end anchors mean "end of input".
      return inClass ? fail(`\\${c} inside a character class`) : ["$", next];
    case "c": {
      const ctl = src[next];
      if (ctl === undefined || !/[A-Za-z]/.test(ctl)) return fail("\\c without a letter");
      return ["\\c" + ctl, next + 1];
    }
    case "x": {
      if (src[next] === "{") {
        const end = src.indexOf("}", next);
        const hex = end < 0 ? "" : src.slice(next + 1, end);
        if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) return fail("bad \\x{...}");
        return [codePoint(parseInt(hex, 16)), end + 1];
      }
      const hex = src.slice(next, next + 2);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return fail("bad \\x escape");
      return ["\\x" + hex, next + 2];
    }
    case "u": {
      // Java and JavaScript both read exactly four hex digits: `\u10000` is U+1000 then "0".
      const hex = src.slice(next, next + 4);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return fail("bad \\u escape");
      return ["\\u" + hex, next + 4];
    }
    case "0": {
      const m = /^[0-3]?[0-7]{1,2}/.exec(src.slice(next)) ?? /^[0-7]/.exec(src.slice(next));
      if (!m) return fail("bad octal escape");
      return [codePoint(parseInt(m[0], 8)), next + m[0].length];
    }
    case "p":
    case "P":
      return translateProperty(src, at, inClass, fail);
    case "Q": {
      const end = src.indexOf("\\E", next);
      const quoted = end < 0 ? src.slice(next) : src.slice(next, end);
      let text = "";
      for (const ch of quoted) text += literal(ch, inClass);
      return [text, end < 0 ? src.length : end + 2];
    }
    case "k":
      return inClass ? fail("\\k inside a character class") : ["\\k", next];
    default:
      if (/[1-9]/.test(c)) {
        if (inClass) return fail("backreference inside a character class");
        const m = /^[0-9]+/.exec(src.slice(at + 1));
        return ["\\" + (m?.[0] ?? c), at + 1 + (m?.[0].length ?? 1)];
      }
      if (/[A-Za-z]/.test(c)) return fail(`escape \\${c}`);
      {
        // Java lets any non-alphanumeric character be escaped; the `u` flag only allows syntax
        // characters, so emit the rest bare.
        const ch = String.fromCodePoint(src.codePointAt(at + 1) ?? 0);
        return [literal(ch, inClass), at + 1 + ch.length];
      }
  }
}
