import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rootPrincipal } from "../../iam/principal.js";
import { systemRandom } from "../../platform/random.js";
import type { Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import type { OperationContext } from "../operation.js";
import { KmsKeyStore } from "./key-store.js";
import { LocalKeyring } from "./keyring.js";
import { CancelKeyDeletion } from "./operations/cancel-key-deletion.js";
import { CreateKey } from "./operations/create-key.js";
import { DisableKey } from "./operations/disable-key.js";
import { EnableKey } from "./operations/enable-key.js";
import { ScheduleKeyDeletion } from "./operations/schedule-key-deletion.js";
import { CreateAlias } from "./operations/create-alias.js";
import { ListKeys } from "./operations/list-keys.js";
import { UNRESTRICTED_ACCESS } from "../access/unrestricted-access.case.js";

const principal = rootPrincipal("111122223333", "AKIATEST");
const caller = {
  region: "us-east-1",
  principal,
  // Root through SSM, whom the key policies of these tests let use every key.
  access: UNRESTRICTED_ACCESS,
  viaService: "ssm.us-east-1.amazonaws.com",
};
const context = { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/x" };
const DAY = 24 * 60 * 60 * 1000;

describe("KmsKeyStore shared by KMS and the SSM keyring", () => {
  let dir: string;
  let storage: Storage;
  let now: number;
  let keys: KmsKeyStore;
  let keyring: LocalKeyring;
  let cx: OperationContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "key-store-"));
    storage = await openSqliteStorage({ file: join(dir, "db") });
    now = Date.UTC(2015, 0, 1, 12);
    // The clock stands still unless a test moves it: cached records never expire on their own here.
    keys = new KmsKeyStore(storage, randomBytes(32), { now: () => new Date(now) }, systemRandom);
    keyring = new LocalKeyring(keys);
    cx = {
      requestId: "r",
      region: "us-east-1",
      accountId: "111122223333",
      partition: "aws",
      caller: principal,
      ports: { storage, keyring, clock: { now: () => new Date(now) }, random: systemRandom, tokenKey: Buffer.alloc(32), credentialSealer: { seal: () => { throw new Error("unused"); }, open: () => undefined } },
      // Root, whom no policy here restricts.
      access: UNRESTRICTED_ACCESS,
    };
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newKey(): Promise<string> {
    const out = await CreateKey.run({}, cx, keys);
    return out.KeyMetadata?.KeyId ?? "";
  }

  it("sees DisableKey, EnableKey and deletion scheduling at once, despite the record cache", async () => {
    const keyId = await newKey();
    const dk = await keyring.generateDataKey(keyId, context, caller);
    await keyring.decryptDataKey(dk.blob, context, caller);
    await DisableKey.run({ KeyId: keyId }, cx, keys);
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "DisabledException" });
    await EnableKey.run({ KeyId: keyId }, cx, keys);
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).resolves.toMatchObject({ keyArn: dk.keyArn });
    await ScheduleKeyDeletion.run({ KeyId: keyId, PendingWindowInDays: 7 }, cx, keys);
    await expect(keyring.generateDataKey(keyId, context, caller)).rejects.toMatchObject({
      kmsCode: "KMSInvalidStateException",
      message: `${dk.keyArn} is pending deletion.`,
    });
    await CancelKeyDeletion.run({ KeyId: keyId }, cx, keys);
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "DisabledException" });
  });

  it("deletes a key pending deletion once its DeletionDate passes, with its aliases", async () => {
    const keyId = await newKey();
    await CreateAlias.run({ AliasName: "alias/doomed", TargetKeyId: keyId }, cx, keys);
    const dk = await keyring.generateDataKey("alias/doomed", context, caller);
    const scheduled = await ScheduleKeyDeletion.run({ KeyId: keyId, PendingWindowInDays: 7 }, cx, keys);
    expect(scheduled.DeletionDate).toBe(Date.UTC(2015, 0, 8, 12) / 1000);
    now += 7 * DAY - 1;
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "KMSInvalidStateException" });
    now += 1;
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "InvalidCiphertextException" });
    await expect(keyring.generateDataKey(keyId, context, caller)).rejects.toMatchObject({
      message: `Key '${dk.keyArn}' does not exist`,
    });
    expect(await storage.read((tx) => tx.kmsKey("us-east-1", keyId))).toBeUndefined();
    expect(await storage.read((tx) => tx.aliasTarget("us-east-1", "alias/doomed"))).toBeUndefined();
  });

  it("sweeps keys that fell due without anyone looking them up, and only those", async () => {
    const doomed = await newKey();
    const later = await newKey();
    const kept = await newKey();
    await CreateAlias.run({ AliasName: "alias/swept", TargetKeyId: doomed }, cx, keys);
    await ScheduleKeyDeletion.run({ KeyId: doomed, PendingWindowInDays: 7 }, cx, keys);
    await ScheduleKeyDeletion.run({ KeyId: later, PendingWindowInDays: 8 }, cx, keys);
    expect(await keys.deleteDueKeys()).toBe(0);
    now += 7 * DAY;
    expect(await keys.deleteDueKeys()).toBe(1);
    const listed = await ListKeys.run({}, cx, keys);
    expect(listed.Keys?.map((k) => k.KeyId).sort()).toEqual([later, kept].sort());
    expect(await storage.read((tx) => tx.aliasTarget("us-east-1", "alias/swept"))).toBeUndefined();
    expect(await keys.deleteDueKeys()).toBe(0);
  });

  it("unwraps a hot data key once, yet checks the key's state on every read", async () => {
    const keyId = await newKey();
    const dk = await keyring.generateDataKey(keyId, context, caller);
    const opens = vi.spyOn(keys, "open");
    for (let i = 0; i < 3; i++) {
      const read = await keyring.decryptDataKey(dk.blob, context, caller);
      expect(read.plaintext.equals(dk.plaintext)).toBe(true);
      read.plaintext.fill(0); // as SSM does after each read: must not reach the cached copy
    }
    expect(opens).toHaveBeenCalledTimes(1);

    await expect(keyring.decryptDataKey(dk.blob, { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/y" }, caller)).rejects.toMatchObject({
      kmsCode: "InvalidCiphertextException",
    });
    await DisableKey.run({ KeyId: keyId }, cx, keys);
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "DisabledException" });
    await EnableKey.run({ KeyId: keyId }, cx, keys);
    expect((await keyring.decryptDataKey(dk.blob, context, caller)).plaintext.equals(dk.plaintext)).toBe(true);
    await ScheduleKeyDeletion.run({ KeyId: keyId, PendingWindowInDays: 7 }, cx, keys);
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({
      kmsCode: "KMSInvalidStateException",
      message: `${dk.keyArn} is pending deletion.`,
    });
    now += 7 * DAY;
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "InvalidCiphertextException" });
    // The hot key was unwrapped once; the one other open is the wrong-context attempt, which failed.
    expect(opens).toHaveBeenCalledTimes(2);
  });

  it("refuses a cached data key once a change made on another node is seen (within the 1 s record cache)", async () => {
    const keyId = await newKey();
    const dk = await keyring.generateDataKey(keyId, context, caller);
    await keyring.decryptDataKey(dk.blob, context, caller);
    const otherNode = new KmsKeyStore(storage, randomBytes(32), { now: () => new Date(now) }, systemRandom);
    await DisableKey.run({ KeyId: keyId }, cx, otherNode);
    now += 1000;
    await expect(keyring.decryptDataKey(dk.blob, context, caller)).rejects.toMatchObject({ kmsCode: "DisabledException" });
  });
});
