// Runs one job in a fresh load-generator process (bench/load.mjs) and answers its JSON result.
import { join } from "node:path";
import { BENCH_DIR, CREDENTIALS, REGION } from "./targets.mjs";
import { startProcess, stopProcess } from "./processes.mjs";

export async function runLoad(target, job, timeoutMs) {
  const handle = startProcess(process.execPath, [join(BENCH_DIR, "load.mjs")], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  handle.child.stdout.on("data", (d) => (out += d.toString()));
  handle.child.stderr.on("data", (d) => (err += d.toString()));
  handle.child.stdin.end(JSON.stringify({ host: target.host, port: target.port, credentials: CREDENTIALS, region: REGION, ...job }));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopProcess(handle, 1000);
  }, timeoutMs);
  const code = await handle.exited;
  clearTimeout(timer);
  if (timedOut) throw new Error(`load generator (${job.mode} on ${target.name}) ran past ${timeoutMs} ms`);
  if (code !== 0) throw new Error(`load generator (${job.mode} on ${target.name}) exited with ${code}:\n${err}`);
  return JSON.parse(out);
}
