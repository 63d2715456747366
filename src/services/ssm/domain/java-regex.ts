/**
 * AllowedPattern is a Java regular expression (ssm-parameter-store.md §3.6) matched against the
 * whole value like `String.matches`. This translates Java syntax to an equivalent JavaScript RegExp
 * with the `v` flag (Node 20), whose nested classes and `&&` express Java's class unions and
 * intersections. Java rejects what it rejects; what the translation cannot express (Unicode blocks
 * `\p{InX}`, `\X`, `\N{…}`) is refused too, as an invalid pattern. Known approximations: the
 * inline flags `i` and `m` apply to the whole pattern, possessive quantifiers and atomic groups
 * backtrack, and case-insensitive matching follows JavaScript's Unicode rules.
 */
import {
  assertionEscape,
  CHAR_ESCAPES,
  CLASS_SPECIAL,
  fail,
  JAVA_SPACE,
  JavaRegexError,
  literal,
  propertySet,
  SET_ESCAPES,
  SYNTAX,
} from "./java-regex-escapes.js";

export { JavaRegexError };

type Escape =
  | { readonly kind: "char"; readonly cp: number }
  | { readonly kind: "set"; readonly text: string }
  | { readonly kind: "assertion"; readonly text: string }
  | { readonly kind: "quote"; readonly cps: readonly number[] };

export function compileJavaRegex(pattern: string): RegExp {
  const t = new Translator(pattern);
  const body = t.sequence();
  if (!t.done()) fail("unmatched closing ')'");
  const flags = [...t.flags].filter((f) => "im".includes(f)).join("");
  try {
    return new RegExp(`(?<![\\s\\S])(?:${body})(?![\\s\\S])`, `${flags}v`);
  } catch (e) {
    throw new JavaRegexError(e instanceof Error ? e.message : "invalid pattern");
  }
}

class Translator {
  private readonly cps: number[];
  private pos = 0;
  private groups = 0;
  readonly flags = new Set<string>();

  constructor(pattern: string) {
    this.cps = [...pattern].map((c) => c.codePointAt(0) ?? 0);
  }

  done(): boolean {
    return this.pos >= this.cps.length;
  }

  private peek(offset = 0): string {
    const cp = this.cps[this.pos + offset];
    return cp === undefined ? "" : String.fromCodePoint(cp);
  }

  private next(): string {
    const c = this.peek();
    if (c === "") fail("unexpected end of pattern");
    this.pos += 1;
    return c;
  }

  private skipComments(): void {
    if (!this.flags.has("x")) return;
    for (;;) {
      const c = this.peek();
      if (JAVA_SPACE.has(c)) this.pos += 1;
      else if (c === "#") while (this.peek() !== "" && this.next() !== "\n");
      else return;
    }
  }

  /** The whole pattern, or a group's body up to its `)`. */
  sequence(): string {
    let out = "";
    for (this.skipComments(); this.peek() !== "" && this.peek() !== ")"; this.skipComments()) {
      out += this.atom();
      this.skipComments();
      out += this.quantifier();
    }
    return out;
  }

  private atom(): string {
    const c = this.next();
    switch (c) {
      case "\\":
        return this.escapeOutside();
      case "[":
        return this.charClass();
      case "(":
        return this.group();
      case "]":
      case "}":
        return `\\${c}`; // literal in Java, a syntax error in `v` mode
      case "*":
      case "+":
      case "?":
        return fail(`dangling meta character '${c}'`);
      case ".":
        return this.dot();
      default:
        return c;
    }
  }

  /** Java's `.` excludes every line terminator, `\u0085` too; DOTALL and UNIX_LINES apply from where they are set. */
  private dot(): string {
    if (this.flags.has("s")) return "[\\s\\S]";
    return this.flags.has("d") ? "[^\\n]" : "[^\\n\\r\\x85\\u2028\\u2029]";
  }

