import Database from "better-sqlite3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEventFixture, describeAuditLog } from "../conformance/audit.case.js";
import { auditStatement } from "./audit-query.js";
import { applyMigrations, MIGRATIONS } from "./migrations.js";
import { NoAuditTrail, openSqliteAuditReader } from "./sqlite-audit-log.js";
import { auditFileOf, openSqliteStorage } from "./sqlite-storage.js";
import { AUDIT_MIGRATIONS } from "./audit-schema.js";

describeAuditLog("sqlite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "paramstore-audit-"));
  const storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  return {
    log: storage.audit,
    async cleanup() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe("sqlite audit trail", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "paramstore-audit-"));
    file = join(dir, "paramstore.db");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps acknowledged records through a close and reopen", async () => {
    const storage = await openSqliteStorage({ file });
    await storage.audit.append(auditEventFixture(1));
    await storage.audit.append(auditEventFixture(2));
    await storage.close();
    const reopened = await openSqliteStorage({ file });
    const page = await reopened.audit.query({ order: "asc", limit: 10 });
    expect(page.events.map((e) => e.requestId)).toEqual(["req-1", "req-2"]);
    await reopened.close();
  });

  it("commits concurrent appends in one transaction (one fsync) of audit.db, and never touches the main file", async () => {
    const storage = await openSqliteStorage({ file });
    const main = new Database(file, { readonly: true });
    const trail = new Database(auditFileOf(file), { readonly: true });
    // Count commits through data_version as seen from another connection: it changes once per
    // foreign commit, however many records that commit carried.
    const version = (db: Database.Database) => db.pragma("data_version", { simple: true }) as number;
    const before = { main: version(main), trail: version(trail) };
    await Promise.all(Array.from({ length: 20 }, (_, n) => storage.audit.append(auditEventFixture(n + 1))));
    // A reader of the main file keeps its page cache only while nobody else commits to that file.
    expect({ main: version(main) - before.main, trail: version(trail) - before.trail }).toEqual({ main: 0, trail: 1 });
    expect((await storage.audit.query({ order: "asc", limit: 100 })).events).toHaveLength(20);
    main.close();
    trail.close();
    await storage.close();
  });

  it("moves the trail of a main file from before audit.db into audit.db, once", async () => {
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 11), null);
    for (const n of [1, 2]) {
      const event = auditEventFixture(n);
      old.prepare("INSERT INTO audit_events (seq, time, principal_arn, action, decision, body) VALUES (?, ?, ?, ?, ?, ?)")
        .run(n, event.time, event.principal?.arn ?? null, event.action, event.decision, JSON.stringify(event));
      old.prepare("INSERT INTO audit_resources (seq, position, arn, path) VALUES (?, 0, ?, ?)").run(n, `arn:aws:ssm:us-east-1:123456789012:parameter/app${n}/x`, `/app${n}/x`);
    }
    old.close();
    for (let opening = 0; opening < 2; opening++) {
      const storage = await openSqliteStorage({ file });
      const page = await storage.audit.query({ order: "asc", limit: 10 });
      expect(page.events.map((e) => [e.seq, e.requestId])).toEqual([[1, "req-1"], [2, "req-2"]]);
      expect((await storage.audit.query({ order: "asc", limit: 10, pathPrefix: "/app2/" })).events.map((e) => e.seq)).toEqual([2]);
      await storage.close();
    }
    const main = new Database(file, { readonly: true });
    expect(main.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'audit%'").all()).toEqual([]);
    main.close();
  });

  it("refuses appends once the store is closing", async () => {
    const storage = await openSqliteStorage({ file });
    const closing = storage.close();
    await expect(storage.audit.append(auditEventFixture(1))).rejects.toThrow("storage is closed");
    await closing;
  });

  it("is read by a read-only reader while the server's store is open", async () => {
    const storage = await openSqliteStorage({ file });
    await storage.audit.append(auditEventFixture(1));
    const reader = openSqliteAuditReader(auditFileOf(file));
    expect((await reader.query({ order: "asc", limit: 10 })).events.map((e) => e.requestId)).toEqual(["req-1"]);
    await storage.audit.append(auditEventFixture(2));
    expect((await reader.query({ order: "desc", limit: 1 })).events.map((e) => e.requestId)).toEqual(["req-2"]);
    await reader.close();
    await storage.close();
  });

  it("tells a data dir without an audit trail apart: no audit.db, or one without its tables", () => {
    const trail = auditFileOf(file);
    expect(() => openSqliteAuditReader(trail)).toThrow(NoAuditTrail);
    expect(() => openSqliteAuditReader(trail)).toThrow(`${trail} has no audit trail yet`);
    new Database(trail).close();
    expect(() => openSqliteAuditReader(trail)).toThrow(NoAuditTrail);
  });

  it("walks an index in page order for each exact filter; a prefix filter seeks its index", () => {
    const db = new Database(":memory:");
    applyMigrations(db, AUDIT_MIGRATIONS, null);
    const after = { time: 1, seq: 1 };
    const queries = [
      {},
      { principalArn: "p" },
      { action: "ssm:GetParameter" },
      { decision: "deny" as const },
      { since: 1, until: 2 },
    ];
    for (const filter of queries) {
      for (const order of ["asc", "desc"] as const) {
        for (const position of [undefined, after]) {
          const { sql, params } = auditStatement({ ...filter, order, limit: 10, ...(position === undefined ? {} : { after: position }) });
          const plan = db
            .prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
            .all(params)
            .map((row) => row.detail);
          // A SCAN that names an index walks it in page order and stops at LIMIT; a bare SCAN reads every row.
          const bad = plan.filter((line) => (/^SCAN /.test(line) && !line.includes("USING INDEX")) || line.includes("TEMP B-TREE"));
          expect({ filter, order, plan: bad }).toEqual({ filter, order, plan: [] });
        }
      }
    }
    // Prefixes seek a range of their index, then sort what matched (a cost that grows with the matches).
    for (const [filter, index] of [
      [{ pathPrefix: "/my-app/" }, "COVERING INDEX audit_resources_by_path (path>? AND path<?)"],
      [{ action: "ssm:Get*" }, "INDEX audit_events_by_action (action>? AND action<?)"],
    ] as const) {
      const { sql, params } = auditStatement({ ...filter, order: "asc", limit: 10 });
      const plan = db.prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((row) => row.detail);
      expect(plan.join("\n")).toContain(index);
      expect(plan.filter((line) => /^SCAN /.test(line))).toEqual([]);
    }
    db.close();
  });
});
