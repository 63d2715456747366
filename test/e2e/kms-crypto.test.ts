import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom (kms.md §7).
const arnOf = (keyId: string): string => `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/${keyId}`;
const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");
const bytes = (base64: string) => ({ $base64: base64 });

let server: ServerHandle;
let keyA: string;
let keyB: string;
beforeAll(async () => {
  server = await startServer();
  const [a, b] = await kms([
    { op: "create_key", params: {} },
    { op: "create_key", params: {} },
  ]);
  keyA = (ok(a)["KeyMetadata"] as { KeyId: string }).KeyId;
  keyB = (ok(b)["KeyMetadata"] as { KeyId: string }).KeyId;
  await kms([{ op: "create_alias", params: { AliasName: "alias/crypto-a", TargetKeyId: keyA } }]);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

function kms(calls: readonly Boto3Call[]): Promise<Boto3Result[]> {
  return boto3(server.url, calls, { service: "kms" });
}
function ok(r: Boto3Result | undefined): Record<string, unknown> {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
}
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });
const BARE_INVALID_CIPHERTEXT = { error: { code: "InvalidCiphertextException", message: "", status: 400 } };

describe("Encrypt and Decrypt", () => {
  it("round-trips under every key spelling, always naming the key by ARN", async () => {
    const refs = [keyA, arnOf(keyA), "alias/crypto-a", `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:alias/crypto-a`];
    const encrypted = await kms(refs.map((KeyId) => ({ op: "encrypt", params: { KeyId, Plaintext: "secret text" } })));
    const blobs = encrypted.map((e) => ok(e)["CiphertextBlob"] as string);
    for (const e of encrypted) expect(ok(e)).toEqual({ CiphertextBlob: expect.any(String), KeyId: arnOf(keyA), EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
    expect(new Set(blobs).size).toBe(blobs.length);
    expect(Buffer.from(blobs[0] ?? "", "base64").length).toBeLessThan(200);
    const decrypted = await kms(blobs.map((b) => ({ op: "decrypt", params: { CiphertextBlob: bytes(b) } })));
    for (const d of decrypted) {
      expect(ok(d)).toEqual({
        KeyId: arnOf(keyA),
        Plaintext: b64("secret text"),
        EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
  });

  it("opens only with exactly the encryption context it was sealed with", async () => {
    const context = { app: "billing", stage: "prod" };
    const [sealed] = await kms([{ op: "encrypt", params: { KeyId: keyA, Plaintext: "ctx", EncryptionContext: context } }]);
    const blob = bytes(ok(sealed)["CiphertextBlob"] as string);
    const results = await kms([
      { op: "decrypt", params: { CiphertextBlob: blob, EncryptionContext: { stage: "prod", app: "billing" } } },
      { op: "decrypt", params: { CiphertextBlob: blob } },
      { op: "decrypt", params: { CiphertextBlob: blob, EncryptionContext: { app: "billing" } } },
      { op: "decrypt", params: { CiphertextBlob: blob, EncryptionContext: { ...context, extra: "x" } } },
      { op: "decrypt", params: { CiphertextBlob: blob, EncryptionContext: { app: "Billing", stage: "prod" } } },
    ]);
    expect(ok(results[0])["Plaintext"]).toBe(b64("ctx"));
    for (const r of results.slice(1)) expect(r).toEqual(BARE_INVALID_CIPHERTEXT);
  });

  it("refuses tampered and foreign blobs, and a KeyId naming another key", async () => {
    const [sealed] = await kms([{ op: "encrypt", params: { KeyId: keyA, Plaintext: "x" } }]);
    const blob = Buffer.from(ok(sealed)["CiphertextBlob"] as string, "base64");
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    const results = await kms([
      { op: "decrypt", params: { CiphertextBlob: bytes(flipped.toString("base64")) } },
      { op: "decrypt", params: { CiphertextBlob: bytes(blob.subarray(0, 30).toString("base64")) } },
      { op: "decrypt", params: { CiphertextBlob: bytes(Buffer.from("not a kms blob at all").toString("base64")) } },
      { op: "decrypt", params: { CiphertextBlob: bytes(blob.toString("base64")), KeyId: keyB } },
      { op: "decrypt", params: { CiphertextBlob: bytes(blob.toString("base64")), KeyId: "alias/crypto-a" } },
    ]);
    expect(results.slice(0, 3)).toEqual([BARE_INVALID_CIPHERTEXT, BARE_INVALID_CIPHERTEXT, BARE_INVALID_CIPHERTEXT]);
    expect(results[3]).toEqual(
      error("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation."),
    );
    expect(ok(results[4])["Plaintext"]).toBe(b64("x"));
  });

  it("enforces the plaintext length on the decoded bytes", async () => {
    const results = await kms([
      { op: "encrypt", params: { KeyId: keyA, Plaintext: bytes(Buffer.alloc(4096, 7).toString("base64")) } },
      { op: "encrypt", params: { KeyId: keyA, Plaintext: bytes(Buffer.alloc(4097, 7).toString("base64")) } },
      { op: "encrypt", params: { KeyId: keyA, Plaintext: "" } },
    ]);
    expect(Buffer.from(ok(results[0])["CiphertextBlob"] as string, "base64").length).toBeLessThanOrEqual(6144);
    expect(results.slice(1)).toEqual([
      error("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"),
      error("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    ]);
  });

  it("refuses disabled keys and keys pending deletion, and decrypts again once re-enabled", async () => {
    const [created] = await kms([{ op: "create_key", params: {} }]);
    const keyId = (ok(created)["KeyMetadata"] as { KeyId: string }).KeyId;
    const [sealed] = await kms([{ op: "encrypt", params: { KeyId: keyId, Plaintext: "state" } }]);
    const blob = bytes(ok(sealed)["CiphertextBlob"] as string);
    const disabled = error("DisabledException", `${arnOf(keyId)} is disabled.`);
    const pending = error("KMSInvalidStateException", `${arnOf(keyId)} is pending deletion.`);
    const r = await kms([
      { op: "disable_key", params: { KeyId: keyId } },
      { op: "encrypt", params: { KeyId: keyId, Plaintext: "x" } },
      { op: "decrypt", params: { CiphertextBlob: blob } },
      { op: "generate_data_key", params: { KeyId: keyId, KeySpec: "AES_256" } },
      { op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 7 } },
      { op: "decrypt", params: { CiphertextBlob: blob } },
      { op: "re_encrypt", params: { CiphertextBlob: blob, DestinationKeyId: keyA } },
      { op: "cancel_key_deletion", params: { KeyId: keyId } },
      { op: "enable_key", params: { KeyId: keyId } },
      { op: "decrypt", params: { CiphertextBlob: blob } },
    ]);
    expect(r.slice(1, 4)).toEqual([disabled, disabled, disabled]);
    expect(r.slice(5, 7)).toEqual([pending, pending]);
    expect(ok(r[9])["Plaintext"]).toBe(b64("state"));
  });

  it("answers DryRun after every check passes", async () => {
    const results = await kms([
      { op: "encrypt", params: { KeyId: keyA, Plaintext: "x", DryRun: true } },
      { op: "encrypt", params: { KeyId: "alias/none", Plaintext: "x", DryRun: true } },
    ]);
    expect(results).toEqual([
      error("DryRunOperationException", "The request would have succeeded, but the DryRun option is set."),
      error("NotFoundException", `Alias arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:alias/none is not found.`),
    ]);
  });
});

describe("ReEncrypt", () => {
  it("moves a ciphertext to another key and context", async () => {
    const [sealed] = await kms([{ op: "encrypt", params: { KeyId: keyA, Plaintext: "move me", EncryptionContext: { from: "a" } } }]);
    const blob = bytes(ok(sealed)["CiphertextBlob"] as string);
    const [moved, wrongSource] = await kms([
      {
        op: "re_encrypt",
        params: { CiphertextBlob: blob, SourceEncryptionContext: { from: "a" }, DestinationKeyId: "alias/crypto-a", DestinationEncryptionContext: { to: "b" } },
      },
      { op: "re_encrypt", params: { CiphertextBlob: blob, SourceKeyId: keyB, SourceEncryptionContext: { from: "a" }, DestinationKeyId: keyB } },
    ]);
    expect(ok(moved)).toEqual({
      CiphertextBlob: expect.any(String),
      SourceKeyId: arnOf(keyA),
      KeyId: arnOf(keyA),
      SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    });
    expect(wrongSource).toEqual(
      error("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation."),
    );
    const [toB] = await kms([
      { op: "re_encrypt", params: { CiphertextBlob: blob, SourceEncryptionContext: { from: "a" }, DestinationKeyId: keyB } },
    ]);
    expect(ok(toB)).toMatchObject({ SourceKeyId: arnOf(keyA), KeyId: arnOf(keyB) });
    const movedBlob = bytes(ok(moved)["CiphertextBlob"] as string);
    const [opened, oldContext, onB] = await kms([
      { op: "decrypt", params: { CiphertextBlob: movedBlob, EncryptionContext: { to: "b" } } },
      { op: "decrypt", params: { CiphertextBlob: movedBlob, EncryptionContext: { from: "a" } } },
      { op: "decrypt", params: { CiphertextBlob: bytes(ok(toB)["CiphertextBlob"] as string) } },
    ]);
    expect(ok(opened)["Plaintext"]).toBe(b64("move me"));
    expect(oldContext).toEqual(BARE_INVALID_CIPHERTEXT);
    expect(ok(onB)).toMatchObject({ KeyId: arnOf(keyB), Plaintext: b64("move me") });
  });
});

describe("data keys and random bytes", () => {
  it("generates data keys that Decrypt opens, with or without the plaintext copy", async () => {
    const r = await kms([
      { op: "generate_data_key", params: { KeyId: "alias/crypto-a", KeySpec: "AES_256", EncryptionContext: { k: "v" } } },
      { op: "generate_data_key", params: { KeyId: keyA, KeySpec: "AES_128" } },
      { op: "generate_data_key", params: { KeyId: keyA, NumberOfBytes: 7 } },
      { op: "generate_data_key_without_plaintext", params: { KeyId: keyA, KeySpec: "AES_256" } },
      { op: "generate_data_key", params: { KeyId: keyA } },
      { op: "generate_data_key", params: { KeyId: keyA, KeySpec: "AES_256", NumberOfBytes: 32 } },
    ]);
    const full = ok(r[0]);
    expect(full).toEqual({
      CiphertextBlob: expect.any(String),
      Plaintext: expect.any(String),
      KeyId: arnOf(keyA),
      KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Buffer.from(full["Plaintext"] as string, "base64").length).toBe(32);
    expect(Buffer.from(ok(r[1])["Plaintext"] as string, "base64").length).toBe(16);
    expect(Buffer.from(ok(r[2])["Plaintext"] as string, "base64").length).toBe(7);
    expect(ok(r[3])).not.toHaveProperty("Plaintext");
    const both = error("ValidationException", "Please specify either number of bytes or key spec.");
    expect(r.slice(4)).toEqual([both, both]);
    const [opened, withoutPlaintext] = await kms([
      { op: "decrypt", params: { CiphertextBlob: bytes(full["CiphertextBlob"] as string), EncryptionContext: { k: "v" } } },
      { op: "decrypt", params: { CiphertextBlob: bytes(ok(r[3])["CiphertextBlob"] as string) } },
    ]);
    expect(ok(opened)["Plaintext"]).toBe(full["Plaintext"]);
    expect(Buffer.from(ok(withoutPlaintext)["Plaintext"] as string, "base64").length).toBe(32);
  });

  it("returns exactly the bytes asked for, within 1–1024", async () => {
    const r = await kms([
      { op: "generate_random", params: { NumberOfBytes: 1024 } },
      { op: "generate_random", params: { NumberOfBytes: 1025 } },
      { op: "generate_random", params: {} },
    ]);
    expect(Buffer.from(ok(r[0])["Plaintext"] as string, "base64").length).toBe(1024);
    expect(r.slice(1)).toEqual([
      error("ValidationException", "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"),
      error("ValidationException", "NumberOfBytes is required."),
    ]);
  });
});

describe("other clients", () => {
  it("round-trips through SDK v3 and the aws CLI", async () => {
    const client = new KMSClient({
      endpoint: server.url,
      region: "us-east-1",
      credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });
    const sealed = await client.send(new EncryptCommand({ KeyId: "alias/crypto-a", Plaintext: Buffer.from("sdk"), EncryptionContext: { c: "1" } }));
    expect(sealed.KeyId).toBe(arnOf(keyA));
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { c: "1" } }));
    expect(Buffer.from(opened.Plaintext ?? new Uint8Array()).toString()).toBe("sdk");
    const wrong = await client.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ name: "InvalidCiphertextException", $metadata: { httpStatusCode: 400 } });
    const dataKey = await client.send(new GenerateDataKeyCommand({ KeyId: keyB, KeySpec: "AES_256" }));
    expect(dataKey.Plaintext?.length).toBe(32);
    client.destroy();

    // fileb:// passes raw bytes the same way through CLI v1 and v2 (which differ on blob strings).
    const dir = mkdtempSync(join(tmpdir(), "kms-cli-"));
    try {
      writeFileSync(join(dir, "plain"), "from cli");
      const cliSealed = await aws(server.url, ["kms", "encrypt", "--key-id", "alias/crypto-a", "--plaintext", `fileb://${join(dir, "plain")}`]);
      expect(cliSealed.status).toBe(0);
      expect(cliSealed.json).toMatchObject({ KeyId: arnOf(keyA), EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
      writeFileSync(join(dir, "blob"), Buffer.from((cliSealed.json as { CiphertextBlob: string }).CiphertextBlob, "base64"));
      const cliOpened = await aws(server.url, ["kms", "decrypt", "--ciphertext-blob", `fileb://${join(dir, "blob")}`]);
      expect(cliOpened.json).toMatchObject({ KeyId: arnOf(keyA), Plaintext: b64("from cli") });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
