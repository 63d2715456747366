import type { Migration } from "./migrations.js";

const AUDIT_TABLES = `
    CREATE TABLE IF NOT EXISTS audit_events (
      seq INTEGER PRIMARY KEY,
      time INTEGER NOT NULL,
      principal_arn TEXT,
      action TEXT NOT NULL,
      decision TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (time);
    CREATE INDEX IF NOT EXISTS audit_events_by_principal ON audit_events (principal_arn, time);
    CREATE INDEX IF NOT EXISTS audit_events_by_action ON audit_events (action, time);
    CREATE INDEX IF NOT EXISTS audit_events_by_decision ON audit_events (decision, time);

    CREATE TABLE IF NOT EXISTS audit_resources (
      seq INTEGER NOT NULL,
      position INTEGER NOT NULL,
      arn TEXT NOT NULL,
      path TEXT,
      PRIMARY KEY (seq, position)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS audit_resources_by_path ON audit_resources (path, seq);
`;

/**
 * The audit trail's own database, `audit.db` beside `paramstore.db`. It used to live in the main file
 * (migration 10 there); every request's record committed to the main file then made every reader
 * connection drop its page cache (SQLite does so when another connection has committed), which doubled
 * the cost of a GetParameter's read. In a file of its own, the trail's commits leave the readers' caches
 * warm. Records share no transaction with the changes they record (they never did: separate jobs).
 *
 * A record is stored whole as JSON in `body`; the columns beside it exist for the filters of
 * `paramstore audit`, each with an index whose implicit rowid (`seq`) makes the order (time, seq) an
 * index walk. `audit_resources` holds one row per resource ARN, with the parameter name (leading slash)
 * in `path` for SSM parameters so a name prefix is an index range.
 */
export const AUDIT_MIGRATIONS: readonly Migration[] = [{ version: 1, sql: AUDIT_TABLES }];

/** Main-file step 12: the trail has moved to audit.db (openSqliteStorage copies old records first). */
export const AUDIT_MOVED_MIGRATION: Migration = {
  version: 12,
  sql: `
    DROP TABLE IF EXISTS audit_resources;
    DROP TABLE IF EXISTS audit_events;
  `,
};

/** The audit trail in the main file (step 10), before it moved to audit.db; step 12 drops it again. */
export const AUDIT_TRAIL_MIGRATION: Migration = { version: 10, sql: AUDIT_TABLES };
