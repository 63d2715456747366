import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rootPrincipal } from "../../iam/principal.js";
import { systemClock } from "../../platform/clock.js";
import { systemRandom } from "../../platform/random.js";
import type { Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { KmsFailure } from "../ports.js";
import { KmsKeyStore } from "./key-store.js";
import { AWS_SSM_ALIAS, LocalKeyring } from "./keyring.js";
import { UNRESTRICTED_ACCESS } from "../access/unrestricted-access.case.js";

const caller = { region: "us-east-1", principal: rootPrincipal("111122223333", "AKIATEST"),
  // Root through SSM, whom the key policies of these tests let use every key.
  access: UNRESTRICTED_ACCESS,
  viaService: "ssm.us-east-1.amazonaws.com",
};
const context = { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/x" };

describe("LocalKeyring", () => {
  let dir: string;
  let storage: Storage;
  let rootKey: Buffer;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "keyring-"));
    storage = await openSqliteStorage({ file: join(dir, "db") });
    rootKey = randomBytes(32);
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates alias/aws/ssm once, even under concurrent first use", async () => {
    const keyring = new LocalKeyring(new KmsKeyStore(storage, rootKey, systemClock, systemRandom));
    const keys = await Promise.all(Array.from({ length: 8 }, () => keyring.generateDataKey(AWS_SSM_ALIAS, context, caller)));
    expect(new Set(keys.map((k) => k.keyArn)).size).toBe(1);
    expect(keys[0]?.keyArn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/);
    const stored = await storage.read((tx) => tx.aliasTarget("us-east-1", AWS_SSM_ALIAS));
    const record = await storage.read((tx) => tx.kmsKey("us-east-1", stored ?? ""));
    expect(record?.keyManager).toBe("AWS");
    expect(Buffer.from(record?.materials[0] ?? []).length).toBeGreaterThan(32);
  });

  it("unwraps a data key only with the same context, region and root key", async () => {
    const keyring = new LocalKeyring(new KmsKeyStore(storage, rootKey, systemClock, systemRandom));
    const dk = await keyring.generateDataKey(AWS_SSM_ALIAS, context, caller);
    const again = await keyring.decryptDataKey(dk.blob, context, caller);
    expect(again.plaintext.equals(dk.plaintext)).toBe(true);
    await expect(keyring.decryptDataKey(dk.blob, { PARAMETER_ARN: "other" }, caller)).rejects.toMatchObject({ kmsCode: "InvalidCiphertextException" });
    await expect(keyring.decryptDataKey(dk.blob, context, { ...caller, region: "eu-west-1" })).rejects.toBeInstanceOf(KmsFailure);
    const otherRoot = new LocalKeyring(new KmsKeyStore(storage, randomBytes(32), systemClock, systemRandom));
    await expect(otherRoot.decryptDataKey(dk.blob, context, caller)).rejects.toThrow(/root key/);
  });

  it("reports unknown keys with KMS's texts", async () => {
    const keyring = new LocalKeyring(new KmsKeyStore(storage, rootKey, systemClock, systemRandom));
    await expect(keyring.generateDataKey("alias/nope", context, caller)).rejects.toMatchObject({
      kmsCode: "NotFoundException",
      message: "Alias arn:aws:kms:us-east-1:111122223333:alias/nope is not found.",
    });
    await expect(keyring.generateDataKey("1234abcd-12ab-34cd-56ef-1234567890ab", context, caller)).rejects.toMatchObject({
      message: "Key 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist",
    });
    await expect(keyring.generateDataKey("fake-key-id", context, caller)).rejects.toMatchObject({ message: "Invalid keyId 'fake-key-id'" });
  });
});
