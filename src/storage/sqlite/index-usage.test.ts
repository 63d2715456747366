import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS } from "./migrations.js";
import { scanSql, type ScanRange } from "./scan-query.js";
import { prepareReadStatements, prepareWriteStatements } from "./statements.js";

function freshDatabase(): Database.Database {
  const db = new Database(":memory:");
  applyMigrations(db, MIGRATIONS, null);
  return db;
}

/** The plan lines of a statement, its parameters bound to NULL (the plan does not depend on values). */
function plan(db: Database.Database, source: string): string[] {
  const named = [...source.matchAll(/@(\w+)/g)].map((match) => match[1] ?? "");
  const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${source}`);
  const rows =
    named.length > 0
      ? explain.all(Object.fromEntries(named.map((name) => [name, null])))
      : explain.all(...Array.from(source.matchAll(/\?/g), () => null));
  return rows.map((row) => row.detail);
}

/** A full table scan or a sort is what makes a page's cost grow with the store. */
function unindexed(lines: readonly string[]): string[] {
  return lines.filter((line) => (/^SCAN /.test(line) && line !== "SCAN CONSTANT ROW") || line.includes("TEMP B-TREE"));
}

const SCAN_RANGES: ScanRange[] = [null, "/a/"].flatMap((parent) =>
  [true, false].flatMap((lowerInclusive) =>
    [null, "/b"].map((upper) => ({ parent, lower: "/a", lowerInclusive, upper })),
  ),
);

describe("index usage", () => {
  it("runs every prepared statement as an index search, without sorting", () => {
    const db = freshDatabase();
    const statements = [...Object.values(prepareReadStatements(db)), ...Object.values(prepareWriteStatements(db))];
    const sources = statements.flatMap((statement) => ("source" in statement ? [statement.source] : []));
    expect(sources.length).toBeGreaterThan(30);
    for (const source of sources) {
      const lines = plan(db, source);
      expect({ source, unindexed: unindexed(lines) }).toEqual({ source, unindexed: [] });
    }
  });

  it("walks an index in key order for every shape of scan", () => {
    const db = freshDatabase();
    for (const range of SCAN_RANGES) {
      const lines = plan(db, scanSql(range));
      expect({ range, unindexed: unindexed(lines) }).toEqual({ range, unindexed: [] });
      const index = range.parent === null ? "PRIMARY KEY" : "COVERING INDEX parameters_by_parent";
      expect(lines[0]).toContain(`SEARCH p USING ${index}`);
    }
  });

  it("flags a query that would scan the table", () => {
    const db = freshDatabase();
    expect(unindexed(plan(db, "SELECT * FROM versions WHERE name = ? ORDER BY tier"))).toHaveLength(2);
  });
});
