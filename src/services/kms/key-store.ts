import { createHash, randomBytes } from "node:crypto";
import { awsSsmKeyPolicy, defaultKeyPolicy } from "./key-policy.js";
import { RootKeyring } from "../../crypto/root-keyring.js";
import type { Clock } from "../../platform/clock.js";
import type { Random } from "../../platform/random.js";
import type { KmsKeyRecord, Storage } from "../../storage/ports.js";
import { KmsFailure, type EncryptionContext } from "../ports.js";
import { openBlob, readBlobHeader, sealBlob } from "./data-key-blob.js";
import { aliasArn, aliasNotFound, keyArn, keyDoesNotExist, parseKeyReference } from "./key-reference.js";
import { guardRootKeyWrites, materialAad } from "./root-key-guard.js";

export const AWS_SSM_ALIAS = "alias/aws/ssm";
const AWS_SSM_DESCRIPTION = "Default key that protects my SSM parameters when no other key is defined";
const AWS_MANAGED_ROTATION_DAYS = 365;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Key records are cached for a short time so a hot SecureString read costs no storage round trip; a
 * state change made on another node is seen within this bound (changes made here are forgotten at once).
 */
const KEY_CACHE_MS = 1000;
const MAX_CACHED = 4096;

interface Cached<T> {
  readonly value: T;
  readonly until: number;
}

/** Region and account a key lives in: both are bound into every ciphertext. */
export interface KeyScope {
  readonly region: string;
  readonly account: string;
}

export interface Opened {
  readonly key: KmsKeyRecord;
  readonly plaintext: Buffer;
  readonly materialVersion: number;
}

/**
 * The server's KMS keys, shared by the KMS service and the SSM keyring so that a state change made
 * through KMS is seen by the next SecureString read. Key material is stored wrapped by the root key
 * (AAD: key ARN and material version) and unwrapped only in memory. The AWS managed key
 * `alias/aws/ssm` of a region is created on first use, race-free through insert-if-absent.
 */
export class KmsKeyStore {
  private readonly materials = new Map<string, Buffer>();
  private readonly keys = new Map<string, Cached<KmsKeyRecord | undefined>>();
  private readonly aliases = new Map<string, Cached<string | undefined>>();
  private readonly policies = new Map<string, Cached<string | undefined>>();

  /** Writes of new material land under the data dir's current root key (root-key-guard.ts). */
  readonly storage: Storage;
  private readonly roots: RootKeyring;

  constructor(
    storage: Storage,
    rootKey: Buffer | RootKeyring,
    readonly clock: Clock,
    private readonly random: Random,
  ) {
    this.roots = rootKey instanceof RootKeyring ? rootKey : new RootKeyring([rootKey]);
    this.storage = guardRootKeyWrites(storage, this.roots);
  }

  /** Any of the four spellings (kms.md §2.3); `alias/aws/ssm` is created when first named. */
  async resolve(keyRef: string, scope: KeyScope): Promise<KmsKeyRecord> {
    const { region, account } = scope;
    const ref = parseKeyReference(keyRef, region, account);
    if (ref.kind === "key") return this.existing(ref.keyId, scope);
    let keyId = await this.aliasTarget(region, ref.alias);
    if (keyId === undefined && ref.alias === AWS_SSM_ALIAS) keyId = await this.createAwsSsmKey(scope);
    if (keyId === undefined) throw aliasNotFound(aliasArn(region, account, ref.alias));
    const key = await this.keyById(region, keyId);
    if (key === undefined) throw aliasNotFound(aliasArn(region, account, ref.alias));
    return key;
  }

  /** Key id or key ARN only (kms.md §2.2): an alias here is `Invalid keyId '<ref>'`. */
  async resolveKeyOnly(keyRef: string, scope: KeyScope): Promise<KmsKeyRecord> {
    const ref = parseKeyReference(keyRef, scope.region, scope.account);
    if (ref.kind === "alias") throw new KmsFailure("NotFoundException", `Invalid keyId '${keyRef}'`);
    return this.existing(ref.keyId, scope);
  }

  async existing(keyId: string, scope: KeyScope): Promise<KmsKeyRecord> {
    const key = await this.keyById(scope.region, keyId);
    if (key === undefined) throw keyDoesNotExist(keyArn(scope.region, scope.account, keyId));
    return key;
  }

