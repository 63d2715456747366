import type { KmsKeyChange, KmsKeyRecord } from "../../storage/ports.js";
import type { KmsKeyStore } from "./key-store.js";

/** Stores a lifecycle change and makes the key store forget its cached copy, so SSM sees it at once. */
export async function changeKey(keys: KmsKeyStore, key: KmsKeyRecord, change: KmsKeyChange): Promise<void> {
  try {
    await keys.storage.write((tx) => tx.updateKmsKey(key.region, key.keyId, change));
  } finally {
    keys.forgetKey(key.region, key.keyId);
  }
}
