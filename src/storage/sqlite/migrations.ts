import type { Database } from "better-sqlite3";
import { AUDIT_MOVED_MIGRATION, AUDIT_TRAIL_MIGRATION } from "./audit-schema.js";

/** A numbered schema step. Released steps are never edited: a change is a new step. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/*
 * Every query the adapter runs is backed by one of these indexes, so that a page costs the same
 * whatever the store's size. Small hot tables are WITHOUT ROWID (the primary key is the row);
 * `versions` keeps a rowid because its rows carry values of up to 8 KB.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE parameters (
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        parent TEXT NOT NULL,
        latest_version INTEGER NOT NULL,
        tier TEXT NOT NULL,
        PRIMARY KEY (region, key)
      ) WITHOUT ROWID;
      -- latest_version makes the one-level scan a covering index walk.
      CREATE INDEX parameters_by_parent ON parameters (region, parent, key, latest_version);
      CREATE INDEX parameters_by_tier ON parameters (region, tier);

      CREATE TABLE versions (
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        value BLOB NOT NULL,
        key_id TEXT,
        description TEXT,
        allowed_pattern TEXT,
        tier TEXT NOT NULL,
        data_type TEXT NOT NULL,
        policies TEXT NOT NULL,
        last_modified_date INTEGER NOT NULL,
        last_modified_user TEXT NOT NULL,
        UNIQUE (region, key, version)
      );

      CREATE TABLE labels (
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        label TEXT NOT NULL,
        version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (region, key, label)
      ) WITHOUT ROWID;
      CREATE INDEX labels_by_version ON labels (region, key, version, position);

      CREATE TABLE tags (
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        value TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (region, key, tag_key)
      ) WITHOUT ROWID;
      CREATE INDEX tags_by_position ON tags (region, key, position);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE service_settings (
        region TEXT NOT NULL,
        setting_id TEXT NOT NULL,
        value TEXT NOT NULL,
        last_modified_date INTEGER NOT NULL,
        last_modified_user TEXT NOT NULL,
        PRIMARY KEY (region, setting_id)
      ) WITHOUT ROWID;

      CREATE TABLE resource_policies (
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        policy_hash TEXT NOT NULL,
        policy TEXT NOT NULL,
        PRIMARY KEY (region, key, policy_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE kms_keys (
        region TEXT NOT NULL,
        key_id TEXT NOT NULL,
        arn TEXT NOT NULL,
        key_manager TEXT NOT NULL,
        description TEXT NOT NULL,
        state TEXT NOT NULL,
        creation_date INTEGER NOT NULL,
        PRIMARY KEY (region, key_id)
      ) WITHOUT ROWID;

      CREATE TABLE kms_key_materials (
        region TEXT NOT NULL,
        key_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        material BLOB NOT NULL,
        PRIMARY KEY (region, key_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE kms_aliases (
        region TEXT NOT NULL,
        alias TEXT NOT NULL,
        key_id TEXT NOT NULL,
        PRIMARY KEY (region, alias)
      ) WITHOUT ROWID;
      CREATE INDEX kms_aliases_by_key ON kms_aliases (region, key_id);
    `,
  },
  {
    version: 4,
    sql: `
      -- Key lifecycle: when a key pending deletion goes; when an alias was made and last re-pointed.
      ALTER TABLE kms_keys ADD COLUMN deletion_date INTEGER;
      ALTER TABLE kms_aliases ADD COLUMN creation_date INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE kms_aliases ADD COLUMN last_updated_date INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    sql: `
      -- The deletion sweep visits only keys pending deletion, soonest first.
      CREATE INDEX kms_keys_by_deletion ON kms_keys (deletion_date) WHERE deletion_date IS NOT NULL;
    `,
  },
  {
    version: 6,
    sql: `
      -- Automatic rotation (NULL: off), swept soonest first; each material after the first records
      -- when and how it came (ListKeyRotations). AWS managed keys rotate yearly (kms.md §11).
      ALTER TABLE kms_keys ADD COLUMN rotation_period_days INTEGER;
      ALTER TABLE kms_keys ADD COLUMN next_rotation_date INTEGER;
      CREATE INDEX kms_keys_by_rotation ON kms_keys (next_rotation_date) WHERE next_rotation_date IS NOT NULL;
      UPDATE kms_keys SET rotation_period_days = 365, next_rotation_date = creation_date + 365 * 86400000
        WHERE key_manager = 'AWS';
      ALTER TABLE kms_key_materials ADD COLUMN rotation_date INTEGER;
      ALTER TABLE kms_key_materials ADD COLUMN rotation_type TEXT;

      CREATE TABLE kms_key_tags (
        region TEXT NOT NULL,
        key_id TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        value TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (region, key_id, tag_key)
      ) WITHOUT ROWID;
      CREATE INDEX kms_key_tags_by_position ON kms_key_tags (region, key_id, position);
    `,
  },
  {
    version: 7,
    sql: `
      -- A key's policy as put (no row: the default key policy); "default" is the only policy name.
      CREATE TABLE kms_key_policies (
        region TEXT NOT NULL,
        key_id TEXT NOT NULL,
        policy TEXT NOT NULL,
        PRIMARY KEY (region, key_id)
      ) WITHOUT ROWID;

      -- Fingerprints of the root key that wraps new KMS material and, during a root key rotation,
      -- of the one being retired. One row.
      CREATE TABLE root_key_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        current TEXT NOT NULL,
        previous TEXT
      );
    `,
  },
  {
    version: 8,
    sql: `
      -- Parameters per (region, tier), kept by triggers: PutParameter checks the per-tier quota on
      -- every create, and COUNT(*) over the tier index made each create cost O(store size).
      -- No INSERT OR IGNORE in the triggers: the firing statement's conflict mode (an upsert's ABORT)
      -- overrides a trigger body's.
      CREATE TABLE parameter_counts (
        region TEXT NOT NULL,
        tier TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (region, tier)
      ) WITHOUT ROWID;
      INSERT INTO parameter_counts (region, tier, n) SELECT region, tier, COUNT(*) FROM parameters GROUP BY region, tier;
      CREATE TRIGGER parameter_counts_insert AFTER INSERT ON parameters BEGIN
        INSERT INTO parameter_counts (region, tier, n) SELECT NEW.region, NEW.tier, 0
          WHERE NOT EXISTS (SELECT 1 FROM parameter_counts WHERE region = NEW.region AND tier = NEW.tier);
        UPDATE parameter_counts SET n = n + 1 WHERE region = NEW.region AND tier = NEW.tier;
      END;
      CREATE TRIGGER parameter_counts_delete AFTER DELETE ON parameters BEGIN
        UPDATE parameter_counts SET n = n - 1 WHERE region = OLD.region AND tier = OLD.tier;
      END;
      CREATE TRIGGER parameter_counts_tier AFTER UPDATE OF tier ON parameters WHEN OLD.tier IS NOT NEW.tier BEGIN
        UPDATE parameter_counts SET n = n - 1 WHERE region = OLD.region AND tier = OLD.tier;
        INSERT INTO parameter_counts (region, tier, n) SELECT NEW.region, NEW.tier, 0
          WHERE NOT EXISTS (SELECT 1 FROM parameter_counts WHERE region = NEW.region AND tier = NEW.tier);
        UPDATE parameter_counts SET n = n + 1 WHERE region = NEW.region AND tier = NEW.tier;
      END;
    `,
  },
  {
    version: 9,
    sql: `
      -- IAM and STS (global: no region). name_key is the case-folded name that makes names unique
      -- case-insensitively; child rows hang off unique ids (AIDA…, AGPA…, AROA…) so a rename is one
      -- row. Tables whose rows carry policy documents (up to 128 KiB) keep a rowid, like versions.
      CREATE TABLE iam_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      );
      INSERT INTO iam_generation (id, n) VALUES (1, 0);

      CREATE TABLE iam_users (
        name_key TEXT NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        user_id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        create_date INTEGER NOT NULL,
        permissions_boundary TEXT
      ) WITHOUT ROWID;

      CREATE TABLE iam_groups (
        name_key TEXT NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        group_id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        create_date INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE iam_roles (
        name_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role_id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        create_date INTEGER NOT NULL,
        trust_policy TEXT NOT NULL,
        trust_principals TEXT NOT NULL,
        max_session_duration INTEGER NOT NULL,
        description TEXT,
        permissions_boundary TEXT
      );

      -- Tags of users, roles and managed policies; keys unique case-insensitively.
      CREATE TABLE iam_tags (
        owner_id TEXT NOT NULL,
        key_fold TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        value TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (owner_id, key_fold)
      ) WITHOUT ROWID;
      CREATE INDEX iam_tags_by_position ON iam_tags (owner_id, position);

      -- secret: sealed by the server's credential sealer, never plaintext.
      CREATE TABLE iam_access_keys (
        access_key_id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        status TEXT NOT NULL,
        create_date INTEGER NOT NULL,
        secret BLOB NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX iam_access_keys_by_user ON iam_access_keys (user_id, access_key_id);

      CREATE TABLE iam_group_members (
        group_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX iam_group_members_by_user ON iam_group_members (user_id, group_id);

      CREATE TABLE iam_inline_policies (
        owner_id TEXT NOT NULL,
        name_key TEXT NOT NULL,
        name TEXT NOT NULL,
        document TEXT NOT NULL,
        UNIQUE (owner_id, name_key)
      );

      CREATE TABLE iam_policies (
        arn TEXT NOT NULL PRIMARY KEY,
        policy_id TEXT NOT NULL UNIQUE,
        name_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        description TEXT,
        create_date INTEGER NOT NULL,
        update_date INTEGER NOT NULL,
        default_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE iam_policy_versions (
        policy_arn TEXT NOT NULL,
        version INTEGER NOT NULL,
        document TEXT NOT NULL,
        create_date INTEGER NOT NULL,
        UNIQUE (policy_arn, version)
      );

      -- Managed policies (customer or AWS managed, by ARN) attached to users, groups and roles.
      CREATE TABLE iam_attachments (
        owner_id TEXT NOT NULL,
        policy_arn TEXT NOT NULL,
        PRIMARY KEY (owner_id, policy_arn)
      ) WITHOUT ROWID;
      CREATE INDEX iam_attachments_by_policy ON iam_attachments (policy_arn, owner_id);

      -- STS credentials: the secret sealed, the session token only as its SHA-256.
      CREATE TABLE iam_sessions (
        access_key_id TEXT NOT NULL PRIMARY KEY,
        secret BLOB NOT NULL,
        token_hash BLOB NOT NULL,
        principal_kind TEXT NOT NULL,
        principal_id TEXT NOT NULL,
        session_name TEXT,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        session_policy TEXT,
        policy_arns TEXT NOT NULL,
        tags TEXT NOT NULL,
        transitive_tag_keys TEXT NOT NULL,
        source_identity TEXT,
        chained INTEGER NOT NULL
      );
      CREATE INDEX iam_sessions_by_expiry ON iam_sessions (expires_at);
      CREATE INDEX iam_sessions_by_principal ON iam_sessions (principal_id);
    `,
  },
  AUDIT_TRAIL_MIGRATION,
  {
    version: 11,
    sql: `
      -- Moves on every change to any parameter's resource policies (triggers, so that no write path
      -- can forget it): what lets a node cache policies and re-check them with one read.
      CREATE TABLE resource_policy_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      );
      INSERT INTO resource_policy_generation (id, n) VALUES (1, 0);
      CREATE TRIGGER resource_policies_generation_insert AFTER INSERT ON resource_policies BEGIN
        UPDATE resource_policy_generation SET n = n + 1 WHERE id = 1;
      END;
      CREATE TRIGGER resource_policies_generation_update AFTER UPDATE ON resource_policies BEGIN
        UPDATE resource_policy_generation SET n = n + 1 WHERE id = 1;
      END;
      CREATE TRIGGER resource_policies_generation_delete AFTER DELETE ON resource_policies BEGIN
        UPDATE resource_policy_generation SET n = n + 1 WHERE id = 1;
      END;
    `,
  },
  AUDIT_MOVED_MIGRATION,
];

/** Raised when the file was written by a newer paramstore: running old code on it could corrupt it. */
export class SchemaTooNew extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      found > known
        ? `database schema version ${found} is newer than this paramstore understands (${known})`
        : `database schema step ${found} is unknown to this paramstore (it knows steps up to ${known})`,
    );
    this.name = "SchemaTooNew";
  }
}

