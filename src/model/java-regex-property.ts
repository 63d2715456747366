/**
 * `\p{...}` / `\P{...}` of java.util.regex in JavaScript `u`-flag syntax. Java's POSIX classes
 * (`\p{Alpha}`, `\p{ASCII}`, ...) are US-ASCII only and become explicit ranges; Unicode categories,
 * binary properties and scripts map to their JavaScript names. Blocks (`\p{InGreek}`) and
 * `\p{javaLowerCase}`-style names have no JavaScript equivalent and are rejected.
 */

// java.util.regex POSIX classes are US-ASCII only.
const POSIX: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: "\\t-\\r ",
};

const BINARY_PROPERTIES: Readonly<Record<string, string>> = {
  Alphabetic: "Alphabetic",
  Ideographic: "Ideographic",
  Letter: "L",
  Lowercase: "Lowercase",
  Uppercase: "Uppercase",
  Titlecase: "Lt",
  Punctuation: "P",
  Control: "Cc",
  White_Space: "White_Space",
  WhiteSpace: "White_Space",
  Digit: "Nd",
  Hex_Digit: "Hex_Digit",
  HexDigit: "Hex_Digit",
  Join_Control: "Join_Control",
  JoinControl: "Join_Control",
  Noncharacter_Code_Point: "Noncharacter_Code_Point",
  NoncharacterCodePoint: "Noncharacter_Code_Point",
  Assigned: "Assigned",
};

const GENERAL_CATEGORY = /^(?:L[ultmoC]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;


export function translateProperty(src: string, at: number, inClass: boolean, fail: (reason: string) => never): [string, number] {
  const negate = src[at + 1] === "P";
  let name: string;
  let next: number;
  if (src[at + 2] === "{") {
    const end = src.indexOf("}", at + 3);
    if (end < 0) return fail("unterminated \\p{");
    name = src.slice(at + 3, end);
    next = end + 1;
  } else {
    name = src[at + 2] ?? "";
    next = at + 3;
  }
  const posix = POSIX[name];
  if (posix !== undefined) {
    if (inClass) return negate ? fail(`\\P{${name}} inside a character class`) : [posix, next];
    return [`[${negate ? "^" : ""}${posix}]`, next];
  }
  const p = negate ? "\\P" : "\\p";
  const eq = name.indexOf("=");
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (key === "general_category" || key === "gc") return [`${p}{gc=${value}}`, next];
    if (key === "script" || key === "sc") return [`${p}{sc=${value}}`, next];
    return fail(`property ${name}`);
  }
  const bare = name.startsWith("Is") ? name.slice(2) : name;
  if (GENERAL_CATEGORY.test(bare)) return [`${p}{${bare}}`, next];
  const binary = BINARY_PROPERTIES[bare];
  if (binary !== undefined) return [`${p}{${binary}}`, next];
  if (name.startsWith("Is")) {
    const script = `${p}{sc=${bare}}`;
    try {
      new RegExp(script, "u");
      return [script, next];
    } catch {
      return fail(`property ${name}`);
    }
  }
  return fail(`property ${name}`);
}
