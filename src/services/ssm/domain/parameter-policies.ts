import {
  incompatiblePolicy,
  invalidPolicies,
  invalidPolicyAttribute,
  invalidPolicyType,
  policiesLimitExceeded,
} from "../../../errors/ssm-errors.js";
import type { ParameterTier, StoredPolicy } from "../../../storage/ports.js";
import { MAX_POLICIES_PER_PARAMETER, POLICY_DURATION_LIMIT } from "./limits.js";
import { assertPoliciesAllowed } from "./tier.js";

/** PutParameter `Policies` (ssm-events-and-policies.md §1.2–§1.4). */

export const POLICY_TYPES = ["Expiration", "ExpirationNotification", "NoChangeNotification"] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];
export const POLICY_VERSION = "1.0";
export const POLICY_UNITS = ["Days", "Hours"] as const;

type PolicyObject = Readonly<Record<string, unknown>>;

/** The `Policies` string parsed into policy objects; `{}` elements (the documented "remove all") dropped. */
export interface PoliciesInput {
  readonly raw: string;
  readonly policies: readonly PolicyObject[];
}

const isObject = (v: unknown): v is PolicyObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** First check of §1.3: the string must be a JSON array of objects. */
export function parsePoliciesInput(raw: string): PoliciesInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidPolicies(raw);
  }
  if (!Array.isArray(parsed) || !parsed.every(isObject)) throw invalidPolicies(raw);
  return { raw, policies: parsed.filter((p) => Object.keys(p).length > 0) };
}

export const hasPolicies = (input: PoliciesInput): boolean => input.policies.length > 0;

/**
 * The remaining checks of §1.3 in their order — Standard tier, types, attributes, conflicts, count —
 * and each policy normalised to compact `{"Type","Version","Attributes"}` JSON, status Pending (§1.4).
 */
export function validatePolicies(input: PoliciesInput, tier: ParameterTier): StoredPolicy[] {
  assertPoliciesAllowed(tier, hasPolicies(input));
  const typed = input.policies.map((policy) => ({ policy, type: policyTypeOf(policy) }));
  typed.forEach(({ policy, type }) => assertAttributes(policy, type));
  assertCompatible(typed);
  if (typed.length > MAX_POLICIES_PER_PARAMETER) throw policiesLimitExceeded();
  return typed.map(({ policy, type }) => ({
    text: JSON.stringify({ Type: policy["Type"], Version: policy["Version"], Attributes: policy["Attributes"] }),
    type,
    status: "Pending",
  }));
}

const isPolicyType = (v: unknown): v is PolicyType => (POLICY_TYPES as readonly unknown[]).includes(v);

function policyTypeOf(policy: PolicyObject): PolicyType {
  const type = policy["Type"];
  if (isPolicyType(type)) return type;
  throw invalidPolicyType(type === undefined || type === null ? null : typeof type === "string" ? type : JSON.stringify(type));
}

function assertAttributes(policy: PolicyObject, type: PolicyType): void {
  const version = policy["Version"];
  if (version === undefined || version === null) throw invalidPolicyAttribute({ kind: "missing", attribute: "Version", policyType: type });
  if (version !== POLICY_VERSION) throw invalidPolicyAttribute({ kind: "invalidVersion", version: String(version) });
  const attributes = policy["Attributes"];
  if (!isObject(attributes)) throw invalidPolicyAttribute({ kind: "missing", attribute: "Attributes", policyType: type });
  switch (type) {
    case "Expiration":
      return void timestampOf(attributes);
    case "ExpirationNotification":
      return assertNotification(attributes, "Before", type);
    case "NoChangeNotification":
      return assertNotification(attributes, "After", type);
    default: {
      const never: never = type;
      return never;
    }
  }
}

