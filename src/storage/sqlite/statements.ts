import type { Database, Statement } from "better-sqlite3";
import type { Tag } from "../ports.js";
import { prepareIamReadStatements, prepareIamWriteStatements } from "./iam-statements.js";
import { scanShape, scanSql, type ScanRange } from "./scan-query.js";
import { VERSION_SELECT, type VersionParams, type VersionRow } from "./version-row.js";

type RegionKey = [region: string, key: string];

export interface KmsKeyRow {
  readonly region: string;
  readonly key_id: string;
  readonly arn: string;
  readonly key_manager: string;
  readonly description: string;
  readonly state: string;
  readonly creation_date: number;
  readonly deletion_date: number | null;
  readonly rotation_period_days: number | null;
  readonly next_rotation_date: number | null;
}

export interface KmsRotationRow {
  readonly position: number;
  readonly rotation_date: number;
  readonly rotation_type: string;
}

export interface KmsAliasRow {
  readonly region: string;
  readonly alias: string;
  readonly key_id: string;
  readonly creation_date: number;
  readonly last_updated_date: number;
}

export interface ScanParams {
  readonly region: string;
  readonly parent?: string;
  readonly lower: string;
  readonly upper?: string;
  readonly limit: number;
}

const VERSION_COLUMNS =
  "region, key, version, name, type, value, key_id, description, allowed_pattern, tier, data_type, policies, last_modified_date, last_modified_user";

