import type { Migration } from "./migrations.js";

/**
 * The audit trail (migration 10). A record is stored whole as JSON in `body`; the columns beside it
 * exist for the filters of `paramstore audit`, each with an index whose implicit rowid (`seq`) makes
 * the order (time, seq) an index walk. `audit_resources` holds one row per resource ARN, with the
 * parameter name (leading slash) in `path` for SSM parameters so a name prefix is an index range.
 */
export const AUDIT_TRAIL_MIGRATION: Migration = {
  version: 10,
  sql: `
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY,
      time INTEGER NOT NULL,
      principal_arn TEXT,
      action TEXT NOT NULL,
      decision TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX audit_events_by_time ON audit_events (time);
    CREATE INDEX audit_events_by_principal ON audit_events (principal_arn, time);
    CREATE INDEX audit_events_by_action ON audit_events (action, time);
    CREATE INDEX audit_events_by_decision ON audit_events (decision, time);

    CREATE TABLE audit_resources (
      seq INTEGER NOT NULL,
      position INTEGER NOT NULL,
      arn TEXT NOT NULL,
      path TEXT,
      PRIMARY KEY (seq, position)
    ) WITHOUT ROWID;
    CREATE INDEX audit_resources_by_path ON audit_resources (path, seq);
  `,
};
