import { AwsError } from "../errors/aws-error.js";
import { renderValue } from "./render-value.js";
import type { ListShape, MapShape, NumberShape, OperationModel, ScalarShape, Shape, StringShape, StructureShape } from "./shape.js";
import { isScalar, ruleText } from "./shape.js";
import type { ScalarTarget } from "./type-mismatch.js";
import { notAnObject, notList, notMap, notScalar, notStructure, unreadable } from "./type-mismatch.js";

/**
 * Validates a JSON 1.1 request body (already JSON.parse'd) against the operation's input model, the
 * way AWS does before any operation logic runs (spec §1.4, §1.5):
 *
 * - wrong JSON types → SerializationException (deserialization fails before validation, so one type
 *   error wins over any number of constraint violations);
 * - required / length / range / pattern / enum → one ValidationException listing every violation:
 *   `N validation error(s) detected: Value '<v>' at '<path>' failed to satisfy constraint: <rule>; ...`
 *   with structure members in AWS's reporting order (coralMemberOrder), depth first.
 *
 * `null` members count as absent (set to undefined) and `null` list elements are dropped, as AWS does.
 * Unknown members are ignored. Blobs (base64) become Buffers, timestamps (epoch seconds) Dates and
 * fractional integers are truncated, in place, so the result matches the SDK input types.
 * Member names are PascalCase model names, which can never collide with Object.prototype keys.
 */
export function validateInput(
  operation: OperationModel,
  body: unknown,
  messages: ValidationMessages = JSON_VALIDATION,
): Record<string, unknown> {
  if (!isObject(body)) throw notAnObject(body);
  found.length = 0;
  style = messages;
  checkStructure(operation.input, body, "");
  if (found.length > 0) {
    const violations = found.slice();
    found.length = 0;
    const n = violations.length;
    throw messages.error(`${n} validation error${n === 1 ? "" : "s"} detected: ${violations.join("; ")}`);
  }
  return body;
}

/**
 * How a front end words the one validation error (iam-sts.md §1.3): the JSON services send
 * ValidationException with every value quoted; STS sends ValidationError, values quoted; IAM sends
 * ValidationError without any value (`Value at '<path>'`) and its enum rule without the value set.
 * `Value null at` for a missing required member stays in every form.
 */
export interface ValidationMessages {
  /** The error carrying `N validation error(s) detected: ...`. */
  readonly error: (message: string) => AwsError;
  /** false: no value in any message, as for sensitive members. */
  readonly values: boolean;
  /** false: `Member must satisfy enum value set`, without the list. */
  readonly enumValueSet: boolean;
}

export const JSON_VALIDATION: ValidationMessages = {
  error: (message) => new AwsError("ValidationException", message, { status: 400, messageKey: "message" }),
  values: true,
  enumValueSet: true,
};

const BARE_ENUM_RULE = "Member must satisfy enum value set";

// validateInput is synchronous and never re-entered, so one buffer (and the style of the call in
// progress) serves every call without allocating on the success path.
const found: string[] = [];
let style: ValidationMessages = JSON_VALIDATION;

/** The enum rule in the current style (error path only). */
function enumRule(shape: StringShape): string {
  return style.enumValueSet ? (shape.enumRule ?? "") : BARE_ENUM_RULE;
}

