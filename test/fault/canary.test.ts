import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boto3 } from "../support/boto3.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// No plaintext secret ever reaches the data dir (database, WAL, keys) or the log.
const CANARY = `canary-${randomBytes(12).toString("hex")}`;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => removeDir(server.dataDir));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function leaks(haystack: Buffer): boolean {
  return [Buffer.from(CANARY), Buffer.from(CANARY, "utf16le"), Buffer.from(Buffer.from(CANARY).toString("base64"))].some(
    (needle) => haystack.includes(needle),
  );
}

describe("a canary SecureString", () => {
  it("never appears in any file of the data dir, nor in the log", async () => {
    const results = await boto3(server.url, [
      { op: "put_parameter", params: { Name: "/canary/a", Type: "SecureString", Value: CANARY } },
      { op: "put_parameter", params: { Name: "/canary/a", Type: "SecureString", Value: `${CANARY}-v2`, Overwrite: true } },
      { op: "put_parameter", params: { Name: "/canary/big", Type: "SecureString", Value: `${CANARY}${"x".repeat(5000)}`, Tier: "Advanced" } },
      // Failures must not echo the value either.
      { op: "put_parameter", params: { Name: "/canary/a", Type: "SecureString", Value: CANARY } },
      { op: "put_parameter", params: { Name: "/canary/p", Type: "SecureString", Value: CANARY, AllowedPattern: "^[0-9]+$" } },
      { op: "put_parameter", params: { Name: "/canary/n", Type: "SecureString", Value: `{{${CANARY}}}` } },
      { op: "put_parameter", params: { Name: "/canary/s", Type: "SecureString", Value: CANARY + "y".repeat(5000), Tier: "Standard" } },
      { op: "get_parameter", params: { Name: "/canary/a", WithDecryption: true } },
      { op: "get_parameters_by_path", params: { Path: "/canary", WithDecryption: true } },
      { op: "get_parameter_history", params: { Name: "/canary/a", WithDecryption: true } },
    ]);
    const decrypted = results[7] as { ok: { Parameter: { Value: string } } };
    expect(decrypted.ok.Parameter.Value === `${CANARY}-v2`).toBe(true);
    for (const r of results.slice(3, 7)) {
      expect("error" in r).toBe(true);
      expect(leaks(Buffer.from(JSON.stringify(r)))).toBe(false);
    }

    const whileRunning = filesUnder(server.dataDir).filter((f) => leaks(readFileSync(f)));
    expect(whileRunning).toEqual([]);
    expect(await server.stop()).toBe(0);
    const afterStop = filesUnder(server.dataDir).filter((f) => leaks(readFileSync(f)));
    expect(afterStop).toEqual([]);
    expect(leaks(Buffer.from(server.log()))).toBe(false);
    expect(leaks(Buffer.from(server.stdout()))).toBe(false);
    expect(server.log()).toContain('"operation":"PutParameter"'); // the log was really written
  });
});