  /** A new key with one material version (not yet stored); AWS managed keys rotate yearly (kms.md §11). */
  newKey(scope: KeyScope, fields: { keyManager: "AWS" | "CUSTOMER"; description: string }): KmsKeyRecord {
    const keyId = this.random.uuid();
    const arn = keyArn(scope.region, scope.account, keyId);
    const creationDate = this.clock.now().getTime();
    return {
      region: scope.region,
      keyId,
      arn,
      keyManager: fields.keyManager,
      description: fields.description,
      state: "Enabled",
      creationDate,
      materials: [this.wrapNewMaterial(arn, 1)],
      ...(fields.keyManager === "AWS"
        ? { rotation: { periodInDays: AWS_MANAGED_ROTATION_DAYS, nextRotationDate: creationDate + AWS_MANAGED_ROTATION_DAYS * DAY_MS } }
        : {}),
    };
  }

  /** Fresh material for version `version` of a key, wrapped by the root key. */
  wrapNewMaterial(arn: string, version: number): Buffer {
    return this.roots.wrap(randomBytes(32), materialAad(arn, version));
  }

  /** Seals under the key's current material; the blob names the key and the material version. */
  encrypt(key: KmsKeyRecord, plaintext: Uint8Array, scope: KeyScope, context: EncryptionContext): Buffer {
    const materialVersion = key.materials.length;
    return sealBlob(this.material(key, materialVersion), { keyId: key.keyId, materialVersion }, plaintext, scope, context);
  }

  /**
   * The key a blob names (InvalidCiphertextException, without message, when it names none we hold),
   * so that callers can check the key's state before opening it.
   */
  async keyOfBlob(blob: Uint8Array, scope: KeyScope): Promise<{ key: KmsKeyRecord; materialVersion: number }> {
    const header = readBlobHeader(blob);
    if (header === undefined) throw invalidCiphertext();
    let key = await this.keyById(scope.region, header.keyId);
    if (key !== undefined && header.materialVersion > key.materials.length) {
      // Rotated elsewhere since this record was cached: the blob may name the new material.
      this.forgetKey(scope.region, header.keyId);
      key = await this.keyById(scope.region, header.keyId);
    }
    if (key === undefined || header.materialVersion < 1 || header.materialVersion > key.materials.length) {
      throw invalidCiphertext();
    }
    return { key, materialVersion: header.materialVersion };
  }

  open(key: KmsKeyRecord, materialVersion: number, blob: Uint8Array, scope: KeyScope, context: EncryptionContext): Buffer {
    const plaintext = openBlob(this.material(key, materialVersion), blob, scope, context);
    if (plaintext === undefined) throw invalidCiphertext();
    return plaintext;
  }

  /**
   * Deletes keys whose DeletionDate has passed (kms.md §5.5), a batch at a time; the server runs it at
   * start and periodically, so a key nobody looks up goes too. Returns how many it deleted.
   */
  async deleteDueKeys(limit = 100): Promise<number> {
    const now = this.clock.now().getTime();
    const due = await this.storage.read((tx) => tx.kmsKeysDueForDeletion(now, limit));
    if (due.length === 0) return 0;
    const deleted = await this.storage.write(async (tx) => {
      let count = 0;
      for (const { region, keyId } of due) {
        if (isDue(await tx.kmsKey(region, keyId), now) && (await tx.deleteKmsKey(region, keyId))) count++;
      }
      return count;
    });
    for (const { region, keyId } of due) this.forgetKey(region, keyId);
    this.aliases.clear();
    return deleted;
  }

  /** Drops cached records after a change made here, so the next use reads the stored state. */
  forgetKey(region: string, keyId: string): void {
    this.keys.delete(`${region}|${keyId}`);
  }

  /** After PutKeyPolicy here: the next authorisation reads the stored policy. */
  forgetPolicy(region: string, keyId: string): void {
    this.policies.delete(`${region}|${keyId}`);
  }

  /**
   * The key policy authorisation evaluates, kept like key records for at most KEY_CACHE_MS (a change
   * made on another node applies within that time): every use of a customer key read it otherwise.
   */
  async policyOf(key: KmsKeyRecord, account: string): Promise<string> {
    if (key.keyManager === "AWS") return awsSsmKeyPolicy(account, key.region);
    const cacheKey = `${key.region}|${key.keyId}`;
    const now = this.clock.now().getTime();
    const hit = this.policies.get(cacheKey);
    const stored =
      hit !== undefined && hit.until > now ? hit.value : await this.storage.read((tx) => tx.kmsKeyPolicy(key.region, key.keyId));
    if (hit === undefined || hit.until <= now) remember(this.policies, cacheKey, { value: stored, until: now + KEY_CACHE_MS });
    return stored ?? defaultKeyPolicy(account);
  }

