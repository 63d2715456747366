import { EnableKeyRotationCommand, GetKeyRotationStatusCommand, KMSClient, ListKeyRotationsCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// Key rotation (kms.md §7.6): new material for new data, every older ciphertext — KMS blobs and
// SecureStrings — still opens, across a restart; schedules, limits and key states (§4.2).
const arnOf = (keyId: string): string => `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/${keyId}`;
const bytes = (base64: string) => ({ $base64: base64 });
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });
const DAY_S = 24 * 60 * 60;

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
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
async function newKey(params: Record<string, unknown> = {}): Promise<string> {
  const [created] = await kms([{ op: "create_key", params }]);
  return (ok(created)["KeyMetadata"] as { KeyId: string }).KeyId;
}
const materialOf = (r: Boto3Result | undefined): unknown => (ok(r)["KeyMetadata"] as { CurrentKeyMaterialId: string }).CurrentKeyMaterialId;
const get = (Name: string) => ({ op: "get_parameter", params: { Name, WithDecryption: true } });
const valueOf = (r: Boto3Result | undefined): unknown => (ok(r)["Parameter"] as { Value: string }).Value;
const sdk = (): KMSClient =>
  new KMSClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });

describe("RotateKeyOnDemand", () => {
  it("writes new data under new material while old SecureStrings and blobs still open, also after a restart", async () => {
    const keyId = await newKey({ Description: "rotating" });
    await kms([{ op: "create_alias", params: { AliasName: "alias/rotating", TargetKeyId: keyId } }]);
    const put = (Name: string, Value: string) => ({ op: "put_parameter", params: { Name, Value, Type: "SecureString", KeyId: "alias/rotating" } });
    const [oldPut, oldAdvanced] = await ssm([
      put("/rot/old", "before rotation"),
      { op: "put_parameter", params: { Name: "/rot/old-adv", Value: "x".repeat(5000), Type: "SecureString", KeyId: keyId, Tier: "Advanced" } },
    ]);
    expect(ok(oldPut)).toMatchObject({ Version: 1 });
    expect(ok(oldAdvanced)).toMatchObject({ Tier: "Advanced" });
    const [described, encrypted] = await kms([
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "encrypt", params: { KeyId: keyId, Plaintext: "old blob", EncryptionContext: { app: "rot" } } },
    ]);
    const oldMaterial = materialOf(described);
    const oldBlob = ok(encrypted)["CiphertextBlob"] as string;

    const [rotated, after, newEncrypted] = await kms([
      { op: "rotate_key_on_demand", params: { KeyId: keyId } },
      { op: "describe_key", params: { KeyId: "alias/rotating" } },
      { op: "encrypt", params: { KeyId: keyId, Plaintext: "new blob" } },
    ]);
    expect(ok(rotated)).toEqual({ KeyId: arnOf(keyId) });
    const newMaterial = materialOf(after);
    expect(newMaterial).toMatch(/^[0-9a-f]{64}$/);
    expect(newMaterial).not.toBe(oldMaterial);
    const newBlob = ok(newEncrypted)["CiphertextBlob"] as string;
    expect(ok((await ssm([put("/rot/new", "after rotation")]))[0])).toMatchObject({ Version: 1 });

    const check = async (): Promise<void> => {
      const [oldDecrypted, newDecrypted] = await kms([
        { op: "decrypt", params: { CiphertextBlob: bytes(oldBlob), EncryptionContext: { app: "rot" } } },
        { op: "decrypt", params: { CiphertextBlob: bytes(newBlob) } },
      ]);
      expect(ok(oldDecrypted)).toMatchObject({ Plaintext: Buffer.from("old blob").toString("base64"), KeyMaterialId: oldMaterial });
      expect(ok(newDecrypted)).toMatchObject({ Plaintext: Buffer.from("new blob").toString("base64"), KeyMaterialId: newMaterial });
      const reads = await ssm([get("/rot/old"), get("/rot/old-adv"), get("/rot/new")]);
      expect(reads.map(valueOf)).toEqual(["before rotation", "x".repeat(5000), "after rotation"]);
    };
    await check();

    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    await check();
    const [afterRestart] = await kms([{ op: "describe_key", params: { KeyId: keyId } }]);
    expect(materialOf(afterRestart)).toBe(newMaterial);
  });

  it("lists each rotation, pages through them, and stops at 25 per key", async () => {
    const keyId = await newKey();
    const rotations = await kms(Array.from({ length: 26 }, () => ({ op: "rotate_key_on_demand", params: { KeyId: keyId } })));
    for (const r of rotations.slice(0, 25)) expect(ok(r)).toEqual({ KeyId: arnOf(keyId) });
    expect(rotations[25]).toEqual(
      error(
        "LimitExceededException",
        `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arnOf(keyId)}`,
      ),
    );
    const first = await sdk().send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 20 }));
    expect(first.Rotations).toHaveLength(20);
    expect(first.Rotations?.[0]).toMatchObject({ KeyId: keyId, RotationType: "ON_DEMAND", RotationDate: expect.any(Date) });
    expect(first.Truncated).toBe(true);
    const rest = await sdk().send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 20, Marker: first.NextMarker ?? "" }));
    expect(rest.Rotations).toHaveLength(5);
    expect(rest.Truncated).toBe(false);
    expect(rest.NextMarker).toBeUndefined();
    const [badMarker] = await kms([{ op: "list_key_rotations", params: { KeyId: keyId, Marker: "nonsense" } }]);
    expect(badMarker).toMatchObject({ error: { code: "InvalidMarkerException", status: 400 } });
  });
});