/** The queries both connections run, prepared once per connection. */
export function prepareReadStatements(db: Database) {
  const scans = new Map<string, Statement<[ScanParams], VersionRow>>();
  return {
    iam: prepareIamReadStatements(db),
    latest: db
      .prepare<RegionKey, VersionRow>(`SELECT ${VERSION_SELECT} FROM parameters p CROSS JOIN versions v
      ON v.region = p.region AND v.key = p.key AND v.version = p.latest_version
      WHERE p.region = ? AND p.key = ?`)
      .raw(true),
    version: db
      .prepare<[...RegionKey, number], VersionRow>(`SELECT ${VERSION_SELECT} FROM versions v WHERE region = ? AND key = ? AND version = ?`)
      .raw(true),
    versionTier: db
      .prepare<[...RegionKey, number], string>("SELECT tier FROM versions WHERE region = ? AND key = ? AND version = ?")
      .pluck(),
    versionByLabel: db
      .prepare<[...RegionKey, string], VersionRow>(`SELECT ${VERSION_SELECT} FROM labels l CROSS JOIN versions v
      ON v.region = l.region AND v.key = l.key AND v.version = l.version
      WHERE l.region = ? AND l.key = ? AND l.label = ?`)
      .raw(true),
    history: db
      .prepare<[...RegionKey, number, number], VersionRow>(
        `SELECT ${VERSION_SELECT} FROM versions v WHERE region = ? AND key = ? AND version > ? ORDER BY version LIMIT ?`,
      )
      .raw(true),
    labelsBetween: db.prepare<[...RegionKey, number, number], { version: number; label: string }>(
      `SELECT version, label FROM labels WHERE region = ? AND key = ? AND version > ? AND version <= ?
       ORDER BY version, position`,
    ),
    versionNumbers: db
      .prepare<RegionKey, number>("SELECT version FROM versions WHERE region = ? AND key = ? ORDER BY version")
      .pluck(),
    // An index-only count and seek: a PutParameter on a 100-version parameter no longer lists them all.
    versionSpan: db.prepare<RegionKey, { count: number; oldest: number | null }>(
      "SELECT COUNT(*) AS count, MIN(version) AS oldest FROM versions WHERE region = ? AND key = ?",
    ),
    newestVersion: db
      .prepare<RegionKey, number | null>("SELECT MAX(version) FROM versions WHERE region = ? AND key = ?")
      .pluck(),
    labelsOf: db
      .prepare<[...RegionKey, number], string>(
        "SELECT label FROM labels WHERE region = ? AND key = ? AND version = ? ORDER BY position",
      )
      .pluck(),
    countByTier: db
      .prepare<[region: string, tier: string], number>("SELECT n FROM parameter_counts WHERE region = ? AND tier = ?")
      .pluck(),
    tags: db.prepare<RegionKey, Tag>(
      "SELECT tag_key AS key, value FROM tags WHERE region = ? AND key = ? ORDER BY position",
    ),
    serviceSetting: db.prepare<
      [region: string, settingId: string],
      { region: string; settingId: string; value: string; lastModifiedDate: number; lastModifiedUser: string }
    >(`SELECT region, setting_id AS settingId, value, last_modified_date AS lastModifiedDate,
       last_modified_user AS lastModifiedUser FROM service_settings WHERE region = ? AND setting_id = ?`),
    resourcePolicies: db.prepare<
      RegionKey,
      { region: string; key: string; policyId: string; policyHash: string; policy: string }
    >(`SELECT region, key, policy_id AS policyId, policy_hash AS policyHash, policy
       FROM resource_policies WHERE region = ? AND key = ? ORDER BY policy_id`),
    resourcePolicyGeneration: db.prepare<[], number>("SELECT n FROM resource_policy_generation WHERE id = 1").pluck(),
    kmsKey: db.prepare<[region: string, keyId: string], KmsKeyRow>(
      "SELECT * FROM kms_keys WHERE region = ? AND key_id = ?",
    ),
    kmsMaterials: db
      .prepare<[region: string, keyId: string], Buffer>(
        "SELECT material FROM kms_key_materials WHERE region = ? AND key_id = ? ORDER BY position",
      )
      .pluck(),
    aliasTarget: db
      .prepare<[region: string, alias: string], string>("SELECT key_id FROM kms_aliases WHERE region = ? AND alias = ?")
      .pluck(),
    listKmsKeys: db.prepare<[region: string, after: string, limit: number], { keyId: string; arn: string }>(
      "SELECT key_id AS keyId, arn FROM kms_keys WHERE region = ? AND key_id > ? ORDER BY key_id LIMIT ?",
    ),
    listAliases: db.prepare<[region: string, after: string, limit: number], KmsAliasRow>(
      "SELECT * FROM kms_aliases WHERE region = ? AND alias > ? ORDER BY alias LIMIT ?",
    ),
    listAliasesOfKey: db.prepare<[region: string, keyId: string, after: string, limit: number], KmsAliasRow>(
      "SELECT * FROM kms_aliases WHERE region = ? AND key_id = ? AND alias > ? ORDER BY alias LIMIT ?",
    ),
    kmsKeysDue: db.prepare<[now: number, limit: number], { region: string; keyId: string }>(
      `SELECT region, key_id AS keyId FROM kms_keys WHERE deletion_date IS NOT NULL AND deletion_date <= ?
       ORDER BY deletion_date LIMIT ?`,
    ),
    kmsKeysDueForRotation: db.prepare<[now: number, limit: number], { region: string; keyId: string }>(
      `SELECT region, key_id AS keyId FROM kms_keys WHERE next_rotation_date IS NOT NULL AND next_rotation_date <= ?
       AND state = 'Enabled' ORDER BY next_rotation_date LIMIT ?`,
    ),
    kmsKeyRotations: db.prepare<[region: string, keyId: string, afterPosition: number, limit: number], KmsRotationRow>(
      `SELECT position, rotation_date, rotation_type FROM kms_key_materials
       WHERE region = ? AND key_id = ? AND position > ? AND rotation_type IS NOT NULL ORDER BY position LIMIT ?`,
    ),
    countKmsKeyRotations: db
      .prepare<[region: string, keyId: string, type: string], number>(
        "SELECT COUNT(*) FROM kms_key_materials WHERE region = ? AND key_id = ? AND rotation_type = ?",
      )
      .pluck(),
    lastKmsMaterialPosition: db
      .prepare<[region: string, keyId: string], number | null>(
        "SELECT MAX(position) FROM kms_key_materials WHERE region = ? AND key_id = ?",
      )
      .pluck(),
    kmsKeyTags: db.prepare<[region: string, keyId: string], Tag>(
      "SELECT tag_key AS key, value FROM kms_key_tags WHERE region = ? AND key_id = ? ORDER BY position",
    ),
    kmsKeyPolicy: db
      .prepare<[region: string, keyId: string], string>("SELECT policy FROM kms_key_policies WHERE region = ? AND key_id = ?")
      .pluck(),
    rootKeyState: db.prepare<[], { current: string; previous: string | null }>(
      "SELECT current, previous FROM root_key_state WHERE id = 1",
    ),
    // Row-value keyset over the primary key: a page costs the same wherever the walk is.
    scanKmsMaterials: db.prepare<
      [region: string, keyId: string, afterPosition: number, limit: number],
      { region: string; keyId: string; arn: string; position: number; material: Buffer }
    >(
      `SELECT m.region, m.key_id AS keyId, k.arn, m.position, m.material FROM kms_key_materials m
       CROSS JOIN kms_keys k ON k.region = m.region AND k.key_id = m.key_id
       WHERE (m.region, m.key_id, m.position) > (?, ?, ?) ORDER BY m.region, m.key_id, m.position LIMIT ?`,
    ),
    scan(range: ScanRange): Statement<[ScanParams], VersionRow> {
      const shape = scanShape(range);
      let statement = scans.get(shape);
      if (statement === undefined) {
        statement = db.prepare<ScanParams, VersionRow>(scanSql(range)).raw(true);
        scans.set(shape, statement);
      }
      return statement;
    },
  };
}

