import type { Database, Statement } from "better-sqlite3";
import type { ReadTx } from "../ports.js";
import { SqliteReadTx, type TxScope } from "./sqlite-read-tx.js";
import { prepareReadStatements, type ReadStatements } from "./statements.js";

interface Reader {
  readonly db: Database;
  readonly reads: ReadStatements;
  readonly begin: Statement<[]>;
  readonly end: Statement<[]>;
}

/**
 * Read-only connections, each running one `read()` at a time inside BEGIN … ROLLBACK so that all of
 * a read's queries see one snapshot. More than one connection so that a read nested in another
 * read's work, or one that awaits something slow, does not stall every other reader.
 */
export class ReaderPool {
  private readonly idle: Reader[] = [];
  private readonly waiting: ((reader: Reader) => void)[] = [];
  private opened = 0;
  private closed = false;
  private onAllIdle: (() => void) | null = null;

  constructor(
    private readonly openConnection: () => Database,
    private readonly max: number,
  ) {}

  /** Opens the first connection now, so that a bad file fails at open rather than at the first read. */
  warm(): void {
    this.idle.push(this.create());
  }

  async run<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error("storage is closed");
    const reader = await this.acquire();
    const scope: TxScope = { active: true };
    try {
      reader.begin.run();
      return await work(new SqliteReadTx(reader.reads, scope));
    } finally {
      scope.active = false;
      if (reader.db.inTransaction) reader.end.run();
      this.release(reader);
    }
  }

  /** Refuses new reads, waits for the running ones, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idle.length < this.opened) {
      await new Promise<void>((resolve) => (this.onAllIdle = resolve));
    }
    for (const reader of this.idle.splice(0)) reader.db.close();
  }

  private acquire(): Promise<Reader> | Reader {
    const reader = this.idle.pop();
    if (reader !== undefined) return reader;
    if (this.opened < this.max) return this.create();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(reader: Reader): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next(reader);
      return;
    }
    this.idle.push(reader);
    if (this.onAllIdle !== null && this.idle.length === this.opened) this.onAllIdle();
  }

  private create(): Reader {
    const db = this.openConnection();
    this.opened++;
    return { db, reads: prepareReadStatements(db), begin: db.prepare("BEGIN"), end: db.prepare("ROLLBACK") };
  }
}
