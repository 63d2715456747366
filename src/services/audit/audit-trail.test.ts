import { describe, expect, it } from "vitest";
import type { AuditEvent, AuditLog, AuditPage } from "../../storage/audit-port.js";
import { auditEventFixture } from "../../storage/conformance/audit.case.js";
import { createAuditTrail } from "./audit-trail.js";

const DAY = 86_400_000;

/** An in-memory trail that notes every prune call. */
function memoryLog(events: AuditEvent[]): AuditLog & { prunes: { before: number; limit: number }[] } {
  const prunes: { before: number; limit: number }[] = [];
  return {
    prunes,
    append: async (e) => {
      events.push(e);
    },
    query: async (): Promise<AuditPage> => ({ events: [], next: undefined }),
    pruneBefore: async (before, limit) => {
      prunes.push({ before, limit });
      const doomed = events.filter((e) => e.time < before).slice(0, limit);
      for (const e of doomed) events.splice(events.indexOf(e), 1);
      return doomed.length;
    },
  };
}

const NOW = Date.UTC(2025, 5, 1);
const clock = { now: () => new Date(NOW) };
const random = { uuid: () => "fixed-uuid", bytes: (n: number) => Buffer.alloc(n) };

describe("the audit trail", () => {
  it("prunes records older than the retention in batches until a batch comes back short", async () => {
    const events = Array.from({ length: 7 }, (_, n) => auditEventFixture(n, { time: NOW - 40 * DAY + n }));
    events.push(auditEventFixture(99, { time: NOW - 29 * DAY }));
    const log = memoryLog(events);
    const trail = createAuditTrail({ log, key: Buffer.alloc(32), clock, random, retentionDays: 30, pruneBatch: 3 });
    expect(await trail.pruneExpired()).toBe(7);
    expect(log.prunes).toEqual([3, 3, 3].map((limit) => ({ before: NOW - 30 * DAY, limit })));
    expect(events.map((e) => e.requestId)).toEqual(["req-99"]);
  });

  it("keeps everything when no retention is set", async () => {
    const events = [auditEventFixture(1, { time: 0 })];
    const log = memoryLog(events);
    const trail = createAuditTrail({ log, key: Buffer.alloc(32), clock, random });
    expect(await trail.pruneExpired()).toBe(0);
    expect(log.prunes).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it("builds records with a fresh event id and the clock's time, and appends them", async () => {
    const events: AuditEvent[] = [];
    const trail = createAuditTrail({ log: memoryLog(events), key: Buffer.alloc(32), clock, random });
    const event = trail.event({ requestId: "r", service: "ssm", operation: "GetParameter", sourceIp: "::1", status: 200 });
    expect(event).toMatchObject({ eventId: "fixed-uuid", time: NOW, requestId: "r", action: "ssm:GetParameter" });
    await trail.record(event);
    expect(events).toEqual([event]);
  });
});

describe("fail-closed or not", () => {
  const failing: AuditLog = {
    append: async () => {
      throw new Error("disk I/O error");
    },
    query: async () => ({ events: [], next: undefined }),
    pruneBefore: async () => 0,
  };

  it("rejects record when the append fails, by default", async () => {
    const trail = createAuditTrail({ log: failing, key: Buffer.alloc(32), clock, random });
    await expect(trail.record(auditEventFixture(1))).rejects.toThrow("disk I/O error");
  });

  it("with failClosed false, resolves at once and reports the failure", async () => {
    const errors: unknown[] = [];
    let reported!: () => void;
    const done = new Promise<void>((resolve) => (reported = resolve));
    const trail = createAuditTrail({
      log: failing,
      key: Buffer.alloc(32),
      clock,
      random,
      failClosed: false,
      onError: (error) => {
        errors.push(error);
        reported();
      },
    });
    await expect(trail.record(auditEventFixture(1))).resolves.toBeUndefined();
    await done;
    expect(errors).toEqual([new Error("disk I/O error")]);
  });
});
