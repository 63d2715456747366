import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rootPrincipal } from "../../iam/principal.js";
import { systemRandom } from "../../platform/random.js";
import type { Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import type { OperationContext } from "../operation.js";
import { rotateDueKeys } from "./key-rotation.js";
import { KmsKeyStore } from "./key-store.js";
import { LocalKeyring } from "./keyring.js";
import { CreateKey } from "./operations/create-key.js";
import { DescribeKey } from "./operations/describe-key.js";
import { DisableKey } from "./operations/disable-key.js";
import { DisableKeyRotation } from "./operations/disable-key-rotation.js";
import { EnableKey } from "./operations/enable-key.js";
import { EnableKeyRotation } from "./operations/enable-key-rotation.js";
import { GetKeyRotationStatus } from "./operations/get-key-rotation-status.js";
import { ListKeyRotations } from "./operations/list-key-rotations.js";
import { RotateKeyOnDemand } from "./operations/rotate-key-on-demand.js";
import { UNRESTRICTED_ACCESS } from "../access/unrestricted-access.case.js";

const principal = rootPrincipal("111122223333", "AKIATEST");
const caller = { region: "us-east-1", principal,
  // Root through SSM, whom the key policies of these tests let use every key.
  access: UNRESTRICTED_ACCESS,
  viaService: "ssm.us-east-1.amazonaws.com",
};
const context = { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/x" };
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2024, 0, 1, 12);

describe("key rotation", () => {
  let dir: string;
  let storage: Storage;
  let now: number;
  let keys: KmsKeyStore;
  let keyring: LocalKeyring;
  let cx: OperationContext;
  const rootKey = randomBytes(32);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "key-rotation-"));
    storage = await openSqliteStorage({ file: join(dir, "db") });
    now = START;
    const clock = { now: () => new Date(now) };
    keys = new KmsKeyStore(storage, rootKey, clock, systemRandom);
    keyring = new LocalKeyring(keys);
    cx = {
      requestId: "r",
      region: "us-east-1",
      accountId: "111122223333",
      partition: "aws",
      caller: principal,
      ports: { storage, keyring, clock, random: systemRandom, tokenKey: Buffer.alloc(32), credentialSealer: { seal: () => { throw new Error("unused"); }, open: () => undefined } },
      // Root, whom no policy here restricts.
      access: UNRESTRICTED_ACCESS,
    };
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newKey(): Promise<string> {
    return (await CreateKey.run({}, cx, keys)).KeyMetadata?.KeyId ?? "";
  }
  const materialId = async (keyId: string): Promise<string | undefined> =>
    (await DescribeKey.run({ KeyId: keyId }, cx, keys)).KeyMetadata?.CurrentKeyMaterialId;

  it("encrypts under the new material after an on-demand rotation and still opens the old ciphertext", async () => {
    const keyId = await newKey();
    const before = await keyring.generateDataKey(keyId, context, caller);
    const firstMaterial = await materialId(keyId);
    expect(await RotateKeyOnDemand.run({ KeyId: keyId }, cx, keys)).toEqual({ KeyId: before.keyArn });
    const secondMaterial = await materialId(keyId);
    expect(secondMaterial).toMatch(/^[0-9a-f]{64}$/);
    expect(secondMaterial).not.toBe(firstMaterial);

    const after = await keyring.generateDataKey(keyId, context, caller);
    expect((await keys.keyOfBlob(after.blob, { region: "us-east-1", account: "111122223333" })).materialVersion).toBe(2);
    expect((await keyring.decryptDataKey(before.blob, context, caller)).plaintext).toEqual(before.plaintext);
    expect((await keyring.decryptDataKey(after.blob, context, caller)).plaintext).toEqual(after.plaintext);
  });

  it("opens ciphertext made under material another node added after this one cached the key", async () => {
    const keyId = await newKey();
    await keyring.decryptDataKey((await keyring.generateDataKey(keyId, context, caller)).blob, context, caller);
    const otherNode = new KmsKeyStore(storage, rootKey, { now: () => new Date(now) }, systemRandom);
    await RotateKeyOnDemand.run({ KeyId: keyId }, cx, otherNode);
    const fresh = await new LocalKeyring(otherNode).generateDataKey(keyId, context, caller);
    expect((await keyring.decryptDataKey(fresh.blob, context, caller)).plaintext).toEqual(fresh.plaintext);
  });

  it("allows 25 on-demand rotations per key, then LimitExceededException", async () => {
    const keyId = await newKey();
    for (let i = 0; i < 25; i++) await RotateKeyOnDemand.run({ KeyId: keyId }, cx, keys);
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
    await expect(RotateKeyOnDemand.run({ KeyId: keyId }, cx, keys)).rejects.toMatchObject({
      kmsCode: "LimitExceededException",
      message: `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
    });
    const listed = await ListKeyRotations.run({ KeyId: keyId, Limit: 10 }, cx, keys);
    expect(listed.Rotations).toHaveLength(10);
    expect(listed).toMatchObject({ Truncated: true, NextMarker: "11" });
    const rest = await ListKeyRotations.run({ KeyId: keyId, Limit: 100, Marker: "22" }, cx, keys);
    // 25 rotations made material versions 2 to 26; after 22 come 23 to 26.
    expect(rest.Rotations?.map((r) => r.KeyMaterialState)).toEqual(["NON_CURRENT", "NON_CURRENT", "NON_CURRENT", "CURRENT"]);
    expect(rest.Truncated).toBe(false);
    expect(rest).not.toHaveProperty("NextMarker");
  });

  it("rotates automatically when due, moves the schedule on, and lists the rotation as AUTOMATIC", async () => {
    const keyId = await newKey();
    await EnableKeyRotation.run({ KeyId: keyId, RotationPeriodInDays: 90 }, cx, keys);
    const status = await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys);
    expect(status).toEqual({ KeyRotationEnabled: true, KeyId: keyId, RotationPeriodInDays: 90, NextRotationDate: (START + 90 * DAY) / 1000 });
    const old = await keyring.generateDataKey(keyId, context, caller);

    now = START + 90 * DAY - 1;
    expect(await rotateDueKeys(keys)).toBe(0);
    now = START + 90 * DAY;
    expect(await rotateDueKeys(keys)).toBe(1);
    expect(await rotateDueKeys(keys)).toBe(0);

    expect((await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys)).NextRotationDate).toBe((START + 180 * DAY) / 1000);
    const rotations = await ListKeyRotations.run({ KeyId: keyId }, cx, keys);
    expect(rotations.Rotations).toEqual([
      expect.objectContaining({ KeyId: keyId, RotationDate: now / 1000, RotationType: "AUTOMATIC", KeyMaterialState: "CURRENT" }),
    ]);
    expect(rotations.Rotations?.[0]?.KeyMaterialId).toBe(await materialId(keyId));
    expect((await keyring.decryptDataKey(old.blob, context, caller)).plaintext).toEqual(old.plaintext);
  });

  it("lets a disabled key wait and rotates it once enabled again; a long stop gives one rotation, not a burst", async () => {
    const keyId = await newKey();
    await EnableKeyRotation.run({ KeyId: keyId, RotationPeriodInDays: 90 }, cx, keys);
    await DisableKey.run({ KeyId: keyId }, cx, keys);
    now = START + 400 * DAY;
    expect(await rotateDueKeys(keys)).toBe(0);
    await EnableKey.run({ KeyId: keyId }, cx, keys);
    expect(await rotateDueKeys(keys)).toBe(1);
    expect(await rotateDueKeys(keys)).toBe(0);
    expect((await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys)).NextRotationDate).toBe((now + 90 * DAY) / 1000);
  });

  it("reports rotation off for a new customer key and after DisableKeyRotation; on for alias/aws/ssm", async () => {
    const keyId = await newKey();
    expect(await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys)).toEqual({ KeyRotationEnabled: false, KeyId: keyId });
    await EnableKeyRotation.run({ KeyId: keyId }, cx, keys);
    expect((await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys)).RotationPeriodInDays).toBe(365);
    await DisableKeyRotation.run({ KeyId: keyId }, cx, keys);
    now += 400 * DAY;
    expect(await rotateDueKeys(keys)).toBe(0);
    expect(await GetKeyRotationStatus.run({ KeyId: keyId }, cx, keys)).toEqual({ KeyRotationEnabled: false, KeyId: keyId });

    const ssmKey = (await DescribeKey.run({ KeyId: "alias/aws/ssm" }, cx, keys)).KeyMetadata?.KeyId ?? "";
    expect(await GetKeyRotationStatus.run({ KeyId: ssmKey }, cx, keys)).toEqual({
      KeyRotationEnabled: true,
      KeyId: ssmKey,
      RotationPeriodInDays: 365,
      NextRotationDate: (now + 365 * DAY) / 1000,
    });
  });

  it("refuses rotation changes on a disabled key and on the AWS managed key", async () => {
    const keyId = await newKey();
    await DisableKey.run({ KeyId: keyId }, cx, keys);
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
    for (const op of [EnableKeyRotation, DisableKeyRotation, RotateKeyOnDemand]) {
      await expect(op.run({ KeyId: keyId }, cx, keys)).rejects.toMatchObject({ kmsCode: "DisabledException", message: `${arn} is disabled.` });
    }
    const ssmKey = (await DescribeKey.run({ KeyId: "alias/aws/ssm" }, cx, keys)).KeyMetadata?.Arn ?? "";
    await expect(RotateKeyOnDemand.run({ KeyId: ssmKey }, cx, keys)).rejects.toMatchObject({ kmsCode: "AccessDeniedException" });
  });
});
