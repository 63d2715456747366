import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
export const BIN = join(REPO, "bin", "paramstore");

export const TEST_ACCESS_KEY_ID = "AKIAPARAMSTORETEST01";
export const TEST_SECRET_ACCESS_KEY = "paramstore/test/secret/key/0123456789ABCD";
export const TEST_ACCOUNT_ID = "111122223333";

export interface ServerHandle {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the server wrote to stderr (its JSON log) and stdout so far. */
  log(): string;
  stdout(): string;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>;
}

export interface StartOptions {
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
}

/** Starts the built `bin/paramstore serve` on a free port and waits for GET /health. */
export async function startServer(options: StartOptions = {}): Promise<ServerHandle> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "paramstore-test-"));
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir, ...(options.args ?? [])],
    {
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: process.env["HOME"] ?? "",
        PARAMSTORE_ROOT_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
        PARAMSTORE_ROOT_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
        PARAMSTORE_ACCOUNT_ID: TEST_ACCOUNT_ID,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));

  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}\n${err}`)), 20_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
  });
  const health = await fetch(`${url}/health`);
  if (health.status !== 200) throw new Error(`health answered ${health.status}`);

  return {
    url,
    dataDir,
    process: child,
    log: () => err,
    stdout: () => out,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
