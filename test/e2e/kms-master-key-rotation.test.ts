import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import {
  BIN,
  removeDir,
  startServer,
  TEST_ACCESS_KEY_ID,
  TEST_ACCOUNT_ID,
  TEST_SECRET_ACCESS_KEY,
  type ServerHandle,
} from "../support/server-process.js";

// `paramstore admin rotate-master-key` (issue 4 §3): every KMS key material and every IAM secret
// (users' access keys) re-wrapped under a new root key while the server runs; SecureStrings read back
// and IAM users authenticate throughout, after a kill midway, a resume, a rollback and a restart
// without the previous key; nothing secret in the data dir's database files.
let servers: ServerHandle[] = [];
let dirs: string[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  for (const d of dirs) removeDir(d);
  servers = [];
  dirs = [];
});

async function serve(dataDir?: string, env: Record<string, string> = {}): Promise<ServerHandle> {
  const server = await startServer({ ...(dataDir === undefined ? {} : { dataDir }), env });
  servers.push(server);
  if (!dirs.includes(server.dataDir)) dirs.push(server.dataDir);
  return server;
}

async function stop(server: ServerHandle): Promise<void> {
  await server.stop();
  servers = servers.filter((s) => s !== server);
}

function rotate(dataDir: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, "admin", "rotate-master-key", "--data-dir", dataDir, ...args], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const call = (server: ServerHandle, service: "ssm" | "kms", calls: readonly Boto3Call[]): Promise<Boto3Result[]> =>
  boto3(server.url, calls, { service });
const ok = (r: Boto3Result | undefined): Record<string, unknown> => {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
};

/** Stores SecureStrings under alias/aws/ssm and under two customer keys; returns name → value. */
async function seed(server: ServerHandle, tag: string): Promise<Map<string, string>> {
  const [a, b] = await call(server, "kms", [
    { op: "create_key", params: { Description: "a" } },
    { op: "create_key", params: { Description: "b" } },
  ]);
  const keyIds = [a, b].map((r) => (ok(r)["KeyMetadata"] as { KeyId: string }).KeyId);
  const values = new Map<string, string>();
  const puts: Boto3Call[] = [];
  for (const [i, keyId] of [undefined, ...keyIds].entries()) {
    const name = `/${tag}/secret${i}`;
    const value = `canary-${tag}-${i}-${randomBytes(8).toString("hex")}`;
    values.set(name, value);
    puts.push({ op: "put_parameter", params: { Name: name, Type: "SecureString", Value: value, ...(keyId === undefined ? {} : { KeyId: keyId }) } });
  }
  for (const r of await call(server, "ssm", puts)) ok(r);
  return values;
}

async function expectReadable(server: ServerHandle, values: Map<string, string>): Promise<void> {
  const names = [...values.keys()];
  const got = await call(server, "ssm", names.map((Name) => ({ op: "get_parameter", params: { Name, WithDecryption: true } })));
  expect(got.map((r) => (ok(r)["Parameter"] as { Value: string }).Value)).toEqual(names.map((n) => values.get(n)));
}

