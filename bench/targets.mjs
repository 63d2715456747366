// The three servers measured: paramstore (built bin/paramstore), a bare node:http baseline, and moto.
import { openSync, closeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, peakRss, processCpuSeconds, startProcess, stopProcess, waitForOutput } from "./processes.mjs";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(BENCH_DIR, "..");
const HOST = "127.0.0.1";

export const CREDENTIALS = {
  accessKeyId: "AKIAPARAMSTOREBENCH1",
  secretAccessKey: "paramstore/bench/secret/key/0123456789AB",
};
export const ACCOUNT_ID = "111122223333";
export const REGION = "us-east-1";

function target(name, handle, port, logFile) {
  return {
    name,
    host: HOST,
    port,
    pid: handle.child.pid,
    logFile,
    peakRss: () => peakRss(handle.child.pid),
    cpuSeconds: () => processCpuSeconds(handle.child.pid),
    stop: () => stopProcess(handle),
  };
}

function logTo(file) {
  const fd = openSync(file, "a");
  return { fd, done: () => closeSync(fd) };
}

/** `bin/paramstore serve` with default logging; its stderr (the JSON log) goes to a file. */
export async function startParamstore(workDir, { profileDir, env = {} } = {}) {
  const port = await freePort();
  const dataDir = join(workDir, "paramstore-data");
  const logFile = join(workDir, "paramstore.log");
  const log = logTo(logFile);
  const nodeFlags = profileDir === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", profileDir];
  const handle = startProcess(
    process.execPath,
    [...nodeFlags, join(REPO, "bin", "paramstore"), "serve", "--host", HOST, "--port", String(port), "--data-dir", dataDir],
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PARAMSTORE_ROOT_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        PARAMSTORE_ROOT_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        PARAMSTORE_ACCOUNT_ID: ACCOUNT_ID,
        ...env,
      },
      stdio: ["ignore", "pipe", log.fd],
    },
  );
  log.done();
  await waitForOutput(handle, /listening on (http:\/\/\S+)/, 30_000, `paramstore (log: ${logFile})`);
  const health = await fetch(`http://${HOST}:${port}/health`);
  if (health.status !== 200) throw new Error(`paramstore /health answered ${health.status}`);
  return target("paramstore", handle, port, logFile);
}

export async function startBare(workDir) {
  const port = await freePort();
  const logFile = join(workDir, "bare.log");
  const log = logTo(logFile);
  const handle = startProcess(process.execPath, [join(BENCH_DIR, "bare-server.mjs"), HOST, String(port)], {
    stdio: ["ignore", "pipe", log.fd],
  });
  log.done();
  await waitForOutput(handle, /listening on (http:\/\/\S+)/, 10_000, "bare server");
  return target("bare", handle, port, logFile);
}

/** `moto_server`; it logs every request to stderr, which goes to a file as paramstore's log does. */
export async function startMoto(workDir) {
  const port = await freePort();
  const logFile = join(workDir, "moto.log");
  const log = logTo(logFile);
  const handle = startProcess("moto_server", ["-H", HOST, "-p", String(port)], {
    env: { ...process.env, AWS_DEFAULT_REGION: REGION },
    stdio: ["ignore", "ignore", log.fd],
  });
  log.done();
  const spawnError = new Promise((_, reject) => handle.child.once("error", reject));
  const deadline = Date.now() + 60_000;
  const ready = (async () => {
    for (;;) {
      try {
        await fetch(`http://${HOST}:${port}/moto-api/`);
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`moto_server did not answer in 60 s (log: ${logFile})`);
        if (handle.child.exitCode !== null) throw new Error(`moto_server exited with ${handle.child.exitCode} (log: ${logFile})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  })();
  try {
    await Promise.race([ready, spawnError]);
  } catch (e) {
    await stopProcess(handle, 1000);
    throw e;
  }
  return target("moto", handle, port, logFile);
}
