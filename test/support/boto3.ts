import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO, TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from "./server-process.js";

export interface Boto3Call {
  readonly op: string;
  readonly params?: Record<string, unknown>;
}

export type Boto3Result =
  | { readonly ok: Record<string, unknown>; readonly requestId?: string }
  | { readonly error: { readonly code: string; readonly message: string; readonly status: number } }
  | { readonly clientValidation: string };

/** Runs calls in one python process (boto3 start-up is the slow part). */
export function boto3(
  endpoint: string,
  calls: readonly Boto3Call[],
  options: { service?: string; region?: string; accessKeyId?: string; secretAccessKey?: string; sessionToken?: string } = {},
): Promise<Boto3Result[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [join(REPO, "test/support/boto3_driver.py")], {
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", AWS_CONFIG_FILE: "/dev/null" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status !== 0) return reject(new Error(`boto3 driver failed (${status}): ${stderr}`));
      resolve(JSON.parse(stdout) as Boto3Result[]);
    });
    child.stdin.end(
      JSON.stringify({
        endpoint,
        service: options.service ?? "ssm",
        region: options.region ?? "us-east-1",
        accessKeyId: options.accessKeyId ?? TEST_ACCESS_KEY_ID,
        secretAccessKey: options.secretAccessKey ?? TEST_SECRET_ACCESS_KEY,
        ...(options.sessionToken === undefined ? {} : { sessionToken: options.sessionToken }),
        calls,
      }),
    );
  });
}
