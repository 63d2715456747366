import { malformedResourcePolicyDocument } from "../../../errors/ssm-errors.js";

/**
 * The checks PutResourcePolicy makes on `Policy` (ssm-parameter-store.md §4.13): an IAM-style
 * resource policy. AWS's texts are unverified, so the details are ours; the grammar follows IAM's
 * (iam-policy-evaluation.md): a resource policy names a principal in every statement.
 */

const VERSIONS = ["2012-10-17", "2008-10-17"];
const TOP_LEVEL = ["Version", "Id", "Statement"];
const STATEMENT = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function assertResourcePolicyDocument(text: string): void {
  const doc = parse(text);
  if (!isObject(doc)) throw malformed("the policy must be a JSON object.");
  assertKnownMembers(doc, TOP_LEVEL, "policy");
  const version = doc["Version"];
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.includes(version))) {
    throw malformed(`Version must be one of [${VERSIONS.join(", ")}].`);
  }
  if (doc["Id"] !== undefined && typeof doc["Id"] !== "string") throw malformed("Id must be a string.");
  const statements = doc["Statement"];
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  if (list.length === 0) throw malformed("the policy must contain at least one statement.");
  list.forEach((s, i) => assertStatement(s, i + 1));
}

function assertStatement(statement: Json, n: number): void {
  const where = `statement ${n}`;
  if (!isObject(statement)) throw malformed(`${where} must be a JSON object.`);
  assertKnownMembers(statement, STATEMENT, where);
  if (statement["Sid"] !== undefined && typeof statement["Sid"] !== "string") throw malformed(`Sid of ${where} must be a string.`);
  const effect = statement["Effect"];
  if (effect !== "Allow" && effect !== "Deny") throw malformed(`Effect of ${where} must be Allow or Deny.`);
  assertOneOf(statement, "Principal", "NotPrincipal", where, assertPrincipal);
  assertOneOf(statement, "Action", "NotAction", where, assertStringList);
  if (statement["Resource"] !== undefined || statement["NotResource"] !== undefined) {
    assertOneOf(statement, "Resource", "NotResource", where, assertStringList);
  }
  if (statement["Condition"] !== undefined && !isObject(statement["Condition"])) {
    throw malformed(`Condition of ${where} must be a JSON object.`);
  }
}

/** Exactly one of the pair, valid by `check`. */
function assertOneOf(
  statement: { [key: string]: Json },
  name: string,
  notName: string,
  where: string,
  check: (value: Json, member: string) => void,
): void {
  const value = statement[name];
  const notValue = statement[notName];
  if (value !== undefined && notValue !== undefined) throw malformed(`${where} can't contain both ${name} and ${notName}.`);
  if (value === undefined && notValue === undefined) throw malformed(`${where} must contain ${name} or ${notName}.`);
  if (value !== undefined) check(value, `${name} of ${where}`);
  else if (notValue !== undefined) check(notValue, `${notName} of ${where}`);
}

/** `"*"` or `{"AWS" | "Service" | "Federated" | "CanonicalUser": string | string[]}`. */
function assertPrincipal(value: Json, member: string): void {
  if (value === "*") return;
  if (!isObject(value) || Object.keys(value).length === 0) throw malformed(`${member} must be "*" or an object of principals.`);
  for (const [kind, ids] of Object.entries(value)) {
    if (!["AWS", "Service", "Federated", "CanonicalUser"].includes(kind)) throw malformed(`${member} has an unknown principal type ${kind}.`);
    assertStringList(ids, `${member}`);
  }
}

function assertStringList(value: Json, member: string): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => typeof v !== "string" || v === "")) {
    throw malformed(`${member} must be a non-empty string or a non-empty list of strings.`);
  }
}

function assertKnownMembers(object: { [key: string]: Json }, known: readonly string[], where: string): void {
  const unknown = Object.keys(object).find((k) => !known.includes(k));
  if (unknown !== undefined) throw malformed(`${where} has an unknown element ${unknown}.`);
}

function parse(text: string): Json {
  try {
    // JSON.parse yields exactly the Json union.
    return JSON.parse(text) as Json;
  } catch {
    throw malformed("the policy is not valid JSON.");
  }
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const malformed = (detail: string) => malformedResourcePolicyDocument(detail);