describe("automatic rotation settings", () => {
  it("enables with a period, reports it, and disables", async () => {
    const keyId = await newKey();
    const [initially, enabled, status, enabledDefault, statusDefault, disabled, statusOff] = await kms([
      { op: "get_key_rotation_status", params: { KeyId: keyId } },
      { op: "enable_key_rotation", params: { KeyId: keyId, RotationPeriodInDays: 90 } },
      { op: "get_key_rotation_status", params: { KeyId: arnOf(keyId) } },
      { op: "enable_key_rotation", params: { KeyId: keyId } },
      { op: "get_key_rotation_status", params: { KeyId: keyId } },
      { op: "disable_key_rotation", params: { KeyId: keyId } },
      { op: "get_key_rotation_status", params: { KeyId: keyId } },
    ]);
    expect(ok(initially)).toEqual({ KeyRotationEnabled: false, KeyId: keyId });
    expect(ok(enabled)).toEqual({});
    expect(ok(status)).toEqual({ KeyRotationEnabled: true, KeyId: keyId, RotationPeriodInDays: 90, NextRotationDate: expect.any(Number) });
    const next90 = ok(status)["NextRotationDate"] as number;
    expect(Math.abs(next90 - (Date.now() / 1000 + 90 * DAY_S))).toBeLessThan(DAY_S);
    expect(ok(enabledDefault)).toEqual({});
    expect(ok(statusDefault)).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(ok(disabled)).toEqual({});
    expect(ok(statusOff)).toEqual({ KeyRotationEnabled: false, KeyId: keyId });
  });

  it("rejects periods outside 90–2560 days and aliases where only key ids are accepted", async () => {
    const keyId = await newKey();
    await kms([{ op: "create_alias", params: { AliasName: "alias/no-rotation-by-alias", TargetKeyId: keyId } }]);
    // botocore checks the minimum itself; SDK v3 sends whatever it is given.
    await expect(sdk().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 89 }))).rejects.toMatchObject({
      name: "ValidationException",
      message:
        "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
      $metadata: { httpStatusCode: 400 },
    });
    const results = await kms([
      { op: "enable_key_rotation", params: { KeyId: keyId, RotationPeriodInDays: 2561 } },
      { op: "enable_key_rotation", params: { KeyId: "alias/no-rotation-by-alias" } },
      { op: "get_key_rotation_status", params: { KeyId: "alias/no-rotation-by-alias" } },
      { op: "rotate_key_on_demand", params: { KeyId: "00000000-0000-4000-8000-000000000000" } },
    ]);
    expect(results).toEqual([
      error(
        "ValidationException",
        "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
      ),
      error("NotFoundException", "Invalid keyId 'alias/no-rotation-by-alias'"),
      error("NotFoundException", "Invalid keyId 'alias/no-rotation-by-alias'"),
      error("NotFoundException", `Key '${arnOf("00000000-0000-4000-8000-000000000000")}' does not exist`),
    ]);
  });

  it("follows the key-state table: disabled and pending-deletion keys refuse changes, status always answers", async () => {
    const keyId = await newKey();
    await kms([{ op: "disable_key", params: { KeyId: keyId } }]);
    const ops = ["enable_key_rotation", "disable_key_rotation", "rotate_key_on_demand"];
    const whileDisabled = await kms([...ops.map((op) => ({ op, params: { KeyId: keyId } })), { op: "get_key_rotation_status", params: { KeyId: keyId } }]);
    expect(whileDisabled.slice(0, 3)).toEqual(ops.map(() => error("DisabledException", `${arnOf(keyId)} is disabled.`)));
    expect(ok(whileDisabled[3])).toEqual({ KeyRotationEnabled: false, KeyId: keyId });

    await kms([{ op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 7 } }]);
    const whilePending = await kms([
      ...ops.map((op) => ({ op, params: { KeyId: keyId } })),
      { op: "get_key_rotation_status", params: { KeyId: keyId } },
      { op: "list_key_rotations", params: { KeyId: keyId } },
    ]);
    expect(whilePending.slice(0, 3)).toEqual(ops.map(() => error("KMSInvalidStateException", `${arnOf(keyId)} is pending deletion.`)));
    expect(ok(whilePending[3])).toEqual({ KeyRotationEnabled: false, KeyId: keyId });
    expect(ok(whilePending[4])).toEqual({ Rotations: [], Truncated: false });
  });

  it("reports alias/aws/ssm as always rotating, yearly, and refuses to change it", async () => {
    const [described] = await kms([{ op: "describe_key", params: { KeyId: "alias/aws/ssm" } }]);
    const ssmKey = (ok(described)["KeyMetadata"] as { KeyId: string }).KeyId;
    const status = await sdk().send(new GetKeyRotationStatusCommand({ KeyId: ssmKey }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, KeyId: ssmKey, RotationPeriodInDays: 365, NextRotationDate: expect.any(Date) });
    const cli = await aws(server.url, ["kms", "get-key-rotation-status", "--key-id", arnOf(ssmKey)]);
    expect(cli.json).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    const [disable] = await kms([{ op: "disable_key_rotation", params: { KeyId: ssmKey } }]);
    expect(disable).toMatchObject({ error: { code: "AccessDeniedException", status: 400 } });
  });
});
