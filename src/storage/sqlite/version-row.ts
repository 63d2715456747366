import type { ParameterTier, ParameterType, ParameterVersionRecord, StoredPolicy } from "../ports.js";

/** A row of `versions` as better-sqlite3 returns it (`SELECT v.*`). */
export interface VersionRow {
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

/** The named parameters of the INSERT into `versions`. */
export type VersionParams = Omit<VersionRow, "value"> & { readonly value: Uint8Array };

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
  return {
    region: row.region,
    key: row.key,
    name: row.name,
    version: row.version,
    type: parameterType(row.type),
    value: row.value,
    keyId: row.key_id,
    description: row.description,
    allowedPattern: row.allowed_pattern,
    tier: parameterTier(row.tier),
    dataType: row.data_type,
    policies: storedPolicies(row.policies),
    lastModifiedDate: row.last_modified_date,
    lastModifiedUser: row.last_modified_user,
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
