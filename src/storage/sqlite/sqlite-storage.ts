import type { Database } from "better-sqlite3";
import { dirname, join } from "node:path";
import { AUDIT_MIGRATIONS } from "./audit-schema.js";
import type { AuditLog } from "../audit-port.js";
import type { ReadTx, Storage, WriteTx } from "../ports.js";
import { openReaderConnection, openWriterConnection } from "./connections.js";
import { Checkpointer, type CheckpointResult } from "./checkpointer.js";
import { GroupCommit } from "./group-commit.js";
import { applyMigrations, MIGRATIONS } from "./migrations.js";
import { ReaderPool } from "./reader-pool.js";
import { SqliteAuditLog } from "./sqlite-audit-log.js";
import { SqliteWriteTx } from "./sqlite-write-tx.js";
import { prepareReadStatements, prepareWriteStatements } from "./statements.js";

/** Enough for nested or slow reads; every extra connection costs a file handle and a page cache. */
const MAX_READERS = 4;

export interface SqliteStorageOptions {
  /** The database file, e.g. `<data-dir>/paramstore.db`; created if missing (and `audit.db` beside it). */
  readonly file: string;
  /** Stamps `schema_migrations.applied_at`; without one the column stays null. */
  readonly clock?: { now(): Date };
  /**
   * Checkpoint the WAL on a worker thread instead of inside the COMMIT that fills it (the server's
   * setting; a short-lived tool leaves it off). Without it SQLite checkpoints every 1,000 pages.
   */
  readonly backgroundCheckpoint?: {
    readonly intervalMs: number;
    readonly onCheckpoint?: (result: CheckpointResult) => void;
    readonly onError?: (message: string) => void;
  };
}

/**
 * With a background checkpointer, the writer still checkpoints by itself past this many WAL pages
 * (~80 MB): only when the worker died or cannot keep up.
 */
export const SAFETY_NET_CHECKPOINT_PAGES = 20_000;

/** The SQLite store, with its audit trail (audit.db beside it, with a writer of its own). */
export interface SqliteStores extends Storage {
  readonly audit: AuditLog;
}

/** The audit trail's database beside the main one: `<dir>/audit.db`. */
export function auditFileOf(file: string): string {
  return join(dirname(file), "audit.db");
}

/** Opens (creating and migrating as needed) the SQLite store and its audit trail. */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<SqliteStores> {
  const appliedAt = options.clock?.now().getTime() ?? null;
  const auditFile = auditFileOf(options.file);
  const opened: Database[] = [];
  try {
    const auditWriter = openWriterConnection(auditFile);
    opened.push(auditWriter);
    applyMigrations(auditWriter, AUDIT_MIGRATIONS, appliedAt);
    const writer = openWriterConnection(options.file);
    opened.push(writer);
    moveLegacyAuditTrail(writer, auditFile);
    applyMigrations(writer, MIGRATIONS, appliedAt);
    const reads = prepareReadStatements(writer);
    const writes = prepareWriteStatements(writer);
    const commits = new GroupCommit<WriteTx>(writer, (scope) => new SqliteWriteTx(reads, writes, scope));
    const auditCommits = new GroupCommit<unknown>(auditWriter, () => undefined);
    const readers = new ReaderPool(() => openReaderConnection(options.file), MAX_READERS);
    readers.warm();
    const background = options.backgroundCheckpoint;
    const checkpointers: Checkpointer[] = [];
    if (background !== undefined) {
      for (const [db, file] of [[writer, options.file], [auditWriter, auditFile]] as const) {
        db.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
        checkpointers.push(new Checkpointer({ file, ...background }));
      }
    }
    const audit = new SqliteAuditLog(auditWriter, auditCommits, auditFile);
    return new SqliteStorage({ writer, commits, readers, audit, auditWriter, auditCommits, checkpointers });
  } catch (error) {
    for (const db of opened.reverse()) db.close();
    throw error;
  }
}

/**
 * A main file from before audit.db (schema steps 10–11) still holds the trail: its records are copied
 * into audit.db (same seq; a copy interrupted by a crash is simply redone) before step 12 drops them.
 */
function moveLegacyAuditTrail(writer: Database, auditFile: string): void {
  const legacy = writer
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'audit_events'")
    .pluck()
    .get();
  if (legacy === undefined) return;
  writer.prepare("ATTACH DATABASE ? AS trail").run(auditFile);
  try {
    writer.transaction(() => {
      writer.exec("INSERT OR IGNORE INTO trail.audit_events SELECT * FROM main.audit_events");
      writer.exec("INSERT OR IGNORE INTO trail.audit_resources SELECT * FROM main.audit_resources");
    })();
  } finally {
    writer.exec("DETACH DATABASE trail");
  }
}

interface Parts {
  readonly writer: Database;
  readonly commits: GroupCommit;
  readonly readers: ReaderPool;
  readonly audit: SqliteAuditLog;
  readonly auditWriter: Database;
  readonly auditCommits: GroupCommit<unknown>;
  readonly checkpointers: readonly Checkpointer[];
}

class SqliteStorage implements SqliteStores {
  private closing: Promise<void> | null = null;

  readonly audit: SqliteAuditLog;

  constructor(private readonly parts: Parts) {
    this.audit = parts.audit;
  }

  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.parts.readers.run(work);
  }

  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (this.closing !== null) throw new Error("storage is closed");
    return this.parts.commits.submit(work);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const { audit, commits, auditCommits, checkpointers, readers, writer, auditWriter } = this.parts;
    audit.refuse();
    // Queued writes still run (and may read) before anything closes.
    await commits.idle();
    await auditCommits.idle();
    await Promise.all(checkpointers.map((c) => c.stop()));
    await readers.close();
    audit.close();
    writer.close();
    auditWriter.close();
  }
}