  /** Quantifiers are copied; a possessive `+` is dropped, a lazy `?` kept. */
  private quantifier(): string {
    let q = "";
    const c = this.peek();
    if (c === "*" || c === "+" || c === "?") q = this.next();
    else if (c === "{") {
      const m = /^\{\d+(,\d*)?\}/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 40)));
      q = (m ?? fail("illegal repetition"))[0];
      this.pos += q.length;
    }
    if (q === "") return "";
    if (this.peek() === "?") return q + this.next();
    if (this.peek() === "+") this.pos += 1;
    return q;
  }

  private group(): string {
    let open = "(";
    if (this.peek() === "?") {
      this.pos += 1;
      open = this.groupKind();
      if (open === "") return "";
    } else this.groups += 1;
    const body = this.sequence();
    if (this.next() !== ")") fail("unclosed group");
    return `${open}${body})`;
  }

  /** After `(?`: the JavaScript group opener, or "" for a flags-only `(?i)`. */
  private groupKind(): string {
    const c = this.next();
    if (c === ":" || c === "=" || c === "!") return `(?${c}`;
    if (c === ">") return "(?:";
    if (c === "<") {
      if (this.peek() === "=" || this.peek() === "!") return `(?<${this.next()}`;
      const name = this.readName();
      this.groups += 1;
      return `(?<${name}>`;
    }
    this.pos -= 1;
    return this.inlineFlags();
  }

  private inlineFlags(): string {
    let on = true;
    for (;;) {
      const c = this.next();
      if (c === ")") return "";
      if (c === ":") return "(?:";
      if (c === "-") on = false;
      else if (!"idmsuxU".includes(c)) fail(`unknown inline modifier ${c}`);
      else if (on) this.flags.add(c);
      else this.flags.delete(c);
    }
  }

  private readName(): string {
    let name = "";
    while (this.peek() !== ">") name += this.next();
    this.pos += 1;
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) fail("bad group name");
    return name;
  }

  private escapeOutside(): string {
    const e = this.escape(false);
    switch (e.kind) {
      case "char":
        return literal(e.cp, SYNTAX);
      case "quote":
        return e.cps.map((cp) => literal(cp, SYNTAX)).join("");
      default:
        return e.text;
    }
  }

  private escape(inClass: boolean): Escape {
    const c = this.next();
    const set = SET_ESCAPES[c];
    if (set !== undefined) return { kind: "set", text: set };
    const ch = CHAR_ESCAPES[c];
    if (ch !== undefined) return { kind: "char", cp: ch };
    if (/[0-9]/.test(c)) return c === "0" ? { kind: "char", cp: this.octal() } : this.backReference(c, inClass);
    if (!/[a-zA-Z]/.test(c)) return { kind: "char", cp: c.codePointAt(0) ?? 0 };
    if (c === "p" || c === "P") return { kind: "set", text: this.property(c === "P") };
    if (c === "x") return { kind: "char", cp: this.hex() };
    if (c === "u") return { kind: "char", cp: this.hexDigits(4, 4) };
    if (c === "c") return { kind: "char", cp: (this.next().codePointAt(0) ?? 0) ^ 64 };
    if (c === "Q") return { kind: "quote", cps: this.quoted() };
    if (inClass) return fail(`illegal escape \\${c} in a class`);
    return { kind: "assertion", text: assertionEscape(c, () => this.namedReference()) };
  }

  /** `\0n`, `\0nn`, `\0mnn` with m ≤ 3, as Java reads them. */
  private octal(): number {
    const max = /[0-3]/.test(this.peek()) ? 3 : 2;
    let digits = "";
    while (digits.length < max && /[0-7]/.test(this.peek())) digits += this.next();
    return digits === "" ? fail("illegal octal escape") : parseInt(digits, 8);
  }

  /** Java: `\1`–`\9` always refer back; a group not yet opened never matches. */
  private backReference(first: string, inClass: boolean): Escape {
    if (inClass) return fail("back reference in a class");
    let n = first;
    while (/[0-9]/.test(this.peek()) && Number(n + this.peek()) <= this.groups) n += this.next();
    return { kind: "assertion", text: Number(n) > this.groups ? "(?!)" : `(?:\\${n})` };
  }

  private namedReference(): string {
    if (this.next() !== "<") fail("\\k is not followed by '<'");
    return `\\k<${this.readName()}>`;
  }

  private hex(): number {
    if (this.peek() !== "{") return this.hexDigits(2, 2);
    this.pos += 1;
    const cp = this.hexDigits(1, 8);
    if (this.next() !== "}" || cp > 0x10ffff) fail("illegal hexadecimal escape");
    return cp;
  }

  private hexDigits(min: number, max: number): number {
    let digits = "";
    while (digits.length < max && /[0-9a-fA-F]/.test(this.peek())) digits += this.next();
    if (digits.length < min) fail("illegal hexadecimal escape");
    return parseInt(digits, 16);
  }

  private quoted(): number[] {
    const out: number[] = [];
    while (this.peek() !== "" && !(this.peek() === "\\" && this.peek(1) === "E")) out.push(this.cps[this.pos++] ?? 0);
    if (this.peek() !== "") this.pos += 2;
    return out;
  }

  private property(negated: boolean): string {
    let name = this.next();
    if (name === "{") {
      name = "";
      while (this.peek() !== "}") name += this.next();
      this.pos += 1;
    }
    const set = propertySet(name);
    return negated ? `[^${set}]` : set;
  }

  /** After `[`: a Java class → a `v`-mode class. `&&` splits it into intersected unions. */
  private charClass(): string {
    const negated = this.peek() === "^";
    if (negated) this.pos += 1;
    const operands: string[][] = [[]];
    let first = true;
    for (;;) {
      this.skipComments();
      const c = this.next();
      if (c === "]" && !first) break;
      first = false;
      if (c === "&" && this.peek() === "&") {
        this.pos += 1;
        operands.push([]);
        continue;
      }
      operands[operands.length - 1]?.push(...this.classItem(c));
    }
    const parts = operands.filter((o) => o.length > 0);
    const body = parts.length <= 1 ? (parts[0] ?? []).join("") : parts.map((p) => `[${p.join("")}]`).join("&&");
    if (body === "") return negated ? "[\\s\\S]" : "[]";
    return `[${negated ? "^" : ""}${body}]`;
  }

  private classItem(c: string): string[] {
    if (c === "[") return [this.charClass()];
    const from = this.classAtom(c);
    if (typeof from !== "number") return from;
    if (this.peek() !== "-" || this.peek(1) === "]" || this.peek(1) === "[") return [literal(from, CLASS_SPECIAL)];
    this.pos += 1;
    const to = this.classAtom(this.next());
    if (typeof to !== "number" || to < from) fail("illegal character range");
    return [`${literal(from, CLASS_SPECIAL)}-${literal(to, CLASS_SPECIAL)}`];
  }

  /** A single character (its code point) or items standing for sets. */
  private classAtom(c: string): number | string[] {
    if (c !== "\\") return c.codePointAt(0) ?? 0;
    const e = this.escape(true);
    switch (e.kind) {
      case "char":
        return e.cp;
      case "quote":
        return e.cps.map((cp) => literal(cp, CLASS_SPECIAL));
      default:
        return [e.text];
    }
  }
}

