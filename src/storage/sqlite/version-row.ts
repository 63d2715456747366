import type { ParameterTier, ParameterType, ParameterVersionRecord, StoredPolicy } from "../ports.js";

/**
 * The columns of `versions`, in the order the raw reads select them (VERSION_SELECT). Reads return
 * arrays, not objects: better-sqlite3 spent ~4.5 µs building each 14-member row object, half of a
 * 10-item GetParametersByPath page's SQL time.
 */
const COLUMNS = [
  "region",
  "key",
  "version",
  "name",
  "type",
  "value",
  "key_id",
  "description",
  "allowed_pattern",
  "tier",
  "data_type",
  "policies",
  "last_modified_date",
  "last_modified_user",
] as const;

/** `v.region, v.key, …`: the select list of every read that returns version rows (`versions` aliased `v`). */
export const VERSION_SELECT = COLUMNS.map((c) => `v.${c}`).join(", ");

/** A row of `versions` as a raw read returns it (`SELECT ${VERSION_SELECT}` with `.raw()`). */
export type VersionRow = readonly [
  region: string,
  key: string,
  version: number,
  name: string,
  type: string,
  value: Buffer,
  keyId: string | null,
  description: string | null,
  allowedPattern: string | null,
  tier: string,
  dataType: string,
  policies: string,
  lastModifiedDate: number,
  lastModifiedUser: string,
];

/** The named parameters of the INSERT into `versions`: one member per column. */
interface VersionColumns {
  readonly region: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly type: string;
  readonly value: Buffer;
  readonly key_id: string | null;
  readonly description: string | null;
  readonly allowed_pattern: string | null;
  readonly tier: string;
  readonly data_type: string;
  readonly policies: string;
  readonly last_modified_date: number;
  readonly last_modified_user: string;
}

export type VersionParams = Omit<VersionColumns, "value"> & { readonly value: Uint8Array };

export function versionParams(record: ParameterVersionRecord): VersionParams {
  return {
    region: record.region,
    key: record.key,
    version: record.version,
    name: record.name,
    type: record.type,
    value: record.value,
    key_id: record.keyId,
    description: record.description,
    allowed_pattern: record.allowedPattern,
    tier: record.tier,
    data_type: record.dataType,
    policies: JSON.stringify(record.policies),
    last_modified_date: record.lastModifiedDate,
    last_modified_user: record.lastModifiedUser,
  };
}

export function versionRecord(row: VersionRow): ParameterVersionRecord {
  const [region, key, version, name, type, value, keyId, description, allowedPattern, tier, dataType, policies, lastModifiedDate, lastModifiedUser] = row;
  return {
    region,
    key,
    name,
    version,
    type: parameterType(type),
    value,
    keyId,
    description,
    allowedPattern,
    tier: parameterTier(tier),
    dataType,
    policies: policies === "[]" ? [] : storedPolicies(policies),
    lastModifiedDate,
    lastModifiedUser,
  };
}

/** The hierarchy level a key lists under: `/a/b/c` → `/a/b/`, `/foo` → `/`. */
export function parentOf(key: string): string {
  return key.slice(0, key.lastIndexOf("/") + 1);
}

// The file is ours, but a hand-edited or half-restored one must fail loudly rather than leak
// an unknown type into the services.
function parameterType(text: string): ParameterType {
  if (text === "String" || text === "StringList" || text === "SecureString") return text;
  throw new Error(`corrupt versions row: unknown type ${JSON.stringify(text)}`);
}

function parameterTier(text: string): ParameterTier {
  if (text === "Standard" || text === "Advanced") return text;
  throw new Error(`corrupt versions row: unknown tier ${JSON.stringify(text)}`);
}

function storedPolicies(json: string): StoredPolicy[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error("corrupt versions row: policies is not an array");
  return parsed.map((item: unknown) => {
    if (typeof item !== "object" || item === null) throw new Error("corrupt versions row: bad policy");
    const { text, type, status } = item as Record<string, unknown>; // checked member by member below
    if (typeof text !== "string" || typeof type !== "string" || !isPolicyStatus(status)) {
      throw new Error("corrupt versions row: bad policy");
    }
    return { text, type, status };
  });
}

function isPolicyStatus(value: unknown): value is StoredPolicy["status"] {
  return value === "Pending" || value === "InProgress" || value === "Finished" || value === "Failed";
}
