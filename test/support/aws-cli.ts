import { spawn } from "node:child_process";
import { expect } from "vitest";
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from "./server-process.js";

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed stdout when it is JSON. */
  readonly json: unknown;
}

/** Runs the installed `aws` CLI (v1, python) against the server, with JSON output. */
export function aws(endpoint: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("aws", [...args, "--endpoint-url", endpoint, "--output", "json"], {
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: process.env["HOME"] ?? "",
        AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
        AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_MAX_ATTEMPTS: "1",
        AWS_RETRY_MODE: "standard",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      let json: unknown;
      try {
        json = stdout.trim() === "" ? undefined : JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ status: status ?? -1, stdout, stderr, json });
    });
  });
}

/** Access keys as IAM and STS return them (CreateAccessKey, AssumeRole, GetSessionToken). */
export interface Keys {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken?: string;
}

/** The environment that makes the CLI sign with `keys` (and present their session token, if any). */
export function as(keys: Keys): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: keys.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.SecretAccessKey,
    ...(keys.SessionToken === undefined ? {} : { AWS_SESSION_TOKEN: keys.SessionToken }),
  };
}

/** A call that must succeed: nothing on stderr, status 0; its JSON output. */
export function ok(r: CliResult): Record<string, unknown> {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return (r.json ?? {}) as Record<string, unknown>;
}
