/** How an operator compares a context value with the policy values (iam-policy-evaluation.md §5.2). */
export type OperatorFamily = "string" | "string-ignore-case" | "string-like" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

/** `eq`, `lt`, … apply to numeric and date operators; the other families only compare for a match. */
export type Comparison = "eq" | "lt" | "lte" | "gt" | "gte";

export interface OperatorSpec {
  readonly family: OperatorFamily;
  readonly comparison: Comparison;
  /** A negated operator: the context value must match none of the policy values (§5.1). */
  readonly negated: boolean;
}

const op = (family: OperatorFamily, comparison: Comparison = "eq", negated = false): OperatorSpec => ({ family, comparison, negated });

const BASE_OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  StringEquals: op("string"),
  StringNotEquals: op("string", "eq", true),
  StringEqualsIgnoreCase: op("string-ignore-case"),
  StringNotEqualsIgnoreCase: op("string-ignore-case", "eq", true),
  StringLike: op("string-like"),
  StringNotLike: op("string-like", "eq", true),
  NumericEquals: op("numeric"),
  NumericNotEquals: op("numeric", "eq", true),
  NumericLessThan: op("numeric", "lt"),
  NumericLessThanEquals: op("numeric", "lte"),
  NumericGreaterThan: op("numeric", "gt"),
  NumericGreaterThanEquals: op("numeric", "gte"),
  DateEquals: op("date"),
  DateNotEquals: op("date", "eq", true),
  DateLessThan: op("date", "lt"),
  DateLessThanEquals: op("date", "lte"),
  DateGreaterThan: op("date", "gt"),
  DateGreaterThanEquals: op("date", "gte"),
  Bool: op("bool"),
  BinaryEquals: op("binary"),
  IpAddress: op("ip"),
  NotIpAddress: op("ip", "eq", true),
  ArnEquals: op("arn"),
  ArnLike: op("arn"),
  ArnNotEquals: op("arn", "eq", true),
  ArnNotLike: op("arn", "eq", true),
  Null: op("null"),
};

export type SetQualifier = "none" | "any" | "all";

export interface ParsedOperator extends OperatorSpec {
  readonly set: SetQualifier;
  readonly ifExists: boolean;
}

/**
 * `[ForAnyValue:|ForAllValues:]<Operator>[IfExists]`, or undefined for an operator AWS does not
 * have (`Null` takes no `IfExists`, §5.2). Operator names are case-sensitive.
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let set: SetQualifier = "none";
  if (rest.startsWith("ForAnyValue:")) {
    set = "any";
    rest = rest.slice("ForAnyValue:".length);
  } else if (rest.startsWith("ForAllValues:")) {
    set = "all";
    rest = rest.slice("ForAllValues:".length);
  }
  const ifExists = rest.endsWith("IfExists");
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  const base = Object.hasOwn(BASE_OPERATORS, rest) ? BASE_OPERATORS[rest] : undefined;
  if (base === undefined || (ifExists && base.family === "null")) return undefined;
  return { ...base, set, ifExists };
}