function timestampOf(attributes: PolicyObject): number {
  const timestamp = attributes["Timestamp"];
  if (timestamp === undefined || timestamp === null) {
    throw invalidPolicyAttribute({ kind: "missing", attribute: "Timestamp", policyType: "Expiration" });
  }
  const text = typeof timestamp === "string" ? timestamp : JSON.stringify(timestamp);
  const ms = parsePolicyTimestamp(text);
  if (ms === null) throw invalidPolicyAttribute({ kind: "invalidTimestamp", timestamp: text });
  return ms;
}

function assertNotification(attributes: PolicyObject, attribute: "Before" | "After", type: PolicyType): void {
  assertDuration(attributes[attribute], attribute, type);
  const unit = attributes["Unit"];
  if (unit === undefined || unit === null) throw invalidPolicyAttribute({ kind: "missing", attribute: "Unit", policyType: type });
  if (!(POLICY_UNITS as readonly unknown[]).includes(unit)) {
    throw invalidPolicyAttribute({ kind: "invalidUnit", unit: typeof unit === "string" ? unit : JSON.stringify(unit) });
  }
}

/**
 * AWS reads the number like Java's Integer.parseInt: anything that is not an int (`"0.5"`, too many
 * digits) gets the "smaller than" text; an int ≤ 0 the "positive" one (§1.3, captured texts).
 */
function assertDuration(value: unknown, attribute: string, type: PolicyType): void {
  if (value === undefined || value === null) throw invalidPolicyAttribute({ kind: "missing", attribute, policyType: type });
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  const n = /^[+-]?\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n > 2 ** 31 - 1 || n < -(2 ** 31) || n >= POLICY_DURATION_LIMIT) {
    throw invalidPolicyAttribute({ kind: "notIntegerOrTooLarge", attribute, limit: POLICY_DURATION_LIMIT });
  }
  if (n <= 0) throw invalidPolicyAttribute({ kind: "notPositive", attribute });
}

/** Two Expirations must name one instant; an ExpirationNotification needs an Expiration (§1.3). */
function assertCompatible(typed: readonly { readonly policy: PolicyObject; readonly type: PolicyType }[]): void {
  const instants = new Set<number>();
  for (const { policy, type } of typed) {
    const attributes = policy["Attributes"];
    if (type === "Expiration" && isObject(attributes)) instants.add(timestampOf(attributes));
  }
  if (instants.size > 1) throw incompatiblePolicy();
  if (instants.size === 0 && typed.some((t) => t.type === "ExpirationNotification")) throw incompatiblePolicy();
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{0,9}))?)?(?:[Zz]|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;
const DAYS_400_YEARS = 146_097;

/**
 * What Java's ISO_INSTANT or ISO_OFFSET_DATE_TIME parses (`2026-12-02T21:34:33.000Z`,
 * `2026-11-01T22:13:48.87+10:30`, `+10:30:00`) → epoch milliseconds, or null. Like Java: `T` and `Z`
 * in either case, seconds optional, an empty fraction, `24:00:00` as the next midnight. Fractions
 * beyond milliseconds are truncated.
 */
export function parsePolicyTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (m === null) return null;
  const at = (group: number): number => Number(m[group] ?? "0");
  const [y, mo, d, h, mi, s] = [at(1), at(2), at(3), at(4), at(5), at(6)];
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const [oh, om, os] = [at(9), at(10), at(11)];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || mi > 59 || s > 59) return null;
  if (h > 24 || (h === 24 && mi + s + ms > 0)) return null;
  if (oh > 18 || om > 59 || os > 59 || oh * 3600 + om * 60 + os > 18 * 3600) return null;
  const offset = (m[8] === "-" ? -1 : 1) * (oh * 3600 + om * 60 + os) * 1000;
  // Date.UTC maps years 0–99 to 1900–1999; shifting by a 400-year cycle keeps the calendar exact.
  const utc = y < 100 ? Date.UTC(y + 400, mo - 1, d, h, mi, s, ms) - DAYS_400_YEARS * 86_400_000 : Date.UTC(y, mo - 1, d, h, mi, s, ms);
  return utc - offset;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
