import { randomBytes } from "node:crypto";
import { open, seal } from "../../crypto/aead.js";
import type { Clock } from "../../platform/clock.js";
import type { Random } from "../../platform/random.js";
import type { KmsKeyRecord, Storage } from "../../storage/ports.js";
import { KmsFailure, type DataKey, type EncryptionContext, type Keyring, type KeyringCaller } from "../ports.js";
import { openBlob, readBlobHeader, sealBlob } from "./data-key-blob.js";
import { aliasArn, aliasNotFound, keyArn, keyDoesNotExist, parseKeyReference } from "./key-reference.js";

export const AWS_SSM_ALIAS = "alias/aws/ssm";
const AWS_SSM_DESCRIPTION = "Default key that protects my SSM parameters when no other key is defined";

/**
 * Key records are cached for a short time so a hot SecureString read costs no storage round trip; a
 * state change made on another node is seen within this bound.
 */
const KEY_CACHE_MS = 1000;
const MAX_CACHED = 4096;

interface Cached<T> {
  readonly value: T;
  readonly until: number;
}

/**
 * The server's keyring: KMS keys whose material is stored wrapped by the root key (AAD: key ARN and
 * material version). The AWS managed key `alias/aws/ssm` of a region is created on first use, race-free
 * through insert-if-absent in one transaction.
 */
export class LocalKeyring implements Keyring {
  private readonly materials = new Map<string, Buffer>();
  private readonly keys = new Map<string, Cached<KmsKeyRecord | undefined>>();
  private readonly aliases = new Map<string, Cached<string | undefined>>();

  constructor(
    private readonly storage: Storage,
    private readonly rootKey: Buffer,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  async generateDataKey(keyRef: string, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey> {
    const key = await this.resolve(keyRef, caller);
    assertUsable(key);
    const materialVersion = key.materials.length;
    const plaintext = randomBytes(32);
    const blob = sealBlob(
      this.material(key, materialVersion),
      { keyId: key.keyId, materialVersion },
      plaintext,
      scopeOf(caller),
      context,
    );
    return { keyArn: key.arn, plaintext, blob };
  }

  async decryptDataKey(blob: Uint8Array, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey> {
    const header = readBlobHeader(blob);
    if (header === undefined) throw invalidCiphertext();
    const key = await this.keyById(caller.region, header.keyId);
    if (key === undefined || header.materialVersion < 1 || header.materialVersion > key.materials.length) {
      throw invalidCiphertext();
    }
    assertUsable(key);
    const plaintext = openBlob(this.material(key, header.materialVersion), blob, scopeOf(caller), context);
    if (plaintext === undefined) throw invalidCiphertext();
    return { keyArn: key.arn, plaintext, blob };
  }

  private async resolve(keyRef: string, caller: KeyringCaller): Promise<KmsKeyRecord> {
    const { region } = caller;
    const account = caller.principal.accountId;
    const ref = parseKeyReference(keyRef, region, account);
    if (ref.kind === "key") {
      const key = await this.keyById(region, ref.keyId);
      if (key === undefined) throw keyDoesNotExist(keyArn(region, account, ref.keyId));
      return key;
    }
    let keyId = await this.aliasTarget(region, ref.alias);
    if (keyId === undefined && ref.alias === AWS_SSM_ALIAS) keyId = await this.createAwsSsmKey(region, account);
    if (keyId === undefined) throw aliasNotFound(aliasArn(region, account, ref.alias));
    const key = await this.keyById(region, keyId);
    if (key === undefined) throw aliasNotFound(aliasArn(region, account, ref.alias));
    return key;
  }

  private async createAwsSsmKey(region: string, account: string): Promise<string> {
    const keyId = this.random.uuid();
    const arn = keyArn(region, account, keyId);
    const material = randomBytes(32);
    const record: KmsKeyRecord = {
      region,
      keyId,
      arn,
      keyManager: "AWS",
      description: AWS_SSM_DESCRIPTION,
      state: "Enabled",
      creationDate: this.clock.now().getTime(),
      materials: [wrapMaterial(this.rootKey, arn, 1, material)],
    };
    const winner = await this.storage.write(async (tx) => {
      const existing = await tx.aliasTarget(region, AWS_SSM_ALIAS);
      if (existing !== undefined) return existing;
      await tx.insertKmsKey(record);
      await tx.insertAlias(region, AWS_SSM_ALIAS, keyId);
      return keyId;
    });
    this.aliases.delete(`${region}|${AWS_SSM_ALIAS}`);
    return winner;
  }

  private async keyById(region: string, keyId: string): Promise<KmsKeyRecord | undefined> {
    const cacheKey = `${region}|${keyId}`;
    const now = this.clock.now().getTime();
    const hit = this.keys.get(cacheKey);
    if (hit !== undefined && hit.until > now) return hit.value;
    const value = await this.storage.read((tx) => tx.kmsKey(region, keyId));
    remember(this.keys, cacheKey, { value, until: now + KEY_CACHE_MS });
    return value;
  }

  private async aliasTarget(region: string, alias: string): Promise<string | undefined> {
    const cacheKey = `${region}|${alias}`;
    const now = this.clock.now().getTime();
    const hit = this.aliases.get(cacheKey);
    if (hit !== undefined && hit.until > now) return hit.value;
    const value = await this.storage.read((tx) => tx.aliasTarget(region, alias));
    remember(this.aliases, cacheKey, { value, until: now + KEY_CACHE_MS });
    return value;
  }

  /** Unwrapped material, cached: material versions are immutable once written. */
  private material(key: KmsKeyRecord, version: number): Buffer {
    const cacheKey = `${key.keyId}/${version}`;
    const hit = this.materials.get(cacheKey);
    if (hit !== undefined) return hit;
    const wrapped = key.materials[version - 1];
    const material = wrapped === undefined ? undefined : open(this.rootKey, wrapped, materialAad(key.arn, version));
    if (material === undefined) {
      // Not a client error: the root key does not match the one that wrapped this key's material.
      throw new Error(`key material of ${key.arn} does not open under the configured root key`);
    }
    remember(this.materials, cacheKey, material);
    return material;
  }
}

export function wrapMaterial(rootKey: Buffer, arn: string, version: number, material: Buffer): Buffer {
  return seal(rootKey, material, materialAad(arn, version));
}

function materialAad(arn: string, version: number): Buffer {
  return Buffer.from(`${arn}#${version}`, "utf8");
}

function assertUsable(key: KmsKeyRecord): void {
  if (key.state === "Disabled") throw new KmsFailure("DisabledException", `${key.arn} is disabled.`);
  if (key.state === "PendingDeletion") {
    throw new KmsFailure("KMSInvalidStateException", `${key.arn} is pending deletion.`);
  }
}

function invalidCiphertext(): KmsFailure {
  return new KmsFailure("InvalidCiphertextException", "");
}

function scopeOf(caller: KeyringCaller): { region: string; account: string } {
  return { region: caller.region, account: caller.principal.accountId };
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
}
