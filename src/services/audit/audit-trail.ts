import type { Clock } from "../../platform/clock.js";
import type { Random } from "../../platform/random.js";
import type { AuditEvent, AuditLog } from "../../storage/audit-port.js";
import { buildAuditEvent, type AuditFacts } from "./audit-event.js";
import { Redactor } from "./redaction.js";

/** Records deleted per transaction while pruning: small, so request writes never wait long behind it. */
export const PRUNE_BATCH = 500;

const DAY_MS = 86_400_000;

/**
 * The audit trail the request path writes to.
 *
 * Fail-closed (the default): the pipeline sends its answer only after `record` has resolved, and
 * answers InternalServerError when it rejects — no request, least of all a read of a secret, is
 * served without its durable record. (A write the operation already committed stays committed; the
 * client sees a 500 and its retry is recorded.) The record rides the store's group commit, so
 * concurrent requests share one fsync — but a read now waits for one: a lone sequential client is
 * bounded by the disk's fsync rate (≈180 requests/s on the 2-core VM), 32 concurrent ones by
 * ≈3,700 records/s.
 *
 * `failClosed: false` trades that for latency: `record` resolves at once, the append still goes
 * through the group commit, and a failed append is reported to `onError` (the answer has already
 * gone); a crash can lose the records of the last batch. Throughput barely changes (a bench run gave
 * 942 vs 874 GetParameter/s): the commits' fsyncs still block the event loop, which only a writer
 * worker thread would lift.
 */
export interface AuditTrail {
  /** The record of one request, its secrets replaced by keyed HMACs. `eventId` defaults to a fresh UUID. */
  event(facts: Omit<AuditFacts, "eventId" | "time"> & { readonly eventId?: string; readonly time?: Date }): AuditEvent;
  /** Resolves once the record is durable; rejects when it cannot be written. */
  record(event: AuditEvent): Promise<void>;
  /**
   * Deletes the records older than the retention, PRUNE_BATCH per transaction; returns how many went
   * (0 when records are kept forever).
   */
  pruneExpired(): Promise<number>;
}

export interface AuditTrailOptions {
  readonly log: AuditLog;
  /** `deriveKey(rootKey, "audit-hmac")`. */
  readonly key: Buffer;
  readonly clock: Clock;
  readonly random: Random;
  /** PARAMSTORE_AUDIT_RETENTION_DAYS; undefined keeps every record. */
  readonly retentionDays?: number | undefined;
  readonly pruneBatch?: number;
  /** Default true: `record` resolves only once the record is durable, and rejects if it cannot be written. */
  readonly failClosed?: boolean;
  /** With `failClosed: false`: told about each record that could not be written (log it). */
  readonly onError?: (error: unknown, event: AuditEvent) => void;
}

export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const redactor = new Redactor(options.key);
  const batch = options.pruneBatch ?? PRUNE_BATCH;
  return {
    event: (facts) =>
      buildAuditEvent(
        { ...facts, eventId: facts.eventId ?? options.random.uuid(), time: facts.time ?? options.clock.now() },
        redactor,
      ),
    record(event) {
      const appended = options.log.append(event);
      if (options.failClosed ?? true) return appended;
      appended.catch((error: unknown) => options.onError?.(error, event));
      return Promise.resolve();
    },
    async pruneExpired() {
      if (options.retentionDays === undefined) return 0;
      const before = options.clock.now().getTime() - options.retentionDays * DAY_MS;
      let total = 0;
      for (;;) {
        const n = await options.log.pruneBefore(before, batch);
        total += n;
        if (n < batch) return total;
      }
    },
  };
}
