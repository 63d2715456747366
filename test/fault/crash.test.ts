import { GetParameterCommand, GetParameterHistoryCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// An acknowledged write survives kill -9: SQLite in WAL mode with synchronous=FULL, and the reply is
// sent only after the group commit returned. So does the audit record of every answered request, a
// read's included (audit.db; fail-closed: no answer before its record is committed).
const WRITERS = 24;
const READERS = 8;
let dataDir: string | undefined;

afterAll(() => {
  if (dataDir !== undefined) removeDir(dataDir);
});

async function writeUntilKilled(server: ServerHandle, acked: Map<string, Map<number, string>>, answered: Set<string>): Promise<void> {
  const ssm = ssmClient(server.url);
  let stop = false;
  const loops = Array.from({ length: WRITERS }, async (_, w) => {
    const name = `/crash/writer-${w}`;
    const versions = new Map<number, string>();
    acked.set(name, versions);
    for (let i = 0; !stop; i++) {
      const value = `w${w}-i${i}`;
      try {
        const out = await ssm.send(
          new PutParameterCommand({ Name: name, Value: value, Type: i % 3 === 0 ? "SecureString" : "String", Overwrite: true }),
        );
        versions.set(out.Version ?? -1, value);
        answered.add(out.$metadata.requestId ?? "");
      } catch {
        return; // the server died under us: this write was never acknowledged
      }
    }
  });
  const reads = Array.from({ length: READERS }, async (_, r) => {
    while (!stop) {
      try {
        const out = await ssm.send(new GetParameterCommand({ Name: `/crash/writer-${r}` }));
        answered.add(out.$metadata.requestId ?? "");
      } catch (e) {
        if ((e as { name?: string }).name === "ParameterNotFound") continue; // not written yet
        return;
      }
    }
  });
  // Let the stream run, then pull the plug mid-flight.
  await new Promise((r) => setTimeout(r, 1500));
  await server.kill();
  stop = true;
  await Promise.all([...loops, ...reads]);
  ssm.destroy();
}

describe("kill -9 during a stream of concurrent writes", () => {
  it("keeps every acknowledged write with its exact version", async () => {
    const first = await startServer();
    dataDir = first.dataDir;
    const acked = new Map<string, Map<number, string>>();
    const answered = new Set<string>();
    await writeUntilKilled(first, acked, answered);
    const total = [...acked.values()].reduce((n, m) => n + m.size, 0);
    expect(total).toBeGreaterThan(WRITERS); // the stream really ran

    const second = await startServer({ dataDir });
    try {
      const ssm = ssmClient(second.url);
      for (const [name, versions] of acked) {
        if (versions.size === 0) continue;
        const history: Record<number, string> = {};
        let token: string | undefined;
        do {
          const page = await ssm.send(new GetParameterHistoryCommand({ Name: name, WithDecryption: true, MaxResults: 50, NextToken: token }));
          for (const h of page.Parameters ?? []) history[h.Version ?? -1] = h.Value ?? "";
          token = page.NextToken;
        } while (token !== undefined);
        for (const [version, value] of versions) {
          // Versions beyond the 100-version cap are dropped by design; the stream writes far fewer.
          expect(history[version], `${name} version ${version}`).toBe(value);
        }
        const numbers = Object.keys(history).map(Number).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // contiguous, no gaps
      }
      ssm.destroy();
    } finally {
      await second.stop();
    }
    const trail = new Database(join(dataDir, "audit.db"), { readonly: true });
    const recorded = new Set(trail.prepare<[], string>("SELECT json_extract(body, '$.requestId') FROM audit_events").pluck().all());
    trail.close();
    expect(answered.size).toBeGreaterThan(WRITERS + READERS);
    expect([...answered].filter((id) => !recorded.has(id))).toEqual([]);
  });
});
