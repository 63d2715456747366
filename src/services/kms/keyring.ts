import { randomBytes } from "node:crypto";
import type { DataKey, EncryptionContext, Keyring, KeyringCaller } from "../ports.js";
import { DataKeyCache } from "./data-key-cache.js";
import { assertUsable, type KeyScope, type KmsKeyStore } from "./key-store.js";

export { AWS_SSM_ALIAS, wrapMaterial } from "./key-store.js";

/**
 * What SSM sees of KMS: data keys under any key the caller names, sealed with the same blob format
 * and key-state rules as KMS's own Encrypt/Decrypt, over the key store the KMS service changes.
 */
export class LocalKeyring implements Keyring {
  constructor(
    private readonly keys: KmsKeyStore,
    /** Unwrapped data keys of hot parameters; data-key-cache.ts says why it is safe and what it costs. */
    private readonly dataKeys: DataKeyCache = new DataKeyCache(keys.clock),
  ) {}

  async generateDataKey(keyRef: string, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey> {
    const scope = scopeOf(caller);
    const key = await this.keys.resolve(keyRef, scope);
    assertUsable(key);
    const plaintext = randomBytes(32);
    return { keyArn: key.arn, plaintext, blob: this.keys.encrypt(key, plaintext, scope, context) };
  }

  async decryptDataKey(blob: Uint8Array, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey> {
    const scope = scopeOf(caller);
    const { key, materialVersion } = await this.keys.keyOfBlob(blob, scope);
    // Key state first, on every call: the cache below only spares the unwrap, never this check.
    assertUsable(key);
    const cached = this.dataKeys.get(scope, context, blob);
    if (cached !== undefined) return { keyArn: key.arn, plaintext: cached, blob };
    const plaintext = this.keys.open(key, materialVersion, blob, scope, context);
    this.dataKeys.put(scope, context, blob, plaintext);
    return { keyArn: key.arn, plaintext, blob };
  }
}

function scopeOf(caller: KeyringCaller): KeyScope {
  return { region: caller.region, account: caller.principal.accountId };
}
