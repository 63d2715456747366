import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prepareIamReadStatements, prepareIamWriteStatements } from "./iam-statements.js";
import { applyMigrations, MIGRATIONS } from "./migrations.js";

/** The plan lines of a statement, its parameters bound to NULL (the plan does not depend on values). */
function plan(db: Database.Database, source: string): string[] {
  const named = [...new Set([...source.matchAll(/@(\w+)/g)].map((match) => match[1] ?? ""))];
  const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${source}`);
  const rows =
    named.length > 0
      ? explain.all(Object.fromEntries(named.map((name) => [name, null])))
      : explain.all(...Array.from(source.matchAll(/\?/g), () => null));
  return rows.map((row) => row.detail);
}

describe("iam statements", () => {
  it("run as index searches, without sorting", () => {
    const db = new Database(":memory:");
    applyMigrations(db, MIGRATIONS, null);
    const statements = [...Object.values(prepareIamReadStatements(db)), ...Object.values(prepareIamWriteStatements(db))];
    const sources = statements.map((statement) => statement.source);
    expect(sources.length).toBeGreaterThan(40);
    for (const source of sources) {
      const unindexed = plan(db, source).filter(
        (line) => (/^SCAN /.test(line) && line !== "SCAN CONSTANT ROW") || line.includes("TEMP B-TREE"),
      );
      expect({ source, unindexed }).toEqual({ source, unindexed: [] });
    }
    db.close();
  });
});
