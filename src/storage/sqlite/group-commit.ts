import type { Database } from "better-sqlite3";
import type { WriteTx } from "../ports.js";
import type { TxScope } from "./sqlite-read-tx.js";

/**
 * `full`: the job settles after an fsync (power loss cannot undo it). `process`: after a commit that
 * survives the process being killed (the OS has the WAL pages) but is fsynced only with the next
 * `full` commit or checkpoint — for records of requests that changed nothing (audit of reads).
 */
export type Durability = "full" | "process";

interface Job<Tx> {
  readonly work: (tx: Tx) => Promise<unknown>;
  readonly durability: Durability;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Done<Tx> {
  readonly job: Job<Tx>;
  readonly value: unknown;
}

/** Enough to share one fsync widely, small enough that a batch never holds the writer for long. */
export const MAX_BATCH = 256;

/**
 * The single writer. Queued `write()` jobs run one after another inside one BEGIN IMMEDIATE … COMMIT,
 * each in its own savepoint: a job that throws is rolled back alone, and every job's promise settles
 * only after the COMMIT (with synchronous=FULL, after the WAL fsync) — one fsync for the whole batch.
 */
export class GroupCommit<Tx = WriteTx> {
  private readonly queue: Job<Tx>[] = [];
  private running: Promise<void> | null = null;
  private readonly sql;
  private synchronous: Durability = "full";

  constructor(
    private readonly db: Database,
    private readonly newTx: (scope: TxScope) => Tx,
  ) {
    this.sql = {
      begin: db.prepare("BEGIN IMMEDIATE"),
      commit: db.prepare("COMMIT"),
      rollback: db.prepare("ROLLBACK"),
      savepoint: db.prepare("SAVEPOINT job"),
      release: db.prepare("RELEASE job"),
      rollbackTo: db.prepare("ROLLBACK TO job"),
      full: db.prepare("PRAGMA synchronous = FULL"),
      process: db.prepare("PRAGMA synchronous = NORMAL"),
    };
  }

  submit<T>(work: (tx: Tx) => Promise<T>, durability: Durability = "full"): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The job's value is only ever handed back to this promise, so it is a T.
      this.queue.push({ work, durability, resolve: resolve as (value: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  /** Settles once every job submitted so far has settled. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // Let the continuations of the last batch (and requests that arrived meanwhile) enqueue their
        // writes first: that is what fills the next batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.runBatch();
      }
    } finally {
      this.running = null;
    }
  }

  private async runBatch(): Promise<void> {
    // SQLite fixes a commit's safety level outside the transaction: the batch takes the level its
    // queued jobs need, and a `full` job that arrives during a `process` batch waits for the next.
    let durability: Durability = "process";
    for (let i = 0; i < this.queue.length && i < MAX_BATCH; i++) if (this.queue[i]?.durability === "full") durability = "full";
    try {
      if (durability !== this.synchronous) {
        this.sql[durability].run();
        this.synchronous = durability;
      }
      this.sql.begin.run();
    } catch (error) {
      for (const job of this.queue.splice(0, MAX_BATCH)) job.reject(error);
      return;
    }
    const done: Done<Tx>[] = [];
    for (let taken = 0; taken < MAX_BATCH; taken++) {
      if (durability === "process" && this.queue[0]?.durability === "full") break;
      const job = this.queue.shift();
      if (job === undefined) break;
      const outcome = await this.runJob(job);
      if (outcome === "lost") {
        // SQLite dropped the whole transaction (disk full, I/O error): the earlier jobs are gone too.
        for (const earlier of done) earlier.job.reject(new Error("write transaction aborted by the database"));
        return;
      }
      if (outcome !== "failed") done.push(outcome);
    }
    try {
      this.sql.commit.run();
    } catch (error) {
      this.abandon();
      for (const { job } of done) job.reject(error);
      return;
    }
    for (const { job, value } of done) job.resolve(value);
  }

  private async runJob(job: Job<Tx>): Promise<Done<Tx> | "failed" | "lost"> {
    const scope: TxScope = { active: true };
    try {
      this.sql.savepoint.run();
      const value = await job.work(this.newTx(scope));
      scope.active = false;
      this.sql.release.run();
      return { job, value };
    } catch (error) {
      scope.active = false;
      job.reject(error);
      if (!this.db.inTransaction) return "lost";
      try {
        this.sql.rollbackTo.run();
        this.sql.release.run();
        return "failed";
      } catch {
        this.abandon();
        return "lost";
      }
    }
  }

  private abandon(): void {
    try {
      if (this.db.inTransaction) this.sql.rollback.run();
    } catch {
      // The connection is past saving; the next BEGIN fails and rejects its jobs with the cause.
    }
  }
}