/** A list element, map key or map value rule, rebuilt when the style drops enum value sets. */
function wrappedRule(prefix: string, shape: ScalarShape, precomputed: string | undefined): string {
  if (style.enumValueSet || shape.type !== "string" || shape.enumRule === undefined) return precomputed ?? "";
  const rules = shape.rules.map((r) => (r === shape.enumRule ? BARE_ENUM_RULE : r));
  return `${prefix} must satisfy constraint: [${rules.join(", ")}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const at = (prefix: string, segment: string): string => (prefix === "" ? segment : `${prefix}.${segment}`);

/** Sensitive values are left out entirely: `Value at 'value' ...` (spec §1.5, capture). */
function report(shape: Shape, v: unknown, hide: boolean, path: string, rule: string): void {
  found.push(
    hide || !style.values
      ? `Value at '${path}' failed to satisfy constraint: ${rule}`
      : `Value '${renderValue(shape, v)}' at '${path}' failed to satisfy constraint: ${rule}`,
  );
}

function checkStructure(shape: StructureShape, obj: Record<string, unknown>, prefix: string): void {
  for (const m of shape.checkOrder) {
    const v = obj[m.name];
    if (v === undefined || v === null) {
      if (v === null) obj[m.name] = undefined;
      if (m.required) found.push(`Value null at '${at(prefix, m.path)}' failed to satisfy constraint: ${ruleText.notNull}`);
      continue;
    }
    const out = checkValue(m.shape, v, prefix, m.path, m.sensitive);
    if (out !== v) obj[m.name] = out;
  }
}

/** Checks one non-null value; returns it, converted where the wire form differs from the SDK's. */
function checkValue(shape: Shape, v: unknown, prefix: string, segment: string, hide: boolean): unknown {
  switch (shape.type) {
    case "list":
      if (!Array.isArray(v)) throw notList(v);
      checkList(shape, v, at(prefix, segment), hide || shape.member.sensitive);
      return v;
    case "map":
      if (!isObject(v)) throw notMap(v);
      checkMap(shape, v, at(prefix, segment), hide);
      return v;
    case "structure":
      if (!isObject(v)) throw notStructure(v);
      checkStructure(shape, v, at(prefix, segment));
      return v;
    default: {
      const out = decodeScalar(shape, v);
      if (shape.rules.length > 0) checkScalar(shape, out, prefix, segment, hide);
      return out;
    }
  }
}

const NUMBER_TARGET: Readonly<Record<NumberShape["type"], ScalarTarget>> = {
  integer: "an Integer",
  long: "a Long",
  float: "a Float",
  double: "a Double",
};
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** JSON type check plus conversion to the SDK's representation; throws SerializationException. */
function decodeScalar(shape: ScalarShape, v: unknown): unknown {
  switch (shape.type) {
    case "string":
      if (typeof v !== "string") throw notScalar(v, "a String");
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw notScalar(v, "a Boolean");
      return v;
    case "integer":
    case "long": {
      if (typeof v !== "number") throw notScalar(v, NUMBER_TARGET[shape.type]);
      // AWS reads 1.5 into an Integer member as 1 (recorded on a Coral JSON 1.1 service).
      const n = Number.isInteger(v) ? v : Math.trunc(v);
      const inRange = shape.type === "integer" ? n >= INT_MIN && n <= INT_MAX : Number.isSafeInteger(n);
      if (!inRange) throw unreadable();
      return n;
    }
    case "float":
    case "double":
      if (typeof v !== "number") throw notScalar(v, NUMBER_TARGET[shape.type]);
      return v;
    case "timestamp":
      // JSON 1.1 sends epoch seconds (with a fraction) as a number.
      if (typeof v !== "number") throw notScalar(v, undefined);
      return new Date(v * 1000);
    case "blob":
      if (typeof v !== "string") throw notScalar(v, undefined);
      if (!BASE64.test(v)) throw unreadable();
      return Buffer.from(v, "base64");
    default: {
      const never: never = shape;
      return never;
    }
  }
}

/** Size as AWS counts it: UTF-16 code units for strings (Java String.length()), bytes for blobs. */
function sizeOf(v: unknown): number {
  return typeof v === "string" ? v.length : v instanceof Uint8Array ? v.byteLength : 0;
}

function checkScalar(shape: ScalarShape, v: unknown, prefix: string, segment: string, hide: boolean): void {
  switch (shape.type) {
    case "string":
    case "blob": {
      const size = sizeOf(v);
      if (shape.max !== undefined && size > shape.max) report(shape, v, hide, at(prefix, segment), ruleText.maxLength(shape.max));
      if (shape.min !== undefined && size < shape.min) report(shape, v, hide, at(prefix, segment), ruleText.minLength(shape.min));
      if (shape.type === "blob") return;
      const s = v as string; // decodeScalar guaranteed a string
      if (shape.regex !== undefined && !shape.regex.test(s)) {
        report(shape, v, hide, at(prefix, segment), ruleText.pattern(shape.pattern ?? ""));
      }
      if (shape.enumSet !== undefined && !shape.enumSet.has(s)) report(shape, v, hide, at(prefix, segment), enumRule(shape));
      return;
    }
    case "integer":
    case "long":
    case "float":
    case "double": {
      const n = v as number; // decodeScalar guaranteed a number
      const fractional = shape.type === "float" || shape.type === "double";
      if (shape.max !== undefined && n > shape.max) report(shape, v, hide, at(prefix, segment), ruleText.maxValue(shape.max, fractional));
      if (shape.min !== undefined && n < shape.min) report(shape, v, hide, at(prefix, segment), ruleText.minValue(shape.min, fractional));
      return;
    }
    default:
      return;
  }
}

/** Whether a scalar element breaks any of its shape's rules (lists and maps report them wrapped). */
function breaksRules(shape: ScalarShape, v: unknown): boolean {
  switch (shape.type) {
    case "string":
    case "blob": {
      const size = sizeOf(v);
      if ((shape.max !== undefined && size > shape.max) || (shape.min !== undefined && size < shape.min)) return true;
      if (shape.type === "blob") return false;
      const s = v as string; // decodeScalar guaranteed a string
      return (shape.regex !== undefined && !shape.regex.test(s)) || (shape.enumSet !== undefined && !shape.enumSet.has(s));
    }
    case "integer":
    case "long":
    case "float":
    case "double": {
      const n = v as number; // decodeScalar guaranteed a number
      return (shape.max !== undefined && n > shape.max) || (shape.min !== undefined && n < shape.min);
    }
    default:
      return false;
  }
}

function dropNulls(arr: unknown[]): void {
  if (!arr.includes(null)) return;
  let j = 0;
  for (const x of arr) if (x !== null) arr[j++] = x;
  arr.length = j;
}

function checkLength(shape: ListShape | MapShape, v: unknown, size: number, path: string, hide: boolean): void {
  if (shape.max !== undefined && size > shape.max) report(shape, v, hide, path, ruleText.maxLength(shape.max));
  if (shape.min !== undefined && size < shape.min) report(shape, v, hide, path, ruleText.minLength(shape.min));
}

function checkList(shape: ListShape, arr: unknown[], path: string, hide: boolean): void {
  dropNulls(arr);
  const el = shape.member;
  if (!isScalar(el)) {
    checkLength(shape, arr, arr.length, path, hide);
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      const out = checkValue(el, x, path, `${i + 1}.member`, hide);
      if (out !== x) arr[i] = out;
    }
    return;
  }
  // Scalar elements are decoded first so that the rendered list shows what AWS saw.
  let broken = false;
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    const out = decodeScalar(el, x);
    if (out !== x) arr[i] = out;
    if (!broken && shape.elementRule !== undefined && breaksRules(el, out)) broken = true;
  }
  checkLength(shape, arr, arr.length, path, hide);
  if (broken) report(shape, arr, hide, path, wrappedRule("Member", el, shape.elementRule));
}

/**
 * Map entries: keys first, then values, each reported once for the whole map (probed on Firehose).
 * Nested (non-scalar) values are checked at `<map>.<key>` — unverified.
 */
function checkMap(shape: MapShape, obj: Record<string, unknown>, path: string, hide: boolean): void {
  const keys = Object.keys(obj);
  let size = 0;
  let keysBroken = false;
  let valuesBroken = false;
  const value = shape.value;
  for (const k of keys) {
    const x = obj[k];
    if (x === null || x === undefined) {
      delete obj[k];
      continue;
    }
    size++;
    if (!keysBroken && shape.keyRule !== undefined && breaksRules(shape.key, k)) keysBroken = true;
    if (isScalar(value)) {
      const out = decodeScalar(value, x);
      if (out !== x) obj[k] = out;
      if (!valuesBroken && shape.valueRule !== undefined && breaksRules(value, out)) valuesBroken = true;
    }
  }
  checkLength(shape, obj, size, path, hide);
  if (keysBroken) report(shape, obj, hide, path, wrappedRule("Map keys", shape.key, shape.keyRule));
  if (valuesBroken && isScalar(value)) report(shape, obj, hide || value.sensitive, path, wrappedRule("Map value", value, shape.valueRule));
  if (isScalar(value)) return;
  for (const k of Object.keys(obj)) {
    const x = obj[k];
    const out = checkValue(value, x, path, k, hide);
    if (out !== x) obj[k] = out;
  }
}
