// Child processes and temporary directories of one bench run. Every server runs in its own process
// group so that stopping it also stops anything it started; whatever is still alive when the bench
// exits — normally or not — is killed and every temporary directory removed.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const children = new Set();
const dirs = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function cleanupNow() {
  for (const child of children) killGroup(child, "SIGKILL");
  children.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.on("exit", cleanupNow);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping servers\n`);
    process.exit(130);
  });
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.listen(0, "127.0.0.1", resolve).once("error", reject));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Spawns a long-lived process in its own group; `exited` settles with its exit code or signal. */
export function startProcess(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? signal);
    });
    // A command that cannot be spawned (ENOENT) never exits.
    child.once("error", (error) => {
      children.delete(child);
      resolve(error.code ?? "error");
    });
  });
  return { child, exited };
}

/** SIGTERM the group, SIGKILL if it is not gone after `graceMs`. */
export async function stopProcess({ child, exited }, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
  const result = await exited;
  clearTimeout(timer);
  return result;
}

/** Peak resident set size (VmHWM) of a live process, in bytes; undefined once it has exited. */
export function peakRss(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Resolves with the first capture of `pattern` in the child's stdout, or rejects on exit/timeout. */
export function waitForOutput({ child, exited }, pattern, timeoutMs, describe) {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${describe} did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout.on("data", (chunk) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${describe} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** Clock ticks of /proc (USER_HZ); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

/** CPU seconds the whole machine spent busy (everything but idle and iowait) since boot. */
export function machineBusySeconds() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a live process has used; undefined once it has exited. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
