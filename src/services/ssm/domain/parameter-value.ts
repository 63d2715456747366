import {
  advancedValueTooLarge,
  emptyValue,
  imageDataTypeUnsupportedForType,
  integrationDataTypePrefix,
  invalidAllowedPattern,
  invalidDataType,
  nestedParameterReference,
  parameterPatternMismatch,
  standardValueTooLarge,
} from "../../../errors/ssm-errors.js";
import type { ParameterTier, ParameterType } from "../../../storage/ports.js";
import { compileJavaRegex, JavaRegexError } from "./java-regex.js";
import { ALLOWED_PATTERN_CACHE_SIZE, MAX_ADVANCED_VALUE_BYTES, MAX_STANDARD_VALUE_BYTES } from "./limits.js";
import { canonicalKey } from "./parameter-name.js";

/** Value rules: ssm-parameter-store.md §3.2 (size, nesting), §3.3 (DataType), §3.6 (AllowedPattern). */

export const DATA_TYPES = ["text", "aws:ec2:image", "aws:ssm:integration"] as const;
export type DataType = (typeof DATA_TYPES)[number];
export const DEFAULT_DATA_TYPE: DataType = "text";
export const INTEGRATION_PREFIX = "/d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations";
/** What the "Parameter Store Change" event's `exception` says when AMI validation fails (events §2.2). */
export const IMAGE_VALIDATION_EXCEPTION = "Unable to Describe Resource";

const AMI_ID = /^ami-[0-9a-f]{8}([0-9a-f]{9})?$/;

/**
 * Size is counted in UTF-8 bytes: AWS says "characters" but documents the SecureString limit in
 * bytes; bytes are never more lenient than either reading (§3.2).
 */
export function valueBytes(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

export function maxValueBytes(tier: ParameterTier): number {
  return tier === "Advanced" ? MAX_ADVANCED_VALUE_BYTES : MAX_STANDARD_VALUE_BYTES;
}

export function assertValueSize(value: string, tier: ParameterTier): void {
  if (value.length === 0) throw emptyValue();
  if (valueBytes(value) <= maxValueBytes(tier)) return;
  throw tier === "Advanced" ? advancedValueTooLarge() : standardValueTooLarge();
}

/** A value may not contain a `{{…}}` reference; a SecureString value is never echoed (§3.2). */
export function assertNoNestedReference(value: string, type: ParameterType): void {
  if (/\{\{[\s\S]*?\}\}/.test(value)) throw nestedParameterReference(type === "SecureString" ? null : value);
}

export function isDataType(value: string): value is DataType {
  return (DATA_TYPES as readonly string[]).includes(value);
}

/**
 * The synchronous DataType checks (§3.3): known name; `aws:ssm:integration` only under its prefix;
 * `aws:ec2:image` only for String. Whether the value is an AMI id is decided asynchronously, see
 * imageValidationFailure.
 */
export function validateDataType(dataType: string, name: string, type: ParameterType): DataType {
  if (!isDataType(dataType)) throw invalidDataType(dataType);
  if (dataType === "aws:ssm:integration" && !canonicalKey(name).startsWith(INTEGRATION_PREFIX)) {
    throw integrationDataTypePrefix(INTEGRATION_PREFIX);
  }
  if (dataType === "aws:ec2:image" && type !== "String") throw imageDataTypeUnsupportedForType(type);
  return dataType;
}

/**
 * AWS accepts an `aws:ec2:image` PutParameter, then drops the version and reports the failure in an
 * event (§3.3). Returns that event's `exception` text, or null when the value is a well-formed AMI id.
 */
export function imageValidationFailure(dataType: string, value: string): string | null {
  return dataType === "aws:ec2:image" && !AMI_ID.test(value) ? IMAGE_VALIDATION_EXCEPTION : null;
}

/** Compiled patterns by source; `null` remembers an invalid one. Oldest entry leaves first. */
const patternCache = new Map<string, RegExp | null>();

/** An empty AllowedPattern (the model allows length 0) constrains nothing. */
export function compileAllowedPattern(pattern: string): RegExp | null {
  if (pattern === "") return null;
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    compiled = tryCompile(pattern);
    if (patternCache.size >= ALLOWED_PATTERN_CACHE_SIZE) {
      const oldest = patternCache.keys().next();
      if (oldest.done !== true) patternCache.delete(oldest.value);
    }
    patternCache.set(pattern, compiled);
  }
  if (compiled === null) throw invalidAllowedPattern();
  return compiled;
}

function tryCompile(pattern: string): RegExp | null {
  try {
    return compileJavaRegex(pattern);
  } catch (e) {
    if (e instanceof JavaRegexError) return null;
    throw e;
  }
}

/** Whole-value match, as Java's `String.matches` (§3.6). */
export function assertMatchesAllowedPattern(value: string, pattern: string): void {
  const regex = compileAllowedPattern(pattern);
  if (regex !== null && !regex.test(value)) throw parameterPatternMismatch(pattern);
}
