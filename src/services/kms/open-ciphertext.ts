import type { KmsKeyRecord } from "../../storage/ports.js";
import type { OperationContext } from "../operation.js";
import type { EncryptionContext } from "../ports.js";
import { incorrectKey, validation } from "./kms-errors.js";
import { assertUsable, type KmsKeyStore } from "./key-store.js";
import { keyScope } from "./kms-operation.js";

export interface OpenedCiphertext {
  readonly key: KmsKeyRecord;
  readonly materialVersion: number;
  readonly plaintext: Buffer;
}

/**
 * Decrypt's steps (kms.md §7.2), shared with ReEncrypt: the blob names its key; a KeyId, when given,
 * must name the same key; the key must be usable; then the blob must open under exactly this context.
 */
export async function openCiphertext(
  keys: KmsKeyStore,
  blob: Uint8Array | undefined,
  keyRef: string | undefined,
  context: EncryptionContext | undefined,
  member: string,
  cx: OperationContext,
): Promise<OpenedCiphertext> {
  if (blob === undefined) {
    throw validation(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  const scope = keyScope(cx);
  const { key, materialVersion } = await keys.keyOfBlob(blob, scope);
  if (keyRef !== undefined) {
    const requested = await keys.resolve(keyRef, scope);
    if (requested.keyId !== key.keyId) throw incorrectKey();
  }
  assertUsable(key);
  return { key, materialVersion, plaintext: keys.open(key, materialVersion, blob, scope, context ?? {}) };
}
