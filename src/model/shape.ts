/**
 * The request model: shapes as botocore describes them, compiled once when the generated module
 * loads (regexes built, rule texts and AWS's reporting orders precomputed) so validation does no
 * per-request setup. Generated files (src/model/generated/*.ts) call the builders below.
 */
import { coralEnumOrder, coralMemberOrder } from "./coral-order.js";
import { javaPatternToRegExp } from "./java-pattern.js";

interface ShapeBase {
  /** The botocore shape name, e.g. "PSParameterName". */
  readonly name: string;
  /** Shape marked `sensitive`: AWS leaves its value out of validation messages. */
  readonly sensitive: boolean;
  /**
   * The shape's constraint texts in the order AWS lists them inside `Member must satisfy
   * constraint: [...]` (list elements, map keys and values); empty when unconstrained.
   */
  readonly rules: readonly string[];
}

export interface StringShape extends ShapeBase {
  readonly type: "string";
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The model's Java regex text, verbatim (it is what AWS prints). */
  readonly pattern: string | undefined;
  readonly regex: RegExp | undefined;
  /** Enum values in model order. */
  readonly enum: readonly string[] | undefined;
  readonly enumSet: ReadonlySet<string> | undefined;
  /** `Member must satisfy enum value set: [...]` with the values in AWS's printing order. */
  readonly enumRule: string | undefined;
  /** An IAM policy document: Query responses carry it RFC 3986 percent-encoded (iam-sts.md §1.2). */
  readonly policyDocument: boolean;
}