/** The writer connection's changes, prepared once. */
export function prepareWriteStatements(db: Database) {
  return {
    iam: prepareIamWriteStatements(db),
    insertVersion: db.prepare<VersionParams>(
      `INSERT INTO versions (${VERSION_COLUMNS}) VALUES (${VERSION_COLUMNS.split(", ")
        .map((column) => `@${column}`)
        .join(", ")}) ON CONFLICT (region, key, version) DO NOTHING`,
    ),
    upsertParameter: db.prepare<[...RegionKey, name: string, parent: string, latest: number, tier: string]>(
      `INSERT INTO parameters (region, key, name, parent, latest_version, tier) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (region, key) DO UPDATE SET latest_version = excluded.latest_version, tier = excluded.tier`,
    ),
    setLatest: db.prepare<[latest: number, tier: string, ...RegionKey]>(
      "UPDATE parameters SET latest_version = ?, tier = ? WHERE region = ? AND key = ?",
    ),
    latestNumber: db
      .prepare<RegionKey, number>("SELECT latest_version FROM parameters WHERE region = ? AND key = ?")
      .pluck(),
    deleteVersion: db.prepare<[...RegionKey, number]>("DELETE FROM versions WHERE region = ? AND key = ? AND version = ?"),
    deleteVersionLabels: db.prepare<[...RegionKey, number]>(
      "DELETE FROM labels WHERE region = ? AND key = ? AND version = ?",
    ),
    deleteParameter: db.prepare<RegionKey>("DELETE FROM parameters WHERE region = ? AND key = ?"),
    deleteAllVersions: db.prepare<RegionKey>("DELETE FROM versions WHERE region = ? AND key = ?"),
    deleteAllLabels: db.prepare<RegionKey>("DELETE FROM labels WHERE region = ? AND key = ?"),
    deleteAllTags: db.prepare<RegionKey>("DELETE FROM tags WHERE region = ? AND key = ?"),
    deleteAllResourcePolicies: db.prepare<RegionKey>("DELETE FROM resource_policies WHERE region = ? AND key = ?"),
    // A label moved to another version goes to the end of that version's list; re-setting it in
    // place changes nothing.
    setLabel: db.prepare<{ region: string; key: string; label: string; version: number }>(
      `INSERT INTO labels (region, key, label, version, position) VALUES (@region, @key, @label, @version,
         (SELECT COALESCE(MAX(position), 0) + 1 FROM labels WHERE region = @region AND key = @key))
       ON CONFLICT (region, key, label) DO UPDATE SET version = excluded.version, position = excluded.position
       WHERE labels.version <> excluded.version`,
    ),
    removeLabel: db.prepare<[...RegionKey, label: string, version: number]>(
      "DELETE FROM labels WHERE region = ? AND key = ? AND label = ? AND version = ?",
    ),
    putTag: db.prepare<{ region: string; key: string; tagKey: string; value: string }>(
      `INSERT INTO tags (region, key, tag_key, value, position) VALUES (@region, @key, @tagKey, @value,
         (SELECT COALESCE(MAX(position), 0) + 1 FROM tags WHERE region = @region AND key = @key))
       ON CONFLICT (region, key, tag_key) DO UPDATE SET value = excluded.value`,
    ),
    removeTag: db.prepare<[...RegionKey, tagKey: string]>("DELETE FROM tags WHERE region = ? AND key = ? AND tag_key = ?"),
    putServiceSetting: db.prepare<[region: string, settingId: string, value: string, date: number, user: string]>(
      `INSERT INTO service_settings (region, setting_id, value, last_modified_date, last_modified_user)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (region, setting_id) DO UPDATE SET value = excluded.value,
       last_modified_date = excluded.last_modified_date, last_modified_user = excluded.last_modified_user`,
    ),
    deleteServiceSetting: db.prepare<[region: string, settingId: string]>(
      "DELETE FROM service_settings WHERE region = ? AND setting_id = ?",
    ),
    putResourcePolicy: db.prepare<[...RegionKey, policyId: string, hash: string, policy: string]>(
      `INSERT INTO resource_policies (region, key, policy_id, policy_hash, policy) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (region, key, policy_id) DO UPDATE SET policy_hash = excluded.policy_hash, policy = excluded.policy`,
    ),
    deleteResourcePolicy: db.prepare<[...RegionKey, policyId: string]>(
      "DELETE FROM resource_policies WHERE region = ? AND key = ? AND policy_id = ?",
    ),
    insertKmsKey: db.prepare<KmsKeyRow>(
      `INSERT INTO kms_keys (region, key_id, arn, key_manager, description, state, creation_date, deletion_date,
         rotation_period_days, next_rotation_date)
       VALUES (@region, @key_id, @arn, @key_manager, @description, @state, @creation_date, @deletion_date,
         @rotation_period_days, @next_rotation_date)
       ON CONFLICT (region, key_id) DO NOTHING`,
    ),
    updateKmsKey: db.prepare<[state: string, deletionDate: number | null, description: string, region: string, keyId: string]>(
      "UPDATE kms_keys SET state = ?, deletion_date = ?, description = ? WHERE region = ? AND key_id = ?",
    ),
    setKmsRotation: db.prepare<[periodDays: number | null, next: number | null, region: string, keyId: string]>(
      "UPDATE kms_keys SET rotation_period_days = ?, next_rotation_date = ? WHERE region = ? AND key_id = ?",
    ),
    appendKmsMaterial: db.prepare<
      [region: string, keyId: string, position: number, material: Uint8Array, date: number, type: string]
    >(
      `INSERT INTO kms_key_materials (region, key_id, position, material, rotation_date, rotation_type)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region, key_id, position) DO NOTHING`,
    ),
    putKmsKeyTag: db.prepare<{ region: string; keyId: string; tagKey: string; value: string }>(
      `INSERT INTO kms_key_tags (region, key_id, tag_key, value, position) VALUES (@region, @keyId, @tagKey, @value,
         (SELECT COALESCE(MAX(position), 0) + 1 FROM kms_key_tags WHERE region = @region AND key_id = @keyId))
       ON CONFLICT (region, key_id, tag_key) DO UPDATE SET value = excluded.value`,
    ),
    removeKmsKeyTag: db.prepare<[region: string, keyId: string, tagKey: string]>(
      "DELETE FROM kms_key_tags WHERE region = ? AND key_id = ? AND tag_key = ?",
    ),
    deleteKmsKeyTags: db.prepare<[region: string, keyId: string]>("DELETE FROM kms_key_tags WHERE region = ? AND key_id = ?"),
    deleteKmsKey: db.prepare<[region: string, keyId: string]>("DELETE FROM kms_keys WHERE region = ? AND key_id = ?"),
    deleteKmsMaterials: db.prepare<[region: string, keyId: string]>(
      "DELETE FROM kms_key_materials WHERE region = ? AND key_id = ?",
    ),
    deleteAliasesOfKey: db.prepare<[region: string, keyId: string]>("DELETE FROM kms_aliases WHERE region = ? AND key_id = ?"),
    insertKmsMaterial: db.prepare<[region: string, keyId: string, position: number, material: Uint8Array]>(
      "INSERT INTO kms_key_materials (region, key_id, position, material) VALUES (?, ?, ?, ?)",
    ),
    insertAlias: db.prepare<[region: string, alias: string, keyId: string, created: number, updated: number]>(
      `INSERT INTO kms_aliases (region, alias, key_id, creation_date, last_updated_date) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (region, alias) DO NOTHING`,
    ),
    updateAlias: db.prepare<[keyId: string, updated: number, region: string, alias: string]>(
      "UPDATE kms_aliases SET key_id = ?, last_updated_date = ? WHERE region = ? AND alias = ?",
    ),
    deleteAlias: db.prepare<[region: string, alias: string]>("DELETE FROM kms_aliases WHERE region = ? AND alias = ?"),
    putKmsKeyPolicy: db.prepare<[region: string, keyId: string, policy: string]>(
      `INSERT INTO kms_key_policies (region, key_id, policy) VALUES (?, ?, ?)
       ON CONFLICT (region, key_id) DO UPDATE SET policy = excluded.policy`,
    ),
    deleteKmsKeyPolicy: db.prepare<[region: string, keyId: string]>(
      "DELETE FROM kms_key_policies WHERE region = ? AND key_id = ?",
    ),
    setRootKeyState: db.prepare<[current: string, previous: string | null]>(
      `INSERT INTO root_key_state (id, current, previous) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET current = excluded.current, previous = excluded.previous`,
    ),
    replaceKmsMaterial: db.prepare<[material: Uint8Array, region: string, keyId: string, position: number, expected: Uint8Array]>(
      "UPDATE kms_key_materials SET material = ? WHERE region = ? AND key_id = ? AND position = ? AND material = ?",
    ),
  };
}

export type ReadStatements = ReturnType<typeof prepareReadStatements>;
export type WriteStatements = ReturnType<typeof prepareWriteStatements>;
