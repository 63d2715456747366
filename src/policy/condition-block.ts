import type { ConditionContext } from "./condition-context.js";
import { type ParsedOperator, parseOperator } from "./condition-operator.js";
import { parseDateValue } from "./date-value.js";
import { ipInRange, parseIpAddress, parseIpRange } from "./ip-address.js";
import { type PolicyTemplate, parseTemplate, resolveTemplateText, segmentsText } from "./policy-variables.js";
import { templateMatches } from "./template-match.js";
import { compileWildcard, type Matcher, MatcherMemo } from "./wildcard.js";

/** Whether a context value matches any policy value; undefined when it cannot be compared at all. */
type ValueTest = (value: string) => boolean | undefined;

/** One `"<Operator>": {"<key>": <values>}` pair of a statement's Condition block. */
export interface CompiledCondition {
  /** Undefined for an operator AWS does not have: the condition never holds (§10 of the spec notes). */
  readonly operator: ParsedOperator | undefined;
  /** Lower-cased (§5.1: keys are case-insensitive). */
  readonly key: string;
  /** Lower-cased keys of the policy variables among the values. */
  readonly variableKeys: readonly string[];
  readonly prepare: (context: ConditionContext) => ValueTest;
}

const never: ValueTest = () => false;

/** §5.1: policy values may be strings, numbers or booleans, compared on their string form. */
function policyValues(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number" || typeof v === "boolean") out.push(String(v));
    else return undefined;
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text) : undefined;
}

function compare(a: number, b: number, comparison: ParsedOperator["comparison"]): boolean {
  switch (comparison) {
    case "eq":
      return a === b;
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    case "gte":
      return a >= b;
    default: {
      const unreachable: never = comparison;
      return unreachable;
    }
  }
}

function ordered(values: string[], parse: (s: string) => number | undefined, comparison: ParsedOperator["comparison"]): ValueTest {
  const numbers = values.map(parse).filter((n): n is number => n !== undefined);
  return (v) => {
    const n = parse(v);
    return n === undefined ? undefined : numbers.some((p) => compare(n, p, comparison));
  };
}

function base64Bytes(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.trim())) return undefined;
  return Buffer.from(text.trim(), "base64").toString("hex");
}

/** String-valued families: values may hold variables (§6), resolved per request. */
function stringFamily(operator: ParsedOperator, templates: readonly PolicyTemplate[]): (context: ConditionContext) => ValueTest {
  const fold = operator.family === "string-ignore-case";
  const exact = (texts: string[]): ValueTest => {
    const set = new Set(fold ? texts.map((t) => t.toLowerCase()) : texts);
    return fold ? (v) => set.has(v.toLowerCase()) : (v) => set.has(v);
  };
  const mode = operator.family === "arn" ? "arn" : "plain";
  const memo = new MatcherMemo(mode);
  const isPattern = operator.family === "string-like" || operator.family === "arn";
  if (templates.every((t) => t.static !== undefined)) {
    const statics = templates.map((t) => t.static ?? []);
    const matchers: Matcher[] = isPattern ? statics.map((st) => compileWildcard(st, mode)) : [];
    const test: ValueTest = isPattern ? (v) => matchers.some((m) => m(v)) : exact(statics.map(segmentsText));
    return () => test;
  }
  return (context) => {
    // §6: an unresolvable value (absent key without default, multivalued key) matches nothing;
    // under a negated operator it therefore excludes nothing.
    if (!isPattern) {
      return exact(templates.map((t) => resolveTemplateText(t, context)).filter((t) => t !== undefined));
    }
    return (v) => templates.some((t) => templateMatches(t, mode, memo, context, v));
  };
}

function valueTest(operator: ParsedOperator, values: string[], substitute: boolean): {
  prepare: (context: ConditionContext) => ValueTest;
  variableKeys: readonly string[];
} {
  const fixed = (test: ValueTest) => ({ prepare: () => test, variableKeys: [] });
  switch (operator.family) {
    case "string":
    case "string-ignore-case":
    case "string-like":
    case "arn": {
      const templates = values.map((v) => parseTemplate(v, substitute));
      return { prepare: stringFamily(operator, templates), variableKeys: templates.flatMap((t) => t.keys) };
    }
    case "numeric":
      return fixed(ordered(values, parseNumber, operator.comparison));
    case "date":
      return fixed(ordered(values, parseDateValue, operator.comparison));
    case "bool": {
      const set = new Set(values.map((v) => v.toLowerCase()));
      return fixed((v) => set.has(v.toLowerCase()));
    }
    case "binary": {
      const set = new Set(values.map(base64Bytes).filter((b) => b !== undefined));
      return fixed((v) => {
        const bytes = base64Bytes(v);
        return bytes === undefined ? undefined : set.has(bytes);
      });
    }
    case "ip": {
      const ranges = values.map(parseIpRange).filter((r) => r !== undefined);
      return fixed((v) => {
        const ip = parseIpAddress(v.trim());
        return ip === undefined ? undefined : ranges.some((r) => ipInRange(ip, r));
      });
    }
    case "null": {
      // "true": the key must be absent; "false": present (§5.2). Evaluated in conditionHolds.
      const wanted = new Set(values.map((v) => v.toLowerCase()));
      return fixed((presence) => wanted.has(presence));
    }
    default: {
      const unreachable: never = operator.family;
      return unreachable;
    }
  }
}

export function compileCondition(operatorName: string, key: string, raw: unknown, substitute: boolean): CompiledCondition {
  const operator = parseOperator(operatorName);
  const values = policyValues(raw);
  const lowerKey = key.toLowerCase();
  if (operator === undefined || values === undefined) {
    return { operator: undefined, key: lowerKey, variableKeys: [], prepare: () => never };
  }
  return { operator, key: lowerKey, ...valueTest(operator, values, substitute) };
}

/**
 * §5.2–§5.3. Absent key: positive operators false, negated true, `…IfExists` true, `ForAnyValue`
 * false, `ForAllValues` true (vacuous). A plain operator on a present multivalued key is false,
 * negated or not. A value that cannot be compared (a non-number for Numeric…) satisfies neither a
 * positive nor a negated operator.
 */
export function conditionHolds(condition: CompiledCondition, context: ConditionContext): boolean {
  const operator = condition.operator;
  if (operator === undefined) return false;
  const value = context.get(condition.key);
  if (operator.family === "null") {
    return condition.prepare(context)(value === undefined ? "true" : "false") === true;
  }
  if (value === undefined) {
    if (operator.set === "all") return true;
    return operator.ifExists || (operator.set === "none" && operator.negated);
  }
  if (operator.set === "none" && typeof value !== "string") return false;
  const test = condition.prepare(context);
  const satisfies = (v: string): boolean => {
    const r = test(v);
    return operator.negated ? r === false : r === true;
  };
  if (typeof value === "string") return satisfies(value);
  return operator.set === "any" ? value.some(satisfies) : value.every(satisfies);
}
