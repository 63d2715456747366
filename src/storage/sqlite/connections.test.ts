import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, openReaderConnection, openWriterConnection } from "./connections.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-connections-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sqlite connections", () => {
  it("opens the writer in WAL mode with synchronous FULL and a busy timeout", () => {
    const writer = openWriterConnection(join(dir, "p.db"));
    expect(writer.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(writer.pragma("synchronous", { simple: true })).toBe(2); // 2 = FULL
    expect(writer.pragma("busy_timeout", { simple: true })).toBe(BUSY_TIMEOUT_MS);
    writer.close();
  });

  it("opens readers that cannot write", () => {
    const file = join(dir, "p.db");
    const writer = openWriterConnection(file);
    writer.exec("CREATE TABLE t (x)");
    const reader = openReaderConnection(file);
    expect(reader.readonly).toBe(true);
    expect(() => reader.exec("INSERT INTO t VALUES (1)")).toThrow(/readonly/);
    reader.close();
    writer.close();
  });

  it("refuses to open a reader on a missing file", () => {
    expect(() => openReaderConnection(join(dir, "missing.db"))).toThrow();
  });
});
