import type { AwsError } from "../errors/aws-error.js";
import { serializationException } from "../errors/protocol-errors.js";

/**
 * SerializationException texts of AWS's JSON 1.1 deserializer when a member has the wrong JSON type.
 * Recorded on a Coral JSON 1.1 service (Athena, raw HTTP, published with the probing emulator's
 * tests): `STRING_VALUE can not be converted to an Integer`, `NUMBER_VALUE can not be converted to a
 * String`, `TRUE_VALUE`/`FALSE_VALUE ...`, `Start of list found where not expected`, `Start of
 * structure or map found where not expected.`, `Expected list or null`, `Expected null` (scalar where
 * a structure goes). Unverified for SSM (spec §1.4 only says SerializationException). The Boolean,
 * Long, Float and Double targets follow the same wording by analogy; for maps, timestamps and blobs
 * no text was recorded, so those answer without a message.
 */
const START_OF_LIST = "Start of list found where not expected";
const START_OF_MAP = "Start of structure or map found where not expected.";

export type ScalarTarget = "a String" | "a Boolean" | "an Integer" | "a Long" | "a Float" | "a Double";

function jsonKind(v: unknown): string {
  if (typeof v === "string") return "STRING_VALUE";
  if (typeof v === "number") return "NUMBER_VALUE";
  return v === true ? "TRUE_VALUE" : "FALSE_VALUE";
}

function container(v: unknown): AwsError | undefined {
  if (Array.isArray(v)) return serializationException(START_OF_LIST);
  if (typeof v === "object" && v !== null) return serializationException(START_OF_MAP);
  return undefined;
}

/** The body itself is not a JSON object. */
export const notAnObject = (body: unknown): AwsError =>
  Array.isArray(body) ? serializationException(START_OF_LIST) : serializationException();

export const notScalar = (v: unknown, target: ScalarTarget | undefined): AwsError =>
  container(v) ?? (target === undefined ? serializationException() : serializationException(`${jsonKind(v)} can not be converted to ${target}`));

export const notList = (v: unknown): AwsError =>
  typeof v === "object" && v !== null ? serializationException(START_OF_MAP) : serializationException("Expected list or null");

export const notStructure = (v: unknown): AwsError =>
  Array.isArray(v) ? serializationException(START_OF_LIST) : serializationException("Expected null");

export const notMap = (v: unknown): AwsError =>
  Array.isArray(v) ? serializationException(START_OF_LIST) : serializationException();

/** Well-typed JSON that still cannot be read: a number out of the member's range, bad base64. */
export const unreadable = (): AwsError => serializationException();
