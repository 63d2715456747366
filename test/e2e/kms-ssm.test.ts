import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// SecureString under customer keys (ssm-parameter-store.md §3.5, kms.md §13): any key spelling on Put;
// a disabled or pending-deletion key makes reads fail with InvalidKeyId, and they work again after
// EnableKey / CancelKeyDeletion — immediately, because KMS and the SSM keyring share one key store.
const arnOf = (keyId: string): string => `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/${keyId}`;
const WRAPPED = /^(.+) \(Service: AWSKMS; Status Code: 400; Error Code: (\w+); Request ID: [0-9a-f-]{36}; Proxy: null\)$/;

let server: ServerHandle;
let keyId: string;
beforeAll(async () => {
  server = await startServer();
  const [created] = await kms([{ op: "create_key", params: { Description: "my app" } }]);
  keyId = ((ok(created)["KeyMetadata"] as { KeyId: string }).KeyId);
  await kms([{ op: "create_alias", params: { AliasName: "alias/my-app", TargetKeyId: keyId } }]);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const kms = (calls: readonly Boto3Call[]): Promise<Boto3Result[]> => boto3(server.url, calls, { service: "kms" });
const ssm = (calls: readonly Boto3Call[]): Promise<Boto3Result[]> => boto3(server.url, calls);
function ok(r: Boto3Result | undefined): Record<string, unknown> {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
}
const get = (Name: string) => ({ op: "get_parameter", params: { Name, WithDecryption: true } });
const valueOf = (r: Boto3Result | undefined): unknown => (ok(r)["Parameter"] as { Value: string }).Value;
function wrapped(r: Boto3Result | undefined): { code: string; kmsText: string; kmsCode: string } {
  if (r === undefined || !("error" in r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  const m = WRAPPED.exec(r.error.message);
  return { code: r.error.code, kmsText: m?.[1] ?? `unwrapped: ${r.error.message}`, kmsCode: m?.[2] ?? "" };
}

describe("SecureString under a customer key", () => {
  it("accepts the key in every spelling and reports KeyId as given", async () => {
    const refs = [keyId, arnOf(keyId), "alias/my-app", `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:alias/my-app`];
    const puts = await ssm(refs.map((KeyId, i) => ({ op: "put_parameter", params: { Name: `/cmk/p${i}`, Type: "SecureString", Value: `v${i}`, KeyId } })));
    for (const p of puts) expect(ok(p)).toMatchObject({ Version: 1, Tier: "Standard" });
    const reads = await ssm(refs.map((_, i) => get(`/cmk/p${i}`)));
    expect(reads.map(valueOf)).toEqual(["v0", "v1", "v2", "v3"]);
    const [described] = await ssm([{ op: "describe_parameters", params: { ParameterFilters: [{ Key: "Path", Values: ["/cmk"] }] } }]);
    const keyIds = (ok(described)["Parameters"] as { Name: string; KeyId: string }[]).map((p) => [p.Name, p.KeyId]);
    expect(Object.fromEntries(keyIds)).toEqual({ "/cmk/p0": refs[0], "/cmk/p1": refs[1], "/cmk/p2": refs[2], "/cmk/p3": refs[3] });
  });

  it("is unaffected by the state of other keys", async () => {
    await ssm([{ op: "put_parameter", params: { Name: "/cmk/named", Type: "SecureString", Value: "x", KeyId: "alias/my-app" } }]);
    const [other] = await kms([{ op: "create_key", params: {} }]);
    const otherId = (ok(other)["KeyMetadata"] as { KeyId: string }).KeyId;
    await kms([{ op: "disable_key", params: { KeyId: otherId } }]);
    // Disabling an unrelated key changes nothing for this parameter.
    expect(valueOf((await ssm([get("/cmk/named")]))[0])).toBe("x");
  });

  it("fails reads with InvalidKeyId while the key is disabled or pending deletion, and recovers", async () => {
    await ssm([{ op: "put_parameter", params: { Name: "/cmk/state", Type: "SecureString", Value: "guarded", KeyId: "alias/my-app" } }]);
    expect(valueOf((await ssm([get("/cmk/state")]))[0])).toBe("guarded");
    // The read just above cached the key record; disabling must still take effect at once.
    await kms([{ op: "disable_key", params: { KeyId: keyId } }]);
    const [whileDisabled, putWhileDisabled, withoutDecryption] = await ssm([
      get("/cmk/state"),
      { op: "put_parameter", params: { Name: "/cmk/state2", Type: "SecureString", Value: "x", KeyId: "alias/my-app" } },
      { op: "get_parameter", params: { Name: "/cmk/state", WithDecryption: false } },
    ]);
    expect(wrapped(whileDisabled)).toEqual({ code: "InvalidKeyId", kmsText: `${arnOf(keyId)} is disabled.`, kmsCode: "DisabledException" });
    expect(wrapped(putWhileDisabled)).toEqual({ code: "InvalidKeyId", kmsText: `${arnOf(keyId)} is disabled.`, kmsCode: "DisabledException" });
    expect(ok(withoutDecryption)).toHaveProperty("Parameter");

    await kms([{ op: "enable_key", params: { KeyId: keyId } }]);
    expect(valueOf((await ssm([get("/cmk/state")]))[0])).toBe("guarded");

    await kms([{ op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 7 } }]);
    const [whilePending] = await ssm([get("/cmk/state")]);
    expect(wrapped(whilePending)).toEqual({
      code: "InvalidKeyId",
      kmsText: `${arnOf(keyId)} is pending deletion.`,
      kmsCode: "KMSInvalidStateException",
    });
    await kms([
      { op: "cancel_key_deletion", params: { KeyId: keyId } },
      { op: "enable_key", params: { KeyId: keyId } },
    ]);
    expect(valueOf((await ssm([get("/cmk/state")]))[0])).toBe("guarded");
  });

  it("follows an alias re-pointed to another key for new writes, and old values still read", async () => {
    const [second] = await kms([{ op: "create_key", params: {} }]);
    const secondId = (ok(second)["KeyMetadata"] as { KeyId: string }).KeyId;
    await kms([{ op: "create_alias", params: { AliasName: "alias/moving", TargetKeyId: keyId } }]);
    await ssm([{ op: "put_parameter", params: { Name: "/cmk/moving", Type: "SecureString", Value: "one", KeyId: "alias/moving" } }]);
    await kms([{ op: "update_alias", params: { AliasName: "alias/moving", TargetKeyId: secondId } }]);
    await ssm([{ op: "put_parameter", params: { Name: "/cmk/moving", Type: "SecureString", Value: "two", KeyId: "alias/moving", Overwrite: true } }]);
    await kms([{ op: "disable_key", params: { KeyId: keyId } }]);
    const [latest, first] = await ssm([get("/cmk/moving"), get("/cmk/moving:1")]);
    expect(valueOf(latest)).toBe("two");
    expect(wrapped(first)).toMatchObject({ kmsCode: "DisabledException", kmsText: `${arnOf(keyId)} is disabled.` });
    await kms([{ op: "enable_key", params: { KeyId: keyId } }]);
  });

  it("reports unknown keys on Put as AWS does", async () => {
    const [unknownAlias, unknownKey] = await ssm([
      { op: "put_parameter", params: { Name: "/cmk/bad", Type: "SecureString", Value: "x", KeyId: "alias/nope" } },
      { op: "put_parameter", params: { Name: "/cmk/bad", Type: "SecureString", Value: "x", KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
    ]);
    expect(wrapped(unknownAlias)).toEqual({
      code: "InvalidKeyId",
      kmsText: `Alias arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:alias/nope is not found.`,
      kmsCode: "NotFoundException",
    });
    expect(wrapped(unknownKey)).toMatchObject({ kmsText: `Key '${arnOf("1234abcd-12ab-34cd-56ef-1234567890ab")}' does not exist` });
  });

  it("works from the aws CLI with --key-id alias/…", async () => {
    const put = await aws(server.url, ["ssm", "put-parameter", "--name", "/cmk/cli", "--type", "SecureString", "--value", "cli-canary-7f3a", "--key-id", "alias/my-app"]);
    expect(put.status).toBe(0);
    const read = await aws(server.url, ["ssm", "get-parameter", "--name", "/cmk/cli", "--with-decryption"]);
    expect(read.json).toMatchObject({ Parameter: { Value: "cli-canary-7f3a", Type: "SecureString" } });
    // The canary never reaches the data dir in clear.
    for (const file of filesUnder(server.dataDir)) expect(readFileSync(file).includes("cli-canary-7f3a")).toBe(false);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