  forgetAlias(region: string, alias: string): void {
    this.aliases.delete(`${region}|${alias}`);
  }

  /**
   * A key pending deletion whose DeletionDate has passed is gone: it is deleted (with its material and
   * aliases) the first time anything looks it up, so the deadline holds to the millisecond between
   * two sweeps (deleteDueKeys).
   */
  async keyById(region: string, keyId: string): Promise<KmsKeyRecord | undefined> {
    const cacheKey = `${region}|${keyId}`;
    const now = this.clock.now().getTime();
    const hit = this.keys.get(cacheKey);
    if (hit !== undefined && hit.until > now && !isDue(hit.value, now)) return hit.value;
    let value = await this.storage.read((tx) => tx.kmsKey(region, keyId));
    if (isDue(value, now)) {
      await this.storage.write(async (tx) => {
        if (isDue(await tx.kmsKey(region, keyId), now)) await tx.deleteKmsKey(region, keyId);
      });
      this.aliases.clear();
      value = undefined;
    }
    remember(this.keys, cacheKey, { value, until: now + KEY_CACHE_MS });
    return value;
  }

  /** The key id an alias names (cached like key records), undefined if the alias does not exist. */
  async aliasTarget(region: string, alias: string): Promise<string | undefined> {
    const cacheKey = `${region}|${alias}`;
    const now = this.clock.now().getTime();
    const hit = this.aliases.get(cacheKey);
    if (hit !== undefined && hit.until > now) return hit.value;
    const value = await this.storage.read((tx) => tx.aliasTarget(region, alias));
    remember(this.aliases, cacheKey, { value, until: now + KEY_CACHE_MS });
    return value;
  }

  private async createAwsSsmKey(scope: KeyScope): Promise<string> {
    const record = this.newKey(scope, { keyManager: "AWS", description: AWS_SSM_DESCRIPTION });
    const { region } = scope;
    const winner = await this.storage.write(async (tx) => {
      const existing = await tx.aliasTarget(region, AWS_SSM_ALIAS);
      if (existing !== undefined) return existing;
      await tx.insertKmsKey(record);
      await tx.insertAlias(region, AWS_SSM_ALIAS, record.keyId, record.creationDate);
      return record.keyId;
    });
    this.forgetAlias(region, AWS_SSM_ALIAS);
    return winner;
  }

  /** Unwrapped material, cached: material versions are immutable once written. */
  private material(key: KmsKeyRecord, version: number): Buffer {
    const cacheKey = `${key.arn}/${version}`;
    const hit = this.materials.get(cacheKey);
    if (hit !== undefined) return hit;
    const wrapped = key.materials[version - 1];
    const material = wrapped === undefined ? undefined : this.roots.unwrap(wrapped, materialAad(key.arn, version));
    if (material === undefined) {
      // Not a client error: no root key this server holds wrapped this key's material.
      throw new Error(`key material of ${key.arn} does not open under any root key this server holds`);
    }
    remember(this.materials, cacheKey, material);
    return material;
  }
}

export function wrapMaterial(rootKey: Buffer, arn: string, version: number, material: Buffer): Buffer {
  return new RootKeyring([rootKey]).wrap(material, materialAad(arn, version));
}

/** KMS's public name for a material version (kms.md §3): stable, and reveals nothing of the material. */
export function keyMaterialId(key: KmsKeyRecord, version: number): string {
  return createHash("sha256").update(`${key.arn}#${version}`).digest("hex");
}

/** Encrypt, Decrypt, ReEncrypt and GenerateDataKey* refuse keys that are not Enabled (kms.md §4.2). */
export function assertUsable(key: KmsKeyRecord): void {
  if (key.state === "Disabled") throw new KmsFailure("DisabledException", `${key.arn} is disabled.`);
  if (key.state === "PendingDeletion") throw pendingDeletion(key);
}

export function pendingDeletion(key: KmsKeyRecord): KmsFailure {
  return new KmsFailure("KMSInvalidStateException", `${key.arn} is pending deletion.`);
}

export function invalidCiphertext(): KmsFailure {
  return new KmsFailure("InvalidCiphertextException", "");
}

function isDue(key: KmsKeyRecord | undefined, now: number): boolean {
  return key?.state === "PendingDeletion" && key.deletionDate !== undefined && key.deletionDate <= now;
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
}
