import { randomBytes } from "node:crypto";
import type { OperationContext } from "../operation.js";
import type { EncryptionContext } from "../ports.js";
import { assertUsable, keyMaterialId, type KmsKeyStore } from "./key-store.js";
import { dryRunSucceeded, validation } from "./kms-errors.js";
import { keyScope } from "./kms-operation.js";

export interface DataKeyRequest {
  readonly KeyId: string;
  readonly KeySpec?: string | undefined;
  readonly NumberOfBytes?: number | undefined;
  readonly EncryptionContext?: EncryptionContext | undefined;
  readonly DryRun?: boolean | undefined;
}

export interface GeneratedDataKey {
  readonly keyArn: string;
  readonly plaintext: Buffer;
  readonly blob: Buffer;
  readonly keyMaterialId: string;
}

/**
 * GenerateDataKey and GenerateDataKeyWithoutPlaintext (kms.md §7.4): exactly one of KeySpec and
 * NumberOfBytes; the data key is sealed exactly as Encrypt would seal it, so Decrypt opens it.
 */
export async function generateDataKey(keys: KmsKeyStore, input: DataKeyRequest, cx: OperationContext): Promise<GeneratedDataKey> {
  if ((input.KeySpec === undefined) === (input.NumberOfBytes === undefined)) {
    throw validation("Please specify either number of bytes or key spec.");
  }
  const scope = keyScope(cx);
  const key = await keys.resolve(input.KeyId, scope);
  assertUsable(key);
  if (input.DryRun === true) throw dryRunSucceeded();
  const length = input.NumberOfBytes ?? (input.KeySpec === "AES_128" ? 16 : 32);
  const plaintext = randomBytes(length);
  return {
    keyArn: key.arn,
    plaintext,
    blob: keys.encrypt(key, plaintext, scope, input.EncryptionContext ?? {}),
    keyMaterialId: keyMaterialId(key, key.materials.length),
  };
}
