import { parseOperator } from "./condition-operator.js";

/** A statement that passed the structural check of iam-sts.md §10 rule 1. */
export type StatementObject = Readonly<Record<string, unknown>>;

export interface PolicyObject {
  readonly version: string | undefined;
  readonly statements: readonly StatementObject[];
}

const TOP_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const VERSIONS = new Set(["2008-10-17", "2012-10-17"]);
const STATEMENT_ELEMENTS = new Set(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"]);
const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A string, or a non-empty array of strings (§10: empty arrays are syntax errors). */
function isStringOrList(v: unknown): boolean {
  return typeof v === "string" || (Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === "string"));
}

function isScalar(v: unknown): boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function principalOk(v: unknown): boolean {
  if (v === "*") return true;
  if (!isRecord(v) || Object.keys(v).length === 0) return false;
  return Object.entries(v).every(([type, ids]) => PRINCIPAL_TYPES.has(type) && isStringOrList(ids));
}

function conditionOk(v: unknown): boolean {
  if (!isRecord(v)) return false;
  return Object.entries(v).every(
    ([operator, block]) =>
      // Unknown operators are refused: a stored policy must never hold a condition that cannot match.
      parseOperator(operator) !== undefined &&
      isRecord(block) &&
      Object.values(block).every((values) => isScalar(values) || (Array.isArray(values) && values.length > 0 && values.every(isScalar))),
  );
}

function statementOk(s: unknown): s is StatementObject {
  if (!isRecord(s)) return false;
  if (!Object.keys(s).every((k) => STATEMENT_ELEMENTS.has(k))) return false;
  const both = (a: string, b: string) => a in s && b in s;
  if (both("Action", "NotAction") || both("Resource", "NotResource") || both("Principal", "NotPrincipal")) return false;
  const effect = s["Effect"];
  // Case-insensitive here; the exact spelling is rule 3 (legacy parsing), as in moto.
  if (typeof effect !== "string" || !["allow", "deny"].includes(effect.toLowerCase())) return false;
  for (const element of ["Action", "NotAction", "Resource", "NotResource"]) {
    if (element in s && !isStringOrList(s[element])) return false;
  }
  for (const element of ["Principal", "NotPrincipal"]) {
    if (element in s && !principalOk(s[element])) return false;
  }
  if ("Condition" in s && !conditionOk(s["Condition"])) return false;
  if ("Sid" in s && typeof s["Sid"] !== "string") return false;
  return true;
}

/**
 * Rule 1 of iam-sts.md §10: the document parsed into its statements, or the message for text that
 * is not JSON (AWS's wording) or is structurally wrong (moto's).
 */
export function parsePolicySyntax(text: string): PolicyObject | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "This policy contains invalid Json";
  }
  const syntax = "Syntax errors in policy.";
  if (!isRecord(parsed)) return syntax;
  if (!Object.keys(parsed).every((k) => TOP_ELEMENTS.has(k))) return syntax;
  const version = parsed["Version"];
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version))) return syntax;
  if ("Id" in parsed && typeof parsed["Id"] !== "string") return syntax;
  const raw = parsed["Statement"];
  const list: unknown[] = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : [];
  if (list.length === 0) return syntax;
  const statements: StatementObject[] = [];
  for (const s of list) {
    if (!statementOk(s)) return syntax;
    statements.push(s);
  }
  return { version, statements };
}