export interface NumberShape extends ShapeBase {
  readonly type: "integer" | "long" | "float" | "double";
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface BooleanShape extends ShapeBase {
  readonly type: "boolean";
}

export interface TimestampShape extends ShapeBase {
  readonly type: "timestamp";
  readonly timestampFormat: string | undefined;
}

/** Base64 text on the wire; `min`/`max` count decoded bytes. */
export interface BlobShape extends ShapeBase {
  readonly type: "blob";
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface ListShape extends ShapeBase {
  readonly type: "list";
  readonly member: Shape;
  /**
   * `Member must satisfy constraint: [<element rules>]`, reported once at the list's path when any
   * scalar element breaks a rule; undefined when elements are unconstrained or not scalars.
   */
  readonly elementRule: string | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface MapShape extends ShapeBase {
  readonly type: "map";
  readonly key: StringShape;
  readonly value: Shape;
  /** `Map keys must satisfy constraint: [...]`, like ListShape.elementRule. */
  readonly keyRule: string | undefined;
  /** `Map value must satisfy constraint: [...]` for scalar values. */
  readonly valueRule: string | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface Member {
  /** Wire (PascalCase) name, e.g. "MaxResults". */
  readonly name: string;
  /** Name in validation messages: the wire name with its first letter lowercased ("maxResults"). */
  readonly path: string;
  readonly shape: Shape;
  readonly required: boolean;
  /** Member or shape marked sensitive. */
  readonly sensitive: boolean;
  readonly idempotencyToken: boolean;
}

export interface StructureShape extends ShapeBase {
  readonly type: "structure";
  /** Members in model order. */
  readonly members: readonly Member[];
  /** Members in the order AWS validates and reports them (see coralMemberOrder). */
  readonly checkOrder: readonly Member[];
}

export type ScalarShape = StringShape | NumberShape | BooleanShape | TimestampShape | BlobShape;
export type Shape = ScalarShape | ListShape | MapShape | StructureShape;

export interface OperationModel {
  readonly name: string;
  readonly input: StructureShape;
  /** Error shape names the model documents for the operation. */
  readonly errors: readonly string[];
  /** Query-protocol models only (JSON services are generated without outputs); undefined: no output. */
  readonly output: StructureShape | undefined;
  /** The Query response's result element, e.g. "GetCallerIdentityResult". */
  readonly resultWrapper: string | undefined;
}

/** An exception shape of a Query-protocol model: how the error travels (iam-sts.md §1.3). */
export interface ErrorShape {
  /** The model's shape name, e.g. "NoSuchEntityException". */
  readonly name: string;
  /** The wire code, e.g. "NoSuchEntity". */
  readonly code: string;
  readonly status: number;
  readonly fault: "Sender" | "Receiver";
}

interface Length {
  readonly min?: number;
  readonly max?: number;
}

interface Sensitivity {
  readonly sensitive?: boolean;
}

// Java prints double bounds with a fraction ("1.0"); integers plainly.
const bound = (n: number, fractional: boolean): string => (fractional && Number.isInteger(n) ? n.toFixed(1) : String(n));

/** AWS's constraint texts (spec §1.5). */
export const ruleText = {
  maxLength: (n: number): string => `Member must have length less than or equal to ${n}`,
  minLength: (n: number): string => `Member must have length greater than or equal to ${n}`,
  maxValue: (n: number, fractional: boolean): string => `Member must have value less than or equal to ${bound(n, fractional)}`,
  minValue: (n: number, fractional: boolean): string => `Member must have value greater than or equal to ${bound(n, fractional)}`,
  pattern: (javaRegex: string): string => `Member must satisfy regular expression pattern: ${javaRegex}`,
  notNull: "Member must not be null",
};

export const isScalar = (shape: Shape): shape is ScalarShape =>
  shape.type !== "list" && shape.type !== "map" && shape.type !== "structure";

function wrapped(prefix: string, shape: Shape): string | undefined {
  return isScalar(shape) && shape.rules.length > 0 ? `${prefix} must satisfy constraint: [${shape.rules.join(", ")}]` : undefined;
}

function lengthRules(c: Length): string[] {
  const rules: string[] = [];
  if (c.max !== undefined) rules.push(ruleText.maxLength(c.max));
  if (c.min !== undefined) rules.push(ruleText.minLength(c.min));
  return rules;
}

export function string(
  name: string,
  c: Length &
    Sensitivity & { readonly pattern?: string; readonly enum?: readonly string[]; readonly policyDocument?: boolean } = {},
): StringShape {
  const rules = lengthRules(c);
  if (c.pattern !== undefined) rules.push(ruleText.pattern(c.pattern));
  const enumRule =
    c.enum === undefined ? undefined : `Member must satisfy enum value set: [${coralEnumOrder(c.enum).join(", ")}]`;
  if (enumRule !== undefined) rules.push(enumRule);
  return {
    type: "string",
    name,
    sensitive: c.sensitive ?? false,
    rules,
    min: c.min,
    max: c.max,
    pattern: c.pattern,
    regex: c.pattern === undefined ? undefined : javaPatternToRegExp(c.pattern),
    enum: c.enum,
    enumSet: c.enum === undefined ? undefined : new Set(c.enum),
    enumRule,
    policyDocument: c.policyDocument ?? false,
  };
}

function number(type: NumberShape["type"], name: string, c: Length & Sensitivity): NumberShape {
  const fractional = type === "float" || type === "double";
  const rules: string[] = [];
  if (c.max !== undefined) rules.push(ruleText.maxValue(c.max, fractional));
  if (c.min !== undefined) rules.push(ruleText.minValue(c.min, fractional));
  return { type, name, sensitive: c.sensitive ?? false, rules, min: c.min, max: c.max };
}

export const integer = (name: string, c: Length & Sensitivity = {}): NumberShape => number("integer", name, c);
export const long = (name: string, c: Length & Sensitivity = {}): NumberShape => number("long", name, c);
export const float = (name: string, c: Length & Sensitivity = {}): NumberShape => number("float", name, c);
export const double = (name: string, c: Length & Sensitivity = {}): NumberShape => number("double", name, c);

export const boolean = (name: string, c: Sensitivity = {}): BooleanShape => ({
  type: "boolean",
  name,
  sensitive: c.sensitive ?? false,
  rules: [],
});

export const timestamp = (name: string, c: Sensitivity & { readonly timestampFormat?: string } = {}): TimestampShape => ({
  type: "timestamp",
  name,
  sensitive: c.sensitive ?? false,
  rules: [],
  timestampFormat: c.timestampFormat,
});

export const blob = (name: string, c: Length & Sensitivity = {}): BlobShape => ({
  type: "blob",
  name,
  sensitive: c.sensitive ?? false,
  rules: lengthRules(c),
  min: c.min,
  max: c.max,
});

export const list = (name: string, member: Shape, c: Length & Sensitivity = {}): ListShape => ({
  type: "list",
  name,
  member,
  elementRule: wrapped("Member", member),
  sensitive: c.sensitive ?? false,
  rules: lengthRules(c),
  min: c.min,
  max: c.max,
});

export function map(name: string, key: Shape, value: Shape, c: Length & Sensitivity = {}): MapShape {
  if (key.type !== "string") throw new Error(`map ${name}: key shape ${key.name} is not a string`);
  return {
    type: "map",
    name,
    key,
    value,
    keyRule: wrapped("Map keys", key),
    valueRule: wrapped("Map value", value),
    sensitive: c.sensitive ?? false,
    rules: lengthRules(c),
    min: c.min,
    max: c.max,
  };
}

export const member = (
  name: string,
  shape: Shape,
  c: { readonly required?: boolean; readonly sensitive?: boolean; readonly idempotencyToken?: boolean } = {},
): Member => ({
  name,
  path: name.charAt(0).toLowerCase() + name.slice(1),
  shape,
  required: c.required ?? false,
  sensitive: (c.sensitive ?? false) || shape.sensitive,
  idempotencyToken: c.idempotencyToken ?? false,
});

export const structure = (name: string, members: readonly Member[], c: Sensitivity = {}): StructureShape => ({
  type: "structure",
  name,
  sensitive: c.sensitive ?? false,
  rules: [],
  members,
  checkOrder: coralMemberOrder(members, (m) => m.path),
});

export const operation = (
  name: string,
  input: StructureShape,
  errors: readonly string[],
  output?: StructureShape,
  resultWrapper?: string,
): OperationModel => ({
  name,
  input,
  errors,
  output,
  resultWrapper,
});

export const errorShape = (name: string, code: string, status: number, fault: "Sender" | "Receiver"): ErrorShape => ({
  name,
  code,
  status,
  fault,
});
