import { CreateKeyCommand, DescribeKeyCommand, KMSClient, KMSServiceException, ListAliasesCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// KMS key lifecycle and aliases over the shared port (kms.md §3–§6), with boto3, the aws CLI and SDK v3.
const ACCOUNT = TEST_ACCOUNT_ID;
const arnOf = (keyId: string, region = "us-east-1"): string => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
const aliasArnOf = (alias: string): string => `arn:aws:kms:us-east-1:${ACCOUNT}:${alias}`;
const UNKNOWN = "1234abcd-12ab-34cd-56ef-1234567890ab";
const DAY = 24 * 60 * 60;

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const kms = (calls: readonly Boto3Call[], region?: string): Promise<Boto3Result[]> =>
  boto3(server.url, calls, { service: "kms", ...(region === undefined ? {} : { region }) });
const ok = (r: Boto3Result | undefined): Record<string, unknown> => {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
};
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });
const metadata = (r: Boto3Result | undefined): Record<string, unknown> => ok(r)["KeyMetadata"] as Record<string, unknown>;

async function createKey(params: Record<string, unknown> = {}): Promise<string> {
  const [created] = await kms([{ op: "create_key", params }]);
  return metadata(created)["KeyId"] as string;
}

describe("CreateKey and DescribeKey", () => {
  it("creates a symmetric customer key and describes it by every spelling, with AWS's members", async () => {
    const [created] = await kms([{ op: "create_key", params: {} }]);
    const meta = metadata(created);
    const keyId = meta["KeyId"] as string;
    expect(keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Object.keys(meta)).toEqual([
      "AWSAccountId",
      "KeyId",
      "Arn",
      "CreationDate",
      "Enabled",
      "Description",
      "KeyUsage",
      "KeyState",
      "Origin",
      "KeyManager",
      "CustomerMasterKeySpec",
      "KeySpec",
      "EncryptionAlgorithms",
      "MultiRegion",
      "CurrentKeyMaterialId",
    ]);
    expect(meta).toMatchObject({
      AWSAccountId: ACCOUNT,
      Arn: arnOf(keyId),
      Enabled: true,
      Description: "",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: "CUSTOMER",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    });
    expect(meta["CurrentKeyMaterialId"]).toMatch(/^[0-9a-f]{64}$/);
    await kms([{ op: "create_alias", params: { AliasName: "alias/describe-me", TargetKeyId: keyId } }]);
    const described = await kms(
      [keyId, arnOf(keyId), "alias/describe-me", aliasArnOf("alias/describe-me")].map((KeyId) => ({ op: "describe_key", params: { KeyId } })),
    );
    for (const d of described) expect(metadata(d)).toEqual(meta);
  });

  it("keeps the description given", async () => {
    const [created] = await kms([{ op: "create_key", params: { Description: "app secrets", KeyUsage: "ENCRYPT_DECRYPT", KeySpec: "SYMMETRIC_DEFAULT" } }]);
    expect(metadata(created)["Description"]).toBe("app secrets");
  });

  it("rejects key kinds this server does not offer, with AWS's check first", async () => {
    const results = await kms([
      { op: "create_key", params: { KeySpec: "HMAC_256" } },
      { op: "create_key", params: { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" } },
      { op: "create_key", params: { KeyUsage: "GENERATE_VERIFY_MAC" } },
      { op: "create_key", params: { Origin: "EXTERNAL" } },
      { op: "create_key", params: { MultiRegion: true } },
      { op: "create_key", params: { KeySpec: "HMAC_random" } },
    ]);
    expect(results[0]).toEqual(
      error("ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys."),
    );
    for (const r of results.slice(1, 5)) expect(r).toMatchObject({ error: { code: "UnsupportedOperationException", status: 400 } });
    expect(results[5]).toMatchObject({ error: { code: "ValidationException" } });
    expect((results[5] as { error: { message: string } }).error.message).toMatch(
      /^1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    );
  });

  it("reports unknown and malformed key ids with KMS's texts", async () => {
    const results = await kms([
      { op: "describe_key", params: { KeyId: UNKNOWN } },
      { op: "describe_key", params: { KeyId: "fake-key-id" } },
      { op: "describe_key", params: { KeyId: "alias/no-such-alias" } },
      { op: "describe_key", params: { KeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/${UNKNOWN}` } },
    ]);
    expect(results).toEqual([
      error("NotFoundException", `Key '${arnOf(UNKNOWN)}' does not exist`),
      error("NotFoundException", "Invalid keyId 'fake-key-id'"),
      error("NotFoundException", `Alias ${aliasArnOf("alias/no-such-alias")} is not found.`),
      error("NotFoundException", "Invalid arn us-west-2"),
    ]);
  });

  it("creates the AWS managed key on DescribeKey of alias/aws/ssm, once per region", async () => {
    const [first, second] = await kms(
      [
        { op: "describe_key", params: { KeyId: "alias/aws/ssm" } },
        { op: "describe_key", params: { KeyId: "alias/aws/ssm" } },
      ],
      "eu-west-3",
    );
    const meta = metadata(first);
    expect(meta).toMatchObject({
      KeyManager: "AWS",
      KeyState: "Enabled",
      Description: "Default key that protects my SSM parameters when no other key is defined",
    });
    expect(metadata(second)["KeyId"]).toBe(meta["KeyId"]);
    const [aliases, disable] = await kms(
      [
        { op: "list_aliases", params: { KeyId: meta["KeyId"] } },
        { op: "disable_key", params: { KeyId: meta["KeyId"] } },
      ],
      "eu-west-3",
    );
    expect(ok(aliases)["Aliases"]).toEqual([
      expect.objectContaining({ AliasName: "alias/aws/ssm", AliasArn: `arn:aws:kms:eu-west-3:${ACCOUNT}:alias/aws/ssm`, TargetKeyId: meta["KeyId"] }),
    ]);
    expect(disable).toEqual({
      error: {
        code: "AccessDeniedException",
        message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: kms:DisableKey on resource: ${meta["Arn"] as string} because no resource-based policy allows the kms:DisableKey action`,
        status: 400,
      },
    });
  });
});

describe("key states", () => {
  it("disables, enables, schedules and cancels deletion, refusing what each state refuses", async () => {
    const keyId = await createKey();
    const arn = arnOf(keyId);
    const r = await kms([
      { op: "disable_key", params: { KeyId: keyId } },
      { op: "disable_key", params: { KeyId: arn } },
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "enable_key", params: { KeyId: keyId } },
      { op: "enable_key", params: { KeyId: keyId } },
      { op: "cancel_key_deletion", params: { KeyId: keyId } },
      { op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 6 } },
      { op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 31 } },
      { op: "schedule_key_deletion", params: { KeyId: arn, PendingWindowInDays: 7 } },
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "enable_key", params: { KeyId: keyId } },
      { op: "disable_key", params: { KeyId: keyId } },
      { op: "schedule_key_deletion", params: { KeyId: keyId } },
      { op: "cancel_key_deletion", params: { KeyId: keyId } },
      { op: "describe_key", params: { KeyId: keyId } },
    ]);
    expect(r.slice(0, 2).map(ok)).toEqual([{}, {}]);
    expect(metadata(r[2])).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(r.slice(3, 5).map(ok)).toEqual([{}, {}]);
    expect(r[5]).toEqual(error("KMSInvalidStateException", `${arn} is not pending deletion.`));
    expect(r[6]).toEqual(error("ValidationException", "PendingWindowInDays should be between 7 and 30, but it is 6"));
    expect(r[7]).toEqual(error("ValidationException", "PendingWindowInDays should be between 7 and 30, but it is 31"));
    const scheduled = ok(r[8]);
    expect(scheduled).toMatchObject({ KeyId: arn, KeyState: "PendingDeletion", PendingWindowInDays: 7 });
    const pending = metadata(r[9]);
    expect(pending).toMatchObject({ KeyState: "PendingDeletion", Enabled: false, DeletionDate: scheduled["DeletionDate"] });
    expect(pending["DeletionDate"] as number).toBeCloseTo((pending["CreationDate"] as number) + 7 * DAY, -2);
    for (const refused of r.slice(10, 13)) expect(refused).toEqual(error("KMSInvalidStateException", `${arn} is pending deletion.`));
    expect(ok(r[13])).toEqual({ KeyId: arn });
    const cancelled = metadata(r[14]);
    expect(cancelled).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(cancelled).not.toHaveProperty("DeletionDate");
  });

  it("defaults the deletion window to 30 days", async () => {
    const keyId = await createKey();
    const [scheduled, described] = await kms([
      { op: "schedule_key_deletion", params: { KeyId: keyId } },
      { op: "describe_key", params: { KeyId: keyId } },
    ]);
    expect(ok(scheduled)["PendingWindowInDays"]).toBe(30);
    const meta = metadata(described);
    expect(meta["DeletionDate"] as number).toBeCloseTo((meta["CreationDate"] as number) + 30 * DAY, -2);
  });

  it("takes only key ids and ARNs where AWS does", async () => {
    const keyId = await createKey();
    await kms([{ op: "create_alias", params: { AliasName: "alias/states-only", TargetKeyId: keyId } }]);
    const results = await kms(
      ["enable_key", "disable_key", "schedule_key_deletion", "cancel_key_deletion"].map((op) => ({ op, params: { KeyId: "alias/states-only" } })),
    );
    for (const r of results) expect(r).toEqual(error("NotFoundException", "Invalid keyId 'alias/states-only'"));
    expect(await kms([{ op: "disable_key", params: { KeyId: UNKNOWN } }])).toEqual([error("NotFoundException", `Key '${arnOf(UNKNOWN)}' does not exist`)]);
  });
});

