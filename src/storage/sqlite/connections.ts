import Database from "better-sqlite3";

/** How long a connection waits for a lock another process holds before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Page cache per connection, in KiB (it grows only as pages are read). SQLite's 2 MB default no longer
 * held the interior pages of a 100k-parameter store and its audit indexes: every write re-read them.
 */
const WRITER_CACHE_KIB = 32 * 1024;
const READER_CACHE_KIB = 16 * 1024;

/**
 * The one read-write connection. WAL lets readers run beside it; synchronous=FULL fsyncs the WAL at
 * every COMMIT, so an acknowledged write survives kill -9 and power loss (NORMAL would not survive
 * the latter). Group commit is what makes that fsync affordable.
 */
export function openWriterConnection(file: string): Database.Database {
  const db = new Database(file);
  try {
    const mode = db.pragma("journal_mode = WAL", { simple: true });
    if (mode !== "wal") throw new Error(`cannot use WAL journal mode for ${file} (got ${String(mode)})`);
    db.pragma("synchronous = FULL");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // After a large batch the WAL is truncated back to this size at checkpoint instead of staying big.
    db.pragma("journal_size_limit = 67108864");
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A connection that cannot write: reads see only committed data, whatever the writer is doing. */
export function openReaderConnection(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}
