import { randomBytes } from "node:crypto";
import { KmsFailure, type DataKey, type EncryptionContext, type Keyring, type KeyringCaller } from "../ports.js";
import { encryptionContextKeys, requestAlias } from "./access-requests.js";
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
    await authorize(caller, caller.encryptAction ?? "kms:GenerateDataKey", key.arn, context, keyRef);
    assertUsable(key);
    const plaintext = randomBytes(32);
    return { keyArn: key.arn, plaintext, blob: this.keys.encrypt(key, plaintext, scope, context) };
  }

  async decryptDataKey(blob: Uint8Array, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey> {
    const scope = scopeOf(caller);
    const { key, materialVersion } = await this.keys.keyOfBlob(blob, scope);
    await authorize(caller, "kms:Decrypt", key.arn, context, undefined);
    // Key state first, on every call: the cache below only spares the unwrap, never this check.
    assertUsable(key);
    const cached = this.dataKeys.get(scope, context, blob);
    if (cached !== undefined) return { keyArn: key.arn, plaintext: cached, blob };
    const plaintext = this.keys.open(key, materialVersion, blob, scope, context);
    this.dataKeys.put(scope, context, blob, plaintext);
    return { keyArn: key.arn, plaintext, blob };
  }
}

/**
 * KMS's own check of a call SSM makes for its caller (iam-policy-evaluation.md §8.3): the key policy
 * is the gate, with the encryption context and kms:ViaService as condition keys. A refusal surfaces
 * from SSM as AccessDeniedException with KMS's text (§4.3).
 */
async function authorize(
  caller: KeyringCaller,
  action: string,
  keyArn: string,
  context: EncryptionContext,
  keyRef: string | undefined,
): Promise<void> {
  const check = await caller.access.check(
    {
      action,
      resource: keyArn,
      context: {
        "kms:CallerAccount": caller.principal.accountId,
        ...encryptionContextKeys(context),
        ...(keyRef === undefined ? {} : requestAlias(keyRef)),
      },
    },
    caller.viaService,
  );
  if (!check.allowed) throw new KmsFailure("AccessDeniedException", check.message);
}

function scopeOf(caller: KeyringCaller): KeyScope {
  return { region: caller.region, account: caller.principal.accountId };
}