describe("ListKeys", () => {
  it("pages through every key of the region in a stable order, and only that region's", async () => {
    const region = "ap-northeast-3";
    const created = await kms(Array.from({ length: 5 }, () => ({ op: "create_key", params: {} })), region);
    const ids = created.map((c) => metadata(c)["KeyId"] as string);
    const seen: string[] = [];
    let marker: string | undefined;
    for (let page = 0; page < 5; page++) {
      const [listed] = await kms([{ op: "list_keys", params: { Limit: 2, ...(marker === undefined ? {} : { Marker: marker }) } }], region);
      const out = ok(listed);
      const keys = out["Keys"] as { KeyId: string; KeyArn: string }[];
      for (const k of keys) expect(k.KeyArn).toBe(arnOf(k.KeyId, region));
      seen.push(...keys.map((k) => k.KeyId));
      if (out["Truncated"] !== true) {
        expect(out).not.toHaveProperty("NextMarker");
        break;
      }
      marker = out["NextMarker"] as string;
    }
    expect(seen).toEqual([...ids].sort());
    expect(await kms([{ op: "list_keys", params: { Marker: "not-a-marker" } }], region)).toEqual([
      error("InvalidMarkerException", "Invalid marker"),
    ]);
  });
});

describe("aliases", () => {
  it("creates, lists, re-points and deletes an alias", async () => {
    const first = await createKey();
    const second = await createKey();
    const r = await kms([
      { op: "create_alias", params: { AliasName: "alias/lifecycle", TargetKeyId: first } },
      { op: "list_aliases", params: { KeyId: first } },
      { op: "update_alias", params: { AliasName: "alias/lifecycle", TargetKeyId: arnOf(second) } },
      { op: "describe_key", params: { KeyId: "alias/lifecycle" } },
      { op: "list_aliases", params: { KeyId: first } },
      { op: "list_aliases", params: { KeyId: arnOf(second) } },
      { op: "delete_alias", params: { AliasName: "alias/lifecycle" } },
      { op: "describe_key", params: { KeyId: "alias/lifecycle" } },
      { op: "delete_alias", params: { AliasName: "alias/lifecycle" } },
      { op: "update_alias", params: { AliasName: "alias/lifecycle", TargetKeyId: first } },
    ]);
    expect(ok(r[0])).toEqual({});
    const [listed] = ok(r[1])["Aliases"] as Record<string, unknown>[];
    expect(listed).toEqual({
      AliasName: "alias/lifecycle",
      AliasArn: aliasArnOf("alias/lifecycle"),
      TargetKeyId: first,
      CreationDate: expect.any(Number),
      LastUpdatedDate: listed?.["CreationDate"],
    });
    expect(ok(r[2])).toEqual({});
    expect(metadata(r[3])["KeyId"]).toBe(second);
    expect(ok(r[4])).toEqual({ Aliases: [], Truncated: false });
    const [moved] = ok(r[5])["Aliases"] as Record<string, unknown>[];
    expect(moved).toMatchObject({ AliasName: "alias/lifecycle", TargetKeyId: second, CreationDate: listed?.["CreationDate"] });
    expect(moved?.["LastUpdatedDate"] as number).toBeGreaterThanOrEqual(listed?.["CreationDate"] as number);
    expect(ok(r[6])).toEqual({});
    const notFound = error("NotFoundException", `Alias ${aliasArnOf("alias/lifecycle")} is not found.`);
    expect(r.slice(7)).toEqual([notFound, notFound, notFound]);
  });

  it("refuses bad names, reserved names, duplicates, alias targets and keys pending deletion", async () => {
    const keyId = await createKey();
    const doomed = await createKey();
    await kms([
      { op: "create_alias", params: { AliasName: "alias/taken", TargetKeyId: keyId } },
      { op: "schedule_key_deletion", params: { KeyId: doomed, PendingWindowInDays: 7 } },
    ]);
    const results = await kms([
      { op: "create_alias", params: { AliasName: "no-prefix", TargetKeyId: keyId } },
      { op: "create_alias", params: { AliasName: "alias/aws/mine", TargetKeyId: keyId } },
      { op: "create_alias", params: { AliasName: "alias/taken", TargetKeyId: keyId } },
      { op: "create_alias", params: { AliasName: "alias/bad name", TargetKeyId: keyId } },
      { op: "create_alias", params: { AliasName: "alias/with:colon", TargetKeyId: keyId } },
      { op: "create_alias", params: { AliasName: "alias/to-alias", TargetKeyId: "alias/taken" } },
      { op: "create_alias", params: { AliasName: "alias/to-doomed", TargetKeyId: doomed } },
      { op: "update_alias", params: { AliasName: "alias/taken", TargetKeyId: doomed } },
      { op: "create_alias", params: { AliasName: "alias/to-unknown", TargetKeyId: UNKNOWN } },
    ]);
    expect(results).toEqual([
      error(
        "ValidationException",
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      ),
      error("NotAuthorizedException", ""),
      error("AlreadyExistsException", `An alias with the name ${aliasArnOf("alias/taken")} already exists`),
      error(
        "ValidationException",
        "1 validation error detected: Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      ),
      error("ValidationException", "alias/with:colon contains invalid characters for an alias"),
      error("ValidationException", "Aliases must refer to keys. Not aliases"),
      error("KMSInvalidStateException", `${arnOf(doomed)} is pending deletion.`),
      error("KMSInvalidStateException", `${arnOf(doomed)} is pending deletion.`),
      error("NotFoundException", `Key '${arnOf(UNKNOWN)}' does not exist`),
    ]);
  });

  it("pages ListAliases in name order", async () => {
    const region = "sa-east-1";
    const [created] = await kms([{ op: "create_key", params: {} }], region);
    const keyId = metadata(created)["KeyId"] as string;
    const names = ["alias/p-c", "alias/p-a", "alias/p-b"];
    await kms(names.map((AliasName) => ({ op: "create_alias", params: { AliasName, TargetKeyId: keyId } })), region);
    const [page1] = await kms([{ op: "list_aliases", params: { Limit: 2 } }], region);
    expect(ok(page1)).toMatchObject({ Truncated: true, NextMarker: "alias/p-b" });
    expect((ok(page1)["Aliases"] as { AliasName: string }[]).map((a) => a.AliasName)).toEqual(["alias/p-a", "alias/p-b"]);
    const [page2] = await kms([{ op: "list_aliases", params: { Limit: 2, Marker: "alias/p-b" } }], region);
    expect((ok(page2)["Aliases"] as { AliasName: string }[]).map((a) => a.AliasName)).toEqual(["alias/p-c"]);
    expect(ok(page2)).toMatchObject({ Truncated: false });
  });
});

describe("other clients", () => {
  it("serves the aws CLI", async () => {
    const created = await aws(server.url, ["kms", "create-key", "--description", "from the cli"]);
    expect(created.status).toBe(0);
    const keyId = (created.json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    expect((await aws(server.url, ["kms", "create-alias", "--alias-name", "alias/cli", "--target-key-id", keyId])).status).toBe(0);
    const described = await aws(server.url, ["kms", "describe-key", "--key-id", "alias/cli"]);
    expect(described.json).toMatchObject({ KeyMetadata: { KeyId: keyId, Description: "from the cli", KeyState: "Enabled" } });
    const missing = await aws(server.url, ["kms", "describe-key", "--key-id", "alias/cli-missing"]);
    expect(missing.status).not.toBe(0);
    // CLI v2 adds "(reached max retries: 0)" before the colon; v1 does not.
    expect(missing.stderr).toMatch(/An error occurred \(NotFoundException\) when calling the DescribeKey operation( \(reached max retries: 0\))?: /);
    expect(missing.stderr).toContain(`: Alias ${aliasArnOf("alias/cli-missing")} is not found.`);
  });

  it("serves SDK v3", async () => {
    const client = new KMSClient({
      endpoint: server.url,
      region: "us-east-1",
      credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });
    const created = await client.send(new CreateKeyCommand({ Description: "sdk" }));
    expect(created.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    const described = await client.send(new DescribeKeyCommand({ KeyId: created.KeyMetadata?.KeyId }));
    expect(described.KeyMetadata).toEqual(created.KeyMetadata);
    const listed = await client.send(new ListAliasesCommand({ KeyId: created.KeyMetadata?.Arn }));
    expect(listed.Aliases).toEqual([]);
    const failure = await client.send(new DescribeKeyCommand({ KeyId: "fake-key-id" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KMSServiceException);
    expect(failure).toMatchObject({ name: "NotFoundException", message: "Invalid keyId 'fake-key-id'" });
    client.destroy();
  });
});
