/**
 * A piece of a pattern after policy-variable substitution: `text` may hold the wildcards `*` and `?`;
 * `literal` (from the escapes `${*}`, `${?}`, `${$}`) is matched character for character.
 */
export interface PatternSegment {
  readonly text: string;
  readonly literal: boolean;
}

/** `plain`: `*` and `?` span any character (Resource, StringLike). `arn`: part-wise (ArnLike). */
export type WildcardMode = "plain" | "arn";

export type Matcher = (value: string) => boolean;

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SYNTAX, "\\$&");
}

const matchAll: Matcher = () => true;

/**
 * `value.startsWith(prefix)`, compared from the end of the prefix: ARN patterns of one account share
 * their first fifty characters and differ in the last few, and on Node 20 `startsWith` costs ~10×
 * this loop (bench/policy-eval.mjs).
 */
function prefixMatcher(prefix: string): Matcher {
  const n = prefix.length;
  return (v) => {
    if (v.length < n) return false;
    for (let i = n - 1; i >= 0; i--) if (v.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
    return true;
  };
}

/**
 * iam-policy-evaluation.md §2.1/§2.2: `*` any run of characters (none included), `?` exactly one,
 * both crossing `/` and `:`, the whole value anchored. In `arn` mode (§5.2 ArnLike) the six
 * colon-separated parts are matched separately, so a wildcard before the fifth colon cannot cross a
 * colon, and a pattern with fewer than six parts matches nothing.
 */
export function compileWildcard(segments: readonly PatternSegment[], mode: WildcardMode): Matcher {
  const onlyText = segments.every((s) => !s.literal);
  const whole = segments.map((s) => s.text).join("");
  if (mode === "plain" && onlyText) {
    if (whole === "*") return matchAll;
    const star = whole.indexOf("*");
    if (whole.indexOf("?") === -1) {
      if (star === -1) return (v) => v === whole;
      if (star === whole.length - 1) return prefixMatcher(whole.slice(0, -1));
    }
  }
  if (mode === "plain" && segments.every((s) => s.literal || !/[*?]/.test(s.text))) {
    return (v) => v === whole;
  }
  let source = "";
  let colons = 0;
  for (const segment of segments) {
    if (segment.literal) {
      source += escapeRegex(segment.text);
      continue;
    }
    for (const ch of segment.text) {
      const inPrefix = mode === "arn" && colons < 5;
      if (ch === "*") source += inPrefix ? "[^:]*" : ".*";
      else if (ch === "?") source += inPrefix ? "[^:]" : ".";
      else {
        if (ch === ":") colons++;
        source += escapeRegex(ch);
      }
    }
  }
  // Escapes only ever produce `*`, `?` or `$`, so every part separator is in a text segment.
  if (mode === "arn" && colons < 5) return () => false;
  const regex = new RegExp(`^${source}$`, "su");
  return (v) => regex.test(v);
}

/** A pattern with no variables and no escapes. */
export function compileWildcardText(text: string, mode: WildcardMode): Matcher {
  return compileWildcard([{ text, literal: false }], mode);
}

const MEMO_LIMIT = 64;

/**
 * Matchers for patterns that hold policy variables, built per request from the resolved text and
 * remembered (a few dozen per pattern: tag values and user names repeat).
 */
export class MatcherMemo {
  readonly #matchers = new Map<string, Matcher>();
  readonly #mode: WildcardMode;

  constructor(mode: WildcardMode) {
    this.#mode = mode;
  }

  get(segments: readonly PatternSegment[]): Matcher {
    // U+0000 marks an escape's literal character; it cannot occur in policy JSON text unescaped.
    let key = "";
    for (const s of segments) key += s.literal ? `\u0000${s.text}` : s.text;
    let matcher = this.#matchers.get(key);
    if (matcher === undefined) {
      matcher = compileWildcard(segments, this.#mode);
      if (this.#matchers.size >= MEMO_LIMIT) this.#matchers.clear();
      this.#matchers.set(key, matcher);
    }
    return matcher;
  }
}

const STAR = 42;
const QUESTION = 63;

/**
 * `*`/`?` glob match without building a regex, for patterns resolved per request: the classic
 * backtrack-to-the-last-star scan, linear in practice. `?` takes one code point, as the compiled
 * (`u` flag) patterns do.
 */
export function globMatch(pattern: string, value: string): boolean {
  // The literal head (an ARN up to its first wildcard) is compared from its end, where patterns
  // of one account differ.
  const star = pattern.indexOf("*");
  const question = pattern.indexOf("?");
  const head = star === -1 ? (question === -1 ? pattern.length : question) : question === -1 ? star : Math.min(star, question);
  if (value.length < head) return false;
  for (let i = head - 1; i >= 0; i--) if (pattern.charCodeAt(i) !== value.charCodeAt(i)) return false;
  if (head === pattern.length) return value.length === head;
  let p = head;
  let v = head;
  let starP = -1;
  let starV = 0;
  while (v < value.length) {
    const pc = pattern.charCodeAt(p);
    if (pc === STAR) {
      starP = p++;
      starV = v;
    } else if (p < pattern.length && (pc === QUESTION || pc === value.charCodeAt(v))) {
      v += pc === QUESTION ? codePointLength(value, v) : 1;
      p++;
    } else if (starP !== -1) {
      p = starP + 1;
      starV += codePointLength(value, starV);
      v = starV;
    } else {
      return false;
    }
  }
  while (pattern.charCodeAt(p) === STAR) p++;
  return p >= pattern.length;
}

function codePointLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? 2 : 1;
}