/**
 * Brings the file up to date in one IMMEDIATE transaction: a crash or a failing step leaves the file
 * exactly as it was, and two processes opening it at once cannot both migrate.
 *
 * Steps are numbered in ascending order but may leave gaps: every step the file has not recorded is
 * applied, in order, even one numbered below a step it has. Branches developed side by side each
 * claim a number, and whichever lands first, a file migrated by the other still gets the missing
 * step (steps must therefore not depend on a step numbered above them). A file that records a step
 * this code does not know is refused untouched.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[], appliedAt: number | null): number[] {
  const known = migrations.at(-1)?.version ?? 0;
  let previous = 0;
  for (const step of migrations) {
    if (!Number.isInteger(step.version) || step.version <= previous) {
      throw new Error(`migration ${step.version} follows ${previous}: steps must be numbered in ascending order`);
    }
    previous = step.version;
  }
  const knownVersions = new Set(migrations.map((step) => step.version));
  const applied: number[] = [];
  db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER)");
    const recorded = new Set(db.prepare<[], number>("SELECT version FROM schema_migrations").pluck().all());
    const unknown = [...recorded].filter((version) => !knownVersions.has(version));
    if (unknown.length > 0) throw new SchemaTooNew(Math.max(...unknown), known);
    const record = db.prepare<[number, number | null]>("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    for (const step of migrations) {
      if (recorded.has(step.version)) continue;
      db.exec(step.sql);
      record.run(step.version, appliedAt);
      applied.push(step.version);
    }
  }).immediate();
  return applied;
}
