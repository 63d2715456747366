import type { Database } from "better-sqlite3";
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
  /** The database file, e.g. `<data-dir>/paramstore.db`; created if missing. */
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

/** The SQLite store, with the audit trail that appends through the same group-commit writer. */
export interface SqliteStores extends Storage {
  readonly audit: AuditLog;
}

/** Opens (creating and migrating as needed) the SQLite store. */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<SqliteStores> {
  const writer = openWriterConnection(options.file);
  try {
    applyMigrations(writer, MIGRATIONS, options.clock?.now().getTime() ?? null);
    const reads = prepareReadStatements(writer);
    const writes = prepareWriteStatements(writer);
    const commits = new GroupCommit(writer, (scope) => new SqliteWriteTx(reads, writes, scope));
    const readers = new ReaderPool(() => openReaderConnection(options.file), MAX_READERS);
    readers.warm();
    const background = options.backgroundCheckpoint;
    let checkpointer: Checkpointer | undefined;
    if (background !== undefined) {
      writer.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
      checkpointer = new Checkpointer({ file: options.file, ...background });
    }
    return new SqliteStorage(writer, commits, readers, new SqliteAuditLog(writer, commits, options.file), checkpointer);
  } catch (error) {
    writer.close();
    throw error;
  }
}

class SqliteStorage implements SqliteStores {
  private closing: Promise<void> | null = null;

  constructor(
    private readonly writer: Database,
    private readonly commits: GroupCommit,
    private readonly readers: ReaderPool,
    readonly audit: SqliteAuditLog,
    private readonly checkpointer: Checkpointer | undefined,
  ) {}

  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.readers.run(work);
  }

  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (this.closing !== null) throw new Error("storage is closed");
    return this.commits.submit(work);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.audit.refuse();
    // Queued writes still run (and may read) before anything closes.
    await this.commits.idle();
    await this.checkpointer?.stop();
    await this.readers.close();
    this.audit.close();
    this.writer.close();
  }
}