function keyFile(dataDir: string, name = "master.key"): string | undefined {
  const file = join(dataDir, name);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

interface UserKey {
  readonly userName: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * An IAM user and an access key for it, made by the account root with the aws CLI (as the issue asks)
 * or in process (SDK v3), as the CLI costs seconds a call on a loaded machine.
 */
async function userWithKey(server: ServerHandle, userName: string, client: "cli" | "sdk"): Promise<UserKey> {
  if (client === "cli") {
    const user = await aws(server.url, ["iam", "create-user", "--user-name", userName]);
    expect(user.stderr).toBe("");
    const key = await aws(server.url, ["iam", "create-access-key", "--user-name", userName]);
    expect(key.stderr).toBe("");
    const { AccessKeyId, SecretAccessKey } = (key.json as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
    return { userName, accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey };
  }
  const iam = new IAMClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { userName, accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/**
 * Each user signs GetCallerIdentity with its own key and is recognised: the first `cli` users with
 * `aws sts get-caller-identity`, the rest in process (SDK v3).
 */
async function expectAuthenticates(server: ServerHandle, users: readonly UserKey[], cli = 0): Promise<void> {
  for (const [index, user] of users.entries()) {
    const arn = `arn:aws:iam::${TEST_ACCOUNT_ID}:user/${user.userName}`;
    if (index < cli) {
      const r = await aws(server.url, ["sts", "get-caller-identity"], {
        AWS_ACCESS_KEY_ID: user.accessKeyId,
        AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
      });
      expect(r.stderr, user.userName).toBe("");
      expect(r.json).toMatchObject({ Account: TEST_ACCOUNT_ID, Arn: arn });
      continue;
    }
    const sts = new STSClient({
      endpoint: server.url,
      region: "us-east-1",
      credentials: { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey },
      maxAttempts: 1,
    });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect({ Account: out.Account, Arn: out.Arn }, user.userName).toEqual({ Account: TEST_ACCOUNT_ID, Arn: arn });
  }
}

/** The users' secret access keys join the SecureString values that must never appear in the database. */
function withSecrets(values: Map<string, string>, users: readonly UserKey[]): Map<string, string> {
  return new Map([...values, ...users.map((u): [string, string] => [`iam:${u.accessKeyId}`, u.secretAccessKey])]);
}

function expectNothingSecretInDatabase(dataDir: string, values: Map<string, string>, rootKeys: string[]): void {
  const secrets = [...values.values()].map((v) => Buffer.from(v));
  for (const k of rootKeys) secrets.push(Buffer.from(k), Buffer.from(k, "base64"));
  for (const name of readdirSync(dataDir).filter((n) => n.startsWith("paramstore.db"))) {
    const bytes = readFileSync(join(dataDir, name));
    for (const secret of secrets) expect(bytes.includes(secret), name).toBe(false);
  }
}

// Each case spawns servers, CLI runs and python clients: more than the default budget on a loaded machine.
describe("admin rotate-master-key", { timeout: 240_000 }, () => {
  it("re-wraps online; a run killed midway keeps the server working and resumes; a restart reads it all", async () => {
    const server = await serve();
    const dir = server.dataDir;
    const values = await seed(server, "online");
    const users = [await userWithKey(server, "online-before", "cli")];
    const original = keyFile(dir)!;

    const killed = rotate(dir, ["--batch-size", "1"], { PARAMSTORE_ROTATE_FAIL_AFTER_ROWS: "1" });
    expect(killed.status).toBe(1);
    expect(killed.stderr).toContain("run it again with --resume to finish it or --rollback to undo it");
    expect(keyFile(dir, "master.key.previous")).toBe(original);
    const next = keyFile(dir)!;
    expect(next).not.toBe(original);

    // Mid-rotation the running server reads old- and new-wrapped keys and makes new ones.
    await expectReadable(server, values);
    for (const [name, value] of await seed(server, "during")) values.set(name, value);
    await expectReadable(server, values);
    await expectAuthenticates(server, users);
    users.push(await userWithKey(server, "online-during", "sdk"));
    await expectAuthenticates(server, users);

    const refused = rotate(dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("a root key rotation is in progress (master.key.previous exists)");

    const resumed = rotate(dir, ["--resume", "--batch-size", "2"]);
    expect(resumed.stderr).toBe("");
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/re-wrapped \d+ key material version\(s\) and 1 IAM secret\(s\)/);
    expect(keyFile(dir, "master.key.previous")).toBeUndefined();
    expect(keyFile(dir)).toBe(next);
    await expectReadable(server, values);
    await expectAuthenticates(server, users);

    // Restarted with the new key only: master.key.previous is gone.
    await stop(server);
    const restarted = await serve(dir);
    await expectReadable(restarted, values);
    await expectAuthenticates(restarted, users, 1);
    expectNothingSecretInDatabase(dir, withSecrets(values, users), [original, next]);
  });

  it("a run killed -9 among the IAM secrets is resumed; IAM users authenticate throughout and after a restart", async () => {
    const server = await serve();
    const dir = server.dataDir;
    const values = await seed(server, "kill9");
    const users = [await userWithKey(server, "kill-a", "cli"), await userWithKey(server, "kill-b", "sdk")];
    const original = keyFile(dir)!;

    // 3 KMS key materials (alias/aws/ssm and two customer keys), then the IAM secrets: killed after the first.
    const killed = spawnSync(process.execPath, [BIN, "admin", "rotate-master-key", "--data-dir", dir, "--batch-size", "1"], {
      env: { PATH: process.env["PATH"] ?? "", PARAMSTORE_ROTATE_KILL_AFTER_ROWS: "4" },
      encoding: "utf8",
    });
    expect([killed.status, killed.signal]).toEqual([null, "SIGKILL"]);
    expect(keyFile(dir, "master.key.previous")).toBe(original);
    await expectAuthenticates(server, users);
    await expectReadable(server, values);

    const resumed = rotate(dir, ["--resume"]);
    expect(resumed.stderr).toBe("");
    expect(resumed.stdout).toContain("re-wrapped 0 key material version(s) and 1 IAM secret(s)");
    expect(keyFile(dir, "master.key.previous")).toBeUndefined();
    await expectAuthenticates(server, users);

    await stop(server);
    const restarted = await serve(dir);
    await expectAuthenticates(restarted, users, 1);
    await expectReadable(restarted, values);
    expectNothingSecretInDatabase(dir, withSecrets(values, users), [original, keyFile(dir)!]);
  });

  it("takes the new key from --new-key-file, and rolls an interrupted run back to the old key", async () => {
    const server = await serve();
    const dir = server.dataDir;
    const values = await seed(server, "rollback");
    const users = [await userWithKey(server, "rollback-a", "sdk"), await userWithKey(server, "rollback-b", "sdk")];
    const original = keyFile(dir)!;
    const chosen = randomBytes(32).toString("base64");
    const newKeyFile = join(dir, "..", `new-key-${randomBytes(4).toString("hex")}`);
    writeFileSync(newKeyFile, `${chosen}\n`, { mode: 0o600 });
    try {
      // Stopped after the 3 KMS materials and the first IAM secret.
      expect(rotate(dir, ["--new-key-file", newKeyFile, "--batch-size", "1"], { PARAMSTORE_ROTATE_FAIL_AFTER_ROWS: "4" }).status).toBe(1);
    } finally {
      removeDir(newKeyFile);
    }
    expect(keyFile(dir)).toBe(chosen);
    await expectReadable(server, values);
    await expectAuthenticates(server, users);

    const rolledBack = rotate(dir, ["--rollback"]);
    expect(rolledBack.status).toBe(0);
    expect(rolledBack.stdout).toContain("re-wrapped 3 key material version(s) and 1 IAM secret(s)");
    expect(keyFile(dir)).toBe(original);
    expect(keyFile(dir, "master.key.previous")).toBeUndefined();
    await expectReadable(server, values);
    await expectAuthenticates(server, users);
    await stop(server);
    const restarted = await serve(dir);
    await expectReadable(restarted, values);
    await expectAuthenticates(restarted, users, 1);
    expectNothingSecretInDatabase(dir, withSecrets(values, users), [original, chosen]);
    expect(rotate(dir, ["--rollback"]).stdout).toContain("no root key rotation in progress");
  });

  it("with PARAMSTORE_MASTER_KEY, rotates between the keys the operator passes", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const first = await serve(undefined, { PARAMSTORE_MASTER_KEY: oldKey });
    const dir = first.dataDir;
    const values = await seed(first, "env");
    const users = [await userWithKey(first, "env-user", "sdk")];
    expect(keyFile(dir)).toBeUndefined();
    await stop(first);

    const both = { PARAMSTORE_MASTER_KEY: newKey, PARAMSTORE_PREVIOUS_MASTER_KEY: oldKey };
    const windowed = await serve(dir, both);
    await expectReadable(windowed, values);
    await expectAuthenticates(windowed, users);
    expect(rotate(dir, ["--new-key-file", "/dev/null"], both).status).toBe(2);
    expect(rotate(dir, [], both).status).toBe(0);
    await expectReadable(windowed, values);
    await expectAuthenticates(windowed, users);
    await stop(windowed);

    const after = await serve(dir, { PARAMSTORE_MASTER_KEY: newKey });
    await expectReadable(after, values);
    await expectAuthenticates(after, users, 1);
    expectNothingSecretInDatabase(dir, withSecrets(values, users), [oldKey, newKey]);
  });
});
