import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ssmOperations } from "../../src/model/generated/ssm.js";
import { buildAuditEvent } from "../../src/services/audit/audit-event.js";
import { Redactor } from "../../src/services/audit/redaction.js";
import type { AuditEvent } from "../../src/storage/audit-port.js";
import { auditEventFixture } from "../../src/storage/conformance/audit.case.js";
import { applyMigrations, MIGRATIONS } from "../../src/storage/sqlite/migrations.js";
import { openSqliteStorage, type SqliteStores } from "../../src/storage/sqlite/sqlite-storage.js";
import { BIN, removeDir } from "../support/server-process.js";

// `paramstore audit` (issue 5 §5) against a data dir whose store stays open, as a running server's
// would: the CLI reads the trail on its own read-only connection, with the records still in the WAL.
const ACCOUNT = "111122223333";
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/my-app-lambda/s1`;
const CANARY = `canary-${randomBytes(12).toString("hex")}`;
const param = (name: string): string => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter${name}`;
const T = (n: number): number => auditEventFixture(n).time;
const iso = (ms: number): string => new Date(ms).toISOString();

const role = { arn: ROLE, accountId: ACCOUNT, kind: "assumed-role" as const, userId: "AROAROLE000000000001:s1", roleArn: `arn:aws:iam::${ACCOUNT}:role/my-app-lambda` };
const EVENTS: AuditEvent[] = [
  auditEventFixture(1),
  auditEventFixture(2, { principal: role, accessKeyId: "ASIAROLE000000000001", action: "ssm:GetParametersByPath", operation: "GetParametersByPath", resources: [param("/my-app/dev")], decision: "deny", decisionReason: "implicit deny", decidingStatement: null, status: 400, errorCode: "AccessDeniedException", errorMessage: "not authorized" }),
  auditEventFixture(3, { principal: role, accessKeyId: "ASIAROLE000000000001", action: "kms:Decrypt", service: "kms", operation: "Decrypt", resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`] }),
  auditEventFixture(4, { resources: [param("/other-app/db")] }),
  auditEventFixture(5, { principal: null, accessKeyId: "AKIAUNKNOWN000000000", decision: "deny", decisionReason: "authentication failed", resources: [], status: 400, errorCode: "UnrecognizedClientException" }),
];

let dir: string;
let storage: SqliteStores;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "paramstore-audit-cli-"));
  storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  for (const event of EVENTS) await storage.audit.append(event);
  // A PutParameter whose value is the canary, recorded as the pipeline would.
  await storage.audit.append(
    buildAuditEvent(
      {
        eventId: "ev-put",
        requestId: "req-put",
        time: new Date(T(6)),
        service: "ssm",
        operation: "PutParameter",
        region: "us-east-1",
        principal: { arn: ALICE, accountId: ACCOUNT, kind: "user", userId: "AIDAALICE", accessKeyId: "AKIAALICE", userName: "alice" },
        sourceIp: "10.0.0.9",
        input: { Name: "/my-app/db", Value: CANARY, Type: "SecureString" },
        shape: ssmOperations.PutParameter.input,
        output: { Version: 1, Tier: "Standard" },
        status: 200,
      },
      new Redactor(Buffer.alloc(32, 1)),
    ),
  );
});

afterAll(async () => {
  await storage.close();
  removeDir(dir);
});

async function audit(args: string[], dataDir = dir): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, "audit", "--data-dir", dataDir, ...args], {
    env: { PATH: process.env["PATH"] ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { status, stdout, stderr };
}

async function json(args: string[]): Promise<{ requestId: string; seq: number }[]> {
  const run = await audit([...args, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { requestId: string; seq: number }[];
}

const ids = (records: { requestId: string }[]): string[] => records.map((r) => r.requestId);

describe("paramstore audit", () => {
  it("prints the trail newest first as a table, while the store is open", async () => {
    const run = await audit([]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^TIME +DECISION +RESULT +ACTION +PRINCIPAL +SOURCE IP +RESOURCES$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(new RegExp(`^${iso(T(6))} +allow +200 +ssm:PutParameter +${ALICE} +10\\.0\\.0\\.9 +${param("/my-app/db")}$`));
    expect(lines[2]).toMatch(/^\S+ +deny +400 UnrecognizedClientException +ssm:GetParameter +\(unauthenticated AKIAUNKNOWN000000000\) +127\.0\.0\.1 +-$/);
    expect(lines.at(-1)).toContain(iso(T(1)));
  });

  it("keeps a row on one line when a name carries control characters", async () => {
    const more = mkdtempSync(join(tmpdir(), "paramstore-audit-cli-"));
    try {
      const odd = await openSqliteStorage({ file: join(more, "paramstore.db") });
      await odd.audit.append(auditEventFixture(1, { resources: [param("/a\nb\u001b[31m")] }));
      await odd.close();
      const run = await audit([], more);
      expect(run.stdout.trimEnd().split("\n")).toHaveLength(2);
      expect(run.stdout).toContain(`${param("/a?b?[31m")}\n`);
    } finally {
      removeDir(more);
    }
  });

  it("filters by principal, action, path prefix, decision and time range, combined", async () => {
    expect(ids(await json(["--principal", ROLE]))).toEqual(["req-3", "req-2"]);
    expect(ids(await json(["--action", "ssm:GetParameter"]))).toEqual(["req-5", "req-4", "req-1"]);
    expect(ids(await json(["--action", "ssm:GetParameter*"]))).toEqual(["req-5", "req-4", "req-2", "req-1"]);
    expect(ids(await json(["--path-prefix", "/my-app"]))).toEqual(["req-put", "req-2", "req-1"]);
    expect(ids(await json(["--decision", "deny"]))).toEqual(["req-5", "req-2"]);
    expect(ids(await json(["--since", iso(T(2)), "--until", iso(T(4))]))).toEqual(["req-3", "req-2"]);
    expect(ids(await json(["--principal", ROLE, "--decision", "allow"]))).toEqual(["req-3"]);
    expect(ids(await json(["--path-prefix", "/my-app/", "--decision", "deny", "--oldest-first"]))).toEqual(["req-2"]);
    expect(ids(await json(["--principal", "arn:aws:iam::111122223333:user/nobody"]))).toEqual([]);
  });

  it("limits, pages and orders", async () => {
    expect(ids(await json(["--limit", "2"]))).toEqual(["req-put", "req-5"]);
    expect(ids(await json(["--limit", "2", "--oldest-first"]))).toEqual(["req-1", "req-2"]);
  });

  it("exports CloudTrail records, with the decision in additionalEventData and no secret", async () => {
    const run = await audit(["--format", "cloudtrail", "--oldest-first"]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(CANARY);
    const { Records } = JSON.parse(run.stdout) as { Records: Record<string, unknown>[] };
    expect(Records.map((r) => r["requestID"])).toEqual(["req-1", "req-2", "req-3", "req-4", "req-5", "req-put"]);
    expect(Records[1]).toMatchObject({
      eventVersion: "1.09",
      userIdentity: { type: "AssumedRole", arn: ROLE, accessKeyId: "ASIAROLE000000000001", sessionContext: { sessionIssuer: { type: "Role", userName: "my-app-lambda" } } },
      eventTime: new Date(T(2)).toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: "ssm.amazonaws.com",
      eventName: "GetParametersByPath",
      errorCode: "AccessDeniedException",
      errorMessage: "not authorized",
      additionalEventData: { decision: "deny", decisionReason: "implicit deny", decidingStatement: null, httpStatus: 400 },
      eventType: "AwsApiCall",
      recipientAccountId: ACCOUNT,
    });
    const put = Records.at(-1);
    expect(put).toMatchObject({ eventName: "PutParameter", readOnly: false, responseElements: { version: 1, tier: "Standard" } });
    expect((put?.["requestParameters"] as Record<string, string>)["value"]).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    for (const format of ["table", "json"]) expect((await audit(["--format", format])).stdout).not.toContain(CANARY);
  });

  it("prints an empty list as valid JSON", async () => {
    const none = ["--principal", "arn:aws:iam::111122223333:user/nobody"];
    expect(JSON.parse((await audit([...none, "--format", "cloudtrail"])).stdout)).toEqual({ Records: [] });
    expect(JSON.parse((await audit([...none, "--format", "json"])).stdout)).toEqual([]);
  });

  it("follows the keyset across pages of the store", async () => {
    const more = mkdtempSync(join(tmpdir(), "paramstore-audit-cli-"));
    try {
      const big = await openSqliteStorage({ file: join(more, "paramstore.db") });
      await Promise.all(Array.from({ length: 1203 }, (_, n) => big.audit.append(auditEventFixture(n % 600, { requestId: `r${n}` }))));
      await big.close();
      const run = await audit(["--format", "json", "--limit", "1202", "--oldest-first"], more);
      const records = JSON.parse(run.stdout) as { requestId: string; seq: number; time: number }[];
      expect(records).toHaveLength(1202);
      expect(new Set(records.map((r) => r.seq)).size).toBe(1202);
      const sorted = [...records].sort((a, b) => a.time - b.time || a.seq - b.seq);
      expect(records.map((r) => r.seq)).toEqual(sorted.map((r) => r.seq));
    } finally {
      removeDir(more);
    }
  });

  it("refuses bad flags with exit status 2, and says when a data dir has no trail", async () => {
    const usage: [string[], string][] = [
      [["--decision", "maybe"], "--decision must be one of allow, deny, none"],
      [["--format", "xml"], "--format must be one of table, json, cloudtrail"],
      [["--limit", "0"], "--limit must be a positive whole number"],
      [["--since", "yesterday"], "--since must be an ISO 8601 time such as 2025-01-31T12:00:00Z"],
      [["--since", "2025-02-01", "--until", "2025-01-01"], "--since must be before --until"],
      [["--action", "GetParameter"], "--action must look like service:Operation"],
    ];
    for (const [args, message] of usage) {
      const run = await audit(args);
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status: 2, stderr: expect.stringContaining(`paramstore: ${message}`) });
    }
    const empty = mkdtempSync(join(tmpdir(), "paramstore-audit-cli-"));
    try {
      const missing = await audit([], empty);
      expect(missing).toMatchObject({ status: 2, stderr: `paramstore: no paramstore database in ${empty}\n` });
      const old = new Database(join(empty, "paramstore.db"));
      old.pragma("journal_mode = WAL");
      applyMigrations(old, MIGRATIONS.filter((m) => m.version < 10), null);
      old.close();
      const before = await audit([], empty);
      expect(before.status).toBe(1);
      expect(before.stderr).toContain("has no audit trail yet: start a paramstore server of this version on it once");
    } finally {
      removeDir(empty);
    }
  });
});
