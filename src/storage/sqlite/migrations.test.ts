import Database from "better-sqlite3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS, SchemaTooNew, type Migration } from "./migrations.js";
import { openSqliteStorage } from "./sqlite-storage.js";

const REGION = "us-east-1";
const APPLIED_AT = Date.UTC(2024, 0, 2);
const clock = { now: () => new Date(APPLIED_AT) };
const LAST = MIGRATIONS.at(-1)?.version ?? 0;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-migrations-"));
  file = join(dir, "paramstore.db");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function appliedVersions(db: Database.Database): { version: number; applied_at: number | null }[] {
  return db.prepare<[], { version: number; applied_at: number | null }>("SELECT * FROM schema_migrations ORDER BY version").all();
}

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
}

describe("schema migrations", () => {
  it("creates every table of a fresh file and records each step with the clock's time", async () => {
    const storage = await openSqliteStorage({ file, clock });
    await storage.close();
    const db = new Database(file, { readonly: true });
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: APPLIED_AT })));
    expect(tables(db)).toEqual([
      "iam_access_keys",
      "iam_attachments",
      "iam_generation",
      "iam_group_members",
      "iam_groups",
      "iam_inline_policies",
      "iam_policies",
      "iam_policy_versions",
      "iam_roles",
      "iam_sessions",
      "iam_tags",
      "iam_users",
      "kms_aliases",
      "kms_key_materials",
      "kms_key_policies",
      "kms_key_tags",
      "kms_keys",
      "labels",
      "parameter_counts",
      "parameters",
      "resource_policies",
      "resource_policy_generation",
      "root_key_state",
      "schema_migrations",
      "service_settings",
      "tags",
      "versions",
    ]);
    db.close();
  });

  it("migrates a file written at schema version 1 and keeps its data", async () => {
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.slice(0, 1), 1);
    // Rows exactly as the version-1 adapter wrote them.
    old.prepare("INSERT INTO parameters VALUES ('us-east-1', '/app/url', '/app/url', '/app/', 2, 'Standard')").run();
    const insertVersion = old.prepare(
      "INSERT INTO versions VALUES ('us-east-1', '/app/url', ?, '/app/url', 'String', ?, NULL, NULL, NULL, 'Standard', 'text', '[]', ?, 'alice')",
    );
    insertVersion.run(1, Buffer.from("http://one"), 1000);
    insertVersion.run(2, Buffer.from("http://two"), 2000);
    old.prepare("INSERT INTO labels VALUES ('us-east-1', '/app/url', 'prod', 1, 1)").run();
    old.prepare("INSERT INTO tags VALUES ('us-east-1', '/app/url', 'team', 'core', 1)").run();
    old.close();

    const storage = await openSqliteStorage({ file, clock });
    await storage.read(async (tx) => {
      expect(Buffer.from((await tx.latest(REGION, "/app/url"))?.value ?? []).toString()).toBe("http://two");
      expect((await tx.versionByLabel(REGION, "/app/url", "prod"))?.version).toBe(1);
      expect(await tx.tags(REGION, "/app/url")).toEqual([{ key: "team", value: "core" }]);
      const listed = await tx.scan(REGION, { under: { path: "/app/", recursive: false }, limit: 10 });
      expect(listed.map((r) => r.version)).toEqual([2]);
      // Migration 8 counted the parameters that were already there.
      expect(await tx.countByTier(REGION, "Standard")).toBe(1);
      expect(await tx.countByTier(REGION, "Advanced")).toBe(0);
    });
    // The tables of later steps exist and work.
    await storage.write(async (tx) => {
      await tx.putServiceSetting({ region: REGION, settingId: "s", value: "v", lastModifiedDate: 1, lastModifiedUser: "u" });
      expect(await tx.insertAlias(REGION, "alias/a", "k")).toBe(true);
    });
    await storage.close();

    const db = new Database(file, { readonly: true });
    expect(appliedVersions(db)).toEqual([
      { version: 1, applied_at: 1 },
      ...MIGRATIONS.slice(1).map((m) => ({ version: m.version, applied_at: APPLIED_AT })),
    ]);
    db.close();
  });

  it("turns on yearly rotation for AWS managed keys written before step 6, and only for them", async () => {
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.slice(0, 5), 1);
    const insertKey = old.prepare(
      "INSERT INTO kms_keys VALUES ('us-east-1', ?, 'arn', ?, '', 'Enabled', 1000, NULL)",
    );
    insertKey.run("aws-key", "AWS");
    insertKey.run("customer-key", "CUSTOMER");
    old.prepare("INSERT INTO kms_key_materials VALUES ('us-east-1', 'aws-key', 0, x'01')").run();
    old.close();

    const storage = await openSqliteStorage({ file, clock });
    const [aws, customer] = await storage.read(async (tx) => [await tx.kmsKey(REGION, "aws-key"), await tx.kmsKey(REGION, "customer-key")]);
    expect(aws?.rotation).toEqual({ periodInDays: 365, nextRotationDate: 1000 + 365 * 86_400_000 });
    expect(customer?.rotation).toBeUndefined();
    expect(await storage.read((tx) => tx.kmsKeyRotations(REGION, "aws-key", 0, 10))).toEqual([]);
    await storage.close();
  });

  it("applies nothing when the file is up to date", async () => {
    await (await openSqliteStorage({ file, clock })).close();
    await (await openSqliteStorage({ file, clock: { now: () => new Date(0) } })).close();
    const db = new Database(file, { readonly: true });
    expect(appliedVersions(db).map((row) => row.applied_at)).toEqual(MIGRATIONS.map(() => APPLIED_AT));
    db.close();
  });

  it("refuses a file written by a newer schema and leaves it untouched", async () => {
    const newer = new Database(file);
    applyMigrations(newer, [...MIGRATIONS, { version: LAST + 1, sql: "CREATE TABLE future (x)" }], 7);
    newer.close();
    const opening = openSqliteStorage({ file, clock });
    await expect(opening).rejects.toBeInstanceOf(SchemaTooNew);
    await expect(opening).rejects.toThrow(
      `database schema version ${LAST + 1} is newer than this paramstore understands (${LAST})`,
    );
    const db = new Database(file, { readonly: true });
    expect(appliedVersions(db).at(-1)).toEqual({ version: LAST + 1, applied_at: 7 });
    db.close();
  });

  it("rolls back every step of an open when one step fails", () => {
    const db = new Database(file);
    applyMigrations(db, MIGRATIONS.slice(0, 1), 1);
    const broken: Migration[] = [...MIGRATIONS, { version: LAST + 1, sql: "CREATE TABLE half (x); SELECT * FROM nowhere" }];
    expect(() => applyMigrations(db, broken, 2)).toThrow(/no such table: nowhere/);
    expect(appliedVersions(db)).toEqual([{ version: 1, applied_at: 1 }]);
    expect(tables(db)).toEqual(["labels", "parameters", "schema_migrations", "tags", "versions"]);
    db.close();
  });

  it("rejects a list of steps that is not numbered in ascending order", () => {
    const db = new Database(":memory:");
    expect(() => applyMigrations(db, [...MIGRATIONS.slice(0, 2), { version: 2, sql: "" }], null)).toThrow(
      "migration 2 follows 2: steps must be numbered in ascending order",
    );
    expect(() => applyMigrations(db, [{ version: 0, sql: "" }], null)).toThrow("migration 0 follows 0");
    db.close();
  });

  it("applies a step numbered below one the file has, when it lands later (steps of parallel branches)", () => {
    const db = new Database(file);
    const early: Migration[] = [
      { version: 1, sql: "CREATE TABLE one (x)" },
      { version: 3, sql: "CREATE TABLE three (x)" },
    ];
    expect(applyMigrations(db, early, 1)).toEqual([1, 3]);
    const late: Migration[] = [early[0]!, { version: 2, sql: "CREATE TABLE two (x)" }, early[1]!];
    expect(applyMigrations(db, late, 2)).toEqual([2]);
    expect(appliedVersions(db)).toEqual([
      { version: 1, applied_at: 1 },
      { version: 2, applied_at: 2 },
      { version: 3, applied_at: 1 },
    ]);
    expect(tables(db)).toEqual(["one", "schema_migrations", "three", "two"]);
    db.close();
  });

  it("refuses a file that recorded a step this code does not know, even below its last step", () => {
    const db = new Database(file);
    applyMigrations(db, [{ version: 1, sql: "" }, { version: 2, sql: "CREATE TABLE two (x)" }], 1);
    const without2: Migration[] = [{ version: 1, sql: "" }, { version: 3, sql: "CREATE TABLE three (x)" }];
    expect(() => applyMigrations(db, without2, 2)).toThrow(
      "database schema step 2 is unknown to this paramstore (it knows steps up to 3)",
    );
    expect(tables(db)).toEqual(["schema_migrations", "two"]);
    db.close();
  });
});
