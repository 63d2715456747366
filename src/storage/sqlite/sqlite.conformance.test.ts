import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeStorage } from "../conformance/storage.case.js";
import { openSqliteStorage } from "./sqlite-storage.js";

describeStorage("sqlite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "paramstore-sqlite-"));
  const storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  return {
    storage,
    async cleanup() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
