import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEvent, AuditLog, AuditQuery, StoredAuditEvent } from "../audit-port.js";

export interface OpenedAuditLog {
  readonly log: AuditLog;
  cleanup(): Promise<void>;
}

const ACCOUNT = "111122223333";
const T0 = Date.UTC(2025, 0, 1);
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const param = (name: string): string => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter${name.startsWith("/") ? "" : "/"}${name}`;

/** A record with every member set; `overrides` picks what a case filters on. */
export function auditEventFixture(n: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    requestId: `req-${n}`,
    time: T0 + n * 1000,
    region: "us-east-1",
    service: "ssm",
    operation: "GetParameter",
    action: "ssm:GetParameter",
    readOnly: true,
    principal: { arn: ALICE, accountId: ACCOUNT, kind: "user", userId: "AIDAEXAMPLEALICE0001", userName: "alice" },
    accessKeyId: "AKIAEXAMPLEALICE0001",
    sourceIp: "127.0.0.1",
    userAgent: "aws-cli/1.0",
    resources: [param("/my-app/db")],
    decision: "allow",
    decisionReason: "allowed by identity policy",
    decidingStatement: { source: `${ALICE} inline policy read`, sid: "Read" },
    status: 200,
    errorCode: null,
    errorMessage: null,
    requestParameters: { name: "/my-app/db", withDecryption: true },
    responseElements: null,
    recipientAccountId: ACCOUNT,
    ...overrides,
  };
}

/** Every page of a query, following `next`. */
async function all(log: AuditLog, query: Omit<AuditQuery, "limit" | "after">, pageSize = 2): Promise<StoredAuditEvent[]> {
  const out: StoredAuditEvent[] = [];
  let after: AuditQuery["after"];
  for (;;) {
    const page = await log.query({ ...query, limit: pageSize, ...(after === undefined ? {} : { after }) });
    out.push(...page.events);
    if (page.next === undefined) return out;
    after = page.next;
  }
}

const ids = (events: readonly StoredAuditEvent[]): string[] => events.map((e) => e.requestId);

/** The behaviour every audit log adapter must show; each case gets a fresh, empty trail. */
export function describeAuditLog(name: string, open: () => Promise<OpenedAuditLog>): void {
  describe(`audit log conformance: ${name}`, () => {
    let current: OpenedAuditLog | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const log = (): AuditLog => {
      if (current === undefined) throw new Error("audit log used outside a test");
      return current.log;
    };

    it("returns a record exactly as appended, with an increasing seq", async () => {
      const first = auditEventFixture(1);
      const second = auditEventFixture(2, {
        principal: null,
        accessKeyId: "AKIAUNKNOWN000000000",
        decision: "deny",
        decisionReason: "authentication failed",
        decidingStatement: null,
        status: 400,
        errorCode: "UnrecognizedClientException",
        errorMessage: "The security token included in the request is invalid.",
        resources: [],
      });
      await log().append(first);
      await log().append(second);
      const page = await log().query({ order: "asc", limit: 10 });
      expect(page.next).toBeUndefined();
      const [a, b] = page.events;
      expect(a).toEqual({ ...first, seq: a?.seq });
      expect(b).toEqual({ ...second, seq: b?.seq });
      expect(b!.seq).toBeGreaterThan(a!.seq);
    });

    it("pages by keyset in (time, seq) order, oldest or newest first, records of one millisecond included", async () => {
      // 2 and 3 share a time; 4 is appended after 5 but happened before it.
      await log().append(auditEventFixture(1));
      await log().append(auditEventFixture(2));
      await log().append(auditEventFixture(3, { time: auditEventFixture(2).time }));
      await log().append(auditEventFixture(5));
      await log().append(auditEventFixture(4));
      expect(ids(await all(log(), { order: "asc" }))).toEqual(["req-1", "req-2", "req-3", "req-4", "req-5"]);
      expect(ids(await all(log(), { order: "desc" }))).toEqual(["req-5", "req-4", "req-3", "req-2", "req-1"]);
      const first = await log().query({ order: "asc", limit: 2 });
      expect(ids(first.events)).toEqual(["req-1", "req-2"]);
      expect(first.next).toEqual({ time: auditEventFixture(2).time, seq: first.events[1]?.seq });
      const last = await log().query({ order: "asc", limit: 5 });
      expect(last.next).toBeUndefined();
    });

    it("filters by principal, action (exact or prefix), decision and time range", async () => {
      await log().append(auditEventFixture(1));
      await log().append(auditEventFixture(2, { principal: { arn: BOB, accountId: ACCOUNT, kind: "user", userId: "AIDABOB" } }));
      await log().append(auditEventFixture(3, { action: "ssm:GetParametersByPath", operation: "GetParametersByPath" }));
      await log().append(auditEventFixture(4, { action: "kms:Decrypt", service: "kms", operation: "Decrypt", decision: "deny" }));
      await log().append(auditEventFixture(5, { decision: "none", action: "ssm:PutParameter", principal: null }));
      expect(ids(await all(log(), { order: "asc", principalArn: BOB }))).toEqual(["req-2"]);
      expect(ids(await all(log(), { order: "asc", principalArn: ALICE }))).toEqual(["req-1", "req-3", "req-4"]);
      expect(ids(await all(log(), { order: "asc", action: "ssm:GetParameter" }))).toEqual(["req-1", "req-2"]);
      expect(ids(await all(log(), { order: "asc", action: "ssm:GetParameter*" }))).toEqual(["req-1", "req-2", "req-3"]);
      expect(ids(await all(log(), { order: "asc", action: "ssm:*" }))).toEqual(["req-1", "req-2", "req-3", "req-5"]);
      expect(ids(await all(log(), { order: "asc", decision: "deny" }))).toEqual(["req-4"]);
      expect(ids(await all(log(), { order: "asc", decision: "none" }))).toEqual(["req-5"]);
      const t = (n: number) => auditEventFixture(n).time;
      expect(ids(await all(log(), { order: "asc", since: t(2), until: t(4) }))).toEqual(["req-2", "req-3"]);
      expect(ids(await all(log(), { order: "desc", since: t(4) }))).toEqual(["req-5", "req-4"]);
      expect(ids(await all(log(), { order: "asc", principalArn: ALICE, decision: "allow", until: t(4) }))).toEqual(["req-1", "req-3"]);
    });

    it("filters by a parameter name prefix over every resource of a record", async () => {
      await log().append(auditEventFixture(1, { resources: [param("/my-app/db")] }));
      await log().append(auditEventFixture(2, { resources: [param("/other-app/db"), param("/my-app/url")] }));
      await log().append(auditEventFixture(3, { resources: [param("/my-app2/x")] }));
      await log().append(auditEventFixture(4, { resources: [param("plain")] }));
      await log().append(auditEventFixture(5, { resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`] }));
      await log().append(auditEventFixture(6, { resources: [param("/my-app/a"), param("/my-app/b")] }));
      expect(ids(await all(log(), { order: "asc", pathPrefix: "/my-app/" }))).toEqual(["req-1", "req-2", "req-6"]);
      expect(ids(await all(log(), { order: "asc", pathPrefix: "/my-app" }))).toEqual(["req-1", "req-2", "req-3", "req-6"]);
      expect(ids(await all(log(), { order: "asc", pathPrefix: "/plain" }))).toEqual(["req-4"]);
      expect(ids(await all(log(), { order: "desc", pathPrefix: "/" }))).toEqual(["req-6", "req-4", "req-3", "req-2", "req-1"]);
      expect(ids(await all(log(), { order: "asc", pathPrefix: "/my-app/", decision: "deny" }))).toEqual([]);
    });

    it("prunes the oldest records before a time, at most `limit` per call", async () => {
      for (let n = 1; n <= 7; n++) await log().append(auditEventFixture(n, { resources: [param(`/p/${n}`)] }));
      const before = auditEventFixture(6).time;
      expect(await log().pruneBefore(before, 2)).toBe(2);
      expect(ids(await all(log(), { order: "asc" }))).toEqual(["req-3", "req-4", "req-5", "req-6", "req-7"]);
      expect(await log().pruneBefore(before, 2)).toBe(2);
      expect(await log().pruneBefore(before, 2)).toBe(1);
      expect(await log().pruneBefore(before, 2)).toBe(0);
      expect(ids(await all(log(), { order: "asc" }))).toEqual(["req-6", "req-7"]);
      // The pruned records' resources went with them.
      expect(ids(await all(log(), { order: "asc", pathPrefix: "/p/" }))).toEqual(["req-6", "req-7"]);
    });

    it("answers an empty page for a limit below 1", async () => {
      await log().append(auditEventFixture(1));
      expect(await log().query({ order: "asc", limit: 0 })).toEqual({ events: [], next: undefined });
    });
  });
}
