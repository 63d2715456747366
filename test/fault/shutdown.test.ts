import { GetParameterCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer } from "../support/server-process.js";

describe("SIGTERM", () => {
  it("lets in-flight writes finish, exits 0, and keeps what it acknowledged", async () => {
    const first = await startServer();
    const ssm = ssmClient(first.url);
    const writes = Array.from({ length: 40 }, (_, i) =>
      ssm.send(new PutParameterCommand({ Name: `/shutdown/p${i}`, Value: `v${i}`, Type: "String" })).then(
        () => i,
        () => -1,
      ),
    );
    // Give the requests time to reach the server, then ask it to stop while they run.
    await new Promise((r) => setTimeout(r, 30));
    const code = await first.stop();
    const done = (await Promise.all(writes)).filter((i) => i >= 0);
    ssm.destroy();
    expect(code).toBe(0);
    // The store closed all the way: the last connection's close checkpointed and removed each WAL.
    expect(readdirSync(first.dataDir).filter((f) => f.endsWith("-wal") || f.endsWith("-shm"))).toEqual([]);

    const second = await startServer({ dataDir: first.dataDir });
    const again = ssmClient(second.url);
    for (const i of done) {
      const out = await again.send(new GetParameterCommand({ Name: `/shutdown/p${i}` }));
      expect(out.Parameter?.Value).toBe(`v${i}`);
    }
    again.destroy();
    expect(await second.stop()).toBe(0);
    removeDir(first.dataDir);
  });
});
