import type { Database, Statement } from "better-sqlite3";
import { existsSync } from "node:fs";
import type { AuditEvent, AuditLog, AuditPage, AuditQuery, AuditReader, StoredAuditEvent } from "../audit-port.js";
import { auditStatement, parameterPathOf, type AuditQueryParams } from "./audit-query.js";
import { openReaderConnection } from "./connections.js";
import type { Durability, GroupCommit } from "./group-commit.js";

interface PendingRecord {
  readonly event: AuditEvent;
  readonly body: string;
}

/** Records that share one group-commit job: one savepoint for all, settled together. */
interface AuditBatch {
  readonly records: PendingRecord[];
  readonly written: Promise<void>;
}

interface PageRow {
  readonly seq: number;
  readonly body: string;
}

/** Runs audit queries on one connection, each distinct statement prepared once. */
class AuditQueries {
  private readonly statements = new Map<string, Statement<[AuditQueryParams], PageRow>>();

  constructor(private readonly db: Database) {}

  page(query: AuditQuery): AuditPage {
    if (!Number.isInteger(query.limit) || query.limit < 1) return { events: [], next: undefined };
    const { shape, sql, params } = auditStatement(query);
    let statement = this.statements.get(shape);
    if (statement === undefined) {
      statement = this.db.prepare<[AuditQueryParams], PageRow>(sql);
      this.statements.set(shape, statement);
    }
    // Fetch one more than asked: whether it exists says whether there is a next page.
    const rows = statement.all({ ...params, limit: query.limit + 1 });
    const events = rows.slice(0, query.limit).map((row): StoredAuditEvent => ({ ...(JSON.parse(row.body) as AuditEvent), seq: row.seq }));
    const last = events.at(-1);
    return { events, next: rows.length > query.limit && last !== undefined ? { time: last.time, seq: last.seq } : undefined };
  }
}

/**
 * The audit trail in audit.db. Appends and prunes are jobs of audit.db's own group-commit writer, so
 * the records of concurrent requests share a transaction and an fsync. The records appended while a
 * job waits for its turn join that job (one savepoint instead of one per record: ~15 µs less per
 * request); a record that cannot be inserted fails every record of its job, and each of those
 * requests is answered as a failure (fail-closed). Queries run on a read-only connection of their
 * own (opened on first use), never inside the writer's transaction.
 */
export class SqliteAuditLog implements AuditLog {
  private readonly sql;
  private queries: { db: Database; queries: AuditQueries } | null = null;
  /** The batch of each durability still open for records (its job has not started yet). */
  private readonly pending: Record<Durability, AuditBatch | null> = { full: null, process: null };
  private closing = false;

  constructor(
    writer: Database,
    private readonly commits: GroupCommit<unknown>,
    private readonly file: string,
  ) {
    this.sql = {
      insertEvent: writer.prepare<[number, string | null, string, string, string]>(
        "INSERT INTO audit_events (time, principal_arn, action, decision, body) VALUES (?, ?, ?, ?, ?)",
      ),
      insertResource: writer.prepare<[number | bigint, number, string, string | null]>(
        "INSERT INTO audit_resources (seq, position, arn, path) VALUES (?, ?, ?, ?)",
      ),
      oldest: writer
        .prepare<[number, number], number>("SELECT seq FROM audit_events WHERE time < ? ORDER BY time, seq LIMIT ?")
        .pluck(),
      deleteResources: writer.prepare<[number]>("DELETE FROM audit_resources WHERE seq = ?"),
      deleteEvent: writer.prepare<[number]>("DELETE FROM audit_events WHERE seq = ?"),
    };
  }

  async append(event: AuditEvent): Promise<void> {
    if (this.closing) throw new Error("storage is closed");
    // A request that changed nothing needs its record to survive a crash of the process before the
    // answer goes out, not an fsync of its own; a changing request's record is as durable as its change.
    const durability: Durability = event.readOnly ? "process" : "full";
    let batch = this.pending[durability];
    if (batch === null) {
      const records: PendingRecord[] = [];
      const opened: AuditBatch = {
        records,
        written: this.commits.submit(async () => {
          // From here on, records go to the next batch: this one is being written.
          if (this.pending[durability] === opened) this.pending[durability] = null;
          for (const record of records) this.insert(record);
        }, durability),
      };
      this.pending[durability] = opened;
      batch = opened;
    }
    batch.records.push({ event, body: JSON.stringify(event) });
    return batch.written;
  }

  private insert({ event, body }: PendingRecord): void {
    const { lastInsertRowid } = this.sql.insertEvent.run(event.time, event.principal?.arn ?? null, event.action, event.decision, body);
    event.resources.forEach((arn, position) => {
      this.sql.insertResource.run(lastInsertRowid, position, arn, parameterPathOf(arn));
    });
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    if (this.closing) throw new Error("storage is closed");
    this.queries ??= (() => {
      const db = openReaderConnection(this.file);
      return { db, queries: new AuditQueries(db) };
    })();
    return this.queries.queries.page(query);
  }

  async pruneBefore(before: number, limit: number): Promise<number> {
    if (this.closing) throw new Error("storage is closed");
    return this.commits.submit(async () => {
      const doomed = this.sql.oldest.all(before, limit);
      for (const seq of doomed) {
        this.sql.deleteResources.run(seq);
        this.sql.deleteEvent.run(seq);
      }
      return doomed.length;
    });
  }

  /** Refuses new work from now on (the store is shutting down). */
  refuse(): void {
    this.closing = true;
  }

  /** Closes the query connection; the writer belongs to the store. */
  close(): void {
    this.closing = true;
    this.queries?.db.close();
    this.queries = null;
  }
}

/**
 * Reads the trail of a data dir another process may be serving: a read-only connection (WAL lets it
 * run beside the writer), no migration. Throws when the database has no audit trail yet.
 */
export function openSqliteAuditReader(file: string): AuditReader {
  if (!existsSync(file)) throw new NoAuditTrail(file);
  const db = openReaderConnection(file);
  try {
    const table = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'audit_events'").pluck().get();
    if (table === undefined) throw new NoAuditTrail(file);
  } catch (error) {
    db.close();
    throw error;
  }
  const queries = new AuditQueries(db);
  return {
    query: async (query) => queries.page(query),
    close: async () => {
      db.close();
    },
  };
}

/** The database predates the audit trail (no server of this version has opened it yet). */
export class NoAuditTrail extends Error {
  constructor(readonly file: string) {
    super(`${file} has no audit trail yet: start a paramstore server of this version on it once`);
    this.name = "NoAuditTrail";
  }
}
