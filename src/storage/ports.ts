import type { IamReadTx, IamWriteTx } from "./iam-ports.js";

/**
 * The storage port: domain-shaped, asynchronous, so that the SQLite adapter and a later PostgreSQL
 * adapter look the same to the services. Records are plain readonly data, never driver types.
 *
 * Invariants every adapter keeps (the conformance suite in ./conformance checks them):
 * - `write` runs `work` as one serializable transaction and resolves only once the commit is durable;
 *   a throw inside `work` rolls back everything it did and nothing else.
 * - Secret values arrive as ciphertext (`value` of a SecureString version); storage never sees plaintext.
 * - No crypto or network calls run inside `work`: callers encrypt before and decrypt after.
 * - SSM and KMS state is regional: `region` is part of every key.
 */

export type ParameterType = "String" | "StringList" | "SecureString";
export type ParameterTier = "Standard" | "Advanced";

/** A stored parameter policy (already validated and normalised by the service). */
export interface StoredPolicy {
  readonly text: string; // compact JSON, keys Type, Version, Attributes
  readonly type: string;
  readonly status: "Pending" | "InProgress" | "Finished" | "Failed";
}

export interface ParameterVersionRecord {
  readonly region: string;
  /** Canonical key: the name with a leading slash (`foo` and `/foo` are one parameter). */
  readonly key: string;
  /** The spelling used when the parameter was created (echoed by DescribeParameters). */
  readonly name: string;
  readonly version: number;
  readonly type: ParameterType;
  /** UTF-8 bytes for String/StringList; the sealed envelope for SecureString. */
  readonly value: Uint8Array;
  /** SecureString only: the KeyId as AWS reports it (`alias/aws/ssm`, a key id, an ARN …). */
  readonly keyId: string | null;
  readonly description: string | null;
  readonly allowedPattern: string | null;
  readonly tier: ParameterTier;
  readonly dataType: string;
  readonly policies: readonly StoredPolicy[];
  /** Milliseconds since the epoch. */
  readonly lastModifiedDate: number;
  readonly lastModifiedUser: string;
}

export interface ParameterVersionWithLabels extends ParameterVersionRecord {
  readonly labels: readonly string[];
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface ServiceSettingRecord {
  readonly region: string;
  readonly settingId: string;
  readonly value: string;
  readonly lastModifiedDate: number;
  readonly lastModifiedUser: string;
}

export interface ResourcePolicyRecord {
  readonly region: string;
  readonly key: string;
  readonly policyId: string;
  readonly policyHash: string;
  readonly policy: string;
}

/** A KMS key of the keyring. Key material is stored only wrapped by the server's root key. */
export interface KmsKeyRecord {
  readonly region: string;
  readonly keyId: string; // UUID
  readonly arn: string;
  readonly keyManager: "AWS" | "CUSTOMER";
  readonly description: string;
  readonly state: string;
  readonly creationDate: number;
  /** Milliseconds since the epoch when a key pending deletion goes; absent in every other state. */
  readonly deletionDate?: number;
  /** Root-key-wrapped material versions, oldest first; the last one encrypts new data. */
  readonly materials: readonly Uint8Array[];
  /** Automatic rotation; absent while it is off. */
  readonly rotation?: KmsRotationSchedule;
}

export interface KmsRotationSchedule {
  readonly periodInDays: number;
  /** Milliseconds since the epoch. */
  readonly nextRotationDate: number;
}

/** How a material version after the first came to be (ListKeyRotations). */
export interface KmsRotationRecord {
  /** 2 for the first rotation: the version a ciphertext names. */
  readonly materialVersion: number;
  /** Milliseconds since the epoch. */
  readonly rotationDate: number;
  readonly rotationType: "AUTOMATIC" | "ON_DEMAND";
}

/** What a key's lifecycle operations change; members left out keep their stored value. */
export interface KmsKeyChange {
  readonly state?: string;
  /** null clears it. */
  readonly deletionDate?: number | null;
  readonly description?: string;
  /** null turns automatic rotation off. */
  readonly rotation?: KmsRotationSchedule | null;
}

export interface KmsKeySummary {
  readonly keyId: string;
  readonly arn: string;
}

export interface KmsAliasRecord {
  readonly region: string;
  readonly alias: string; // alias/…
  readonly keyId: string;
  /** Milliseconds since the epoch. */
  readonly creationDate: number;
  readonly lastUpdatedDate: number;
}

/** A page of aliases in ascending name order: all of a region's, or one key's. */
export interface KmsAliasScan {
  readonly keyId?: string;
  /** Keyset position: return aliases strictly greater than this name. */
  readonly afterAlias?: string;
  readonly limit: number;
}

/**
 * Which parameters a scan visits, in ascending canonical key order.
 * `under` with `recursive: false` is the direct children of `path`; with `recursive: true`, every
 * descendant. `path` always ends with `/` here. `keyPrefix` is a plain prefix of the canonical key.
 */
export interface ParameterScan {
  readonly under?: { readonly path: string; readonly recursive: boolean };
  readonly keyPrefix?: string;
  /** Keyset position: return keys strictly greater than this. */
  readonly afterKey?: string;
  readonly limit: number;
}

/**
 * Which root key wraps KMS key material, by fingerprint (never the key), and while a root key
 * rotation runs, the one it moves away from: material may be wrapped under either until it ends.
 */
export interface RootKeyState {
  readonly current: string;
  readonly previous: string | null;
}

/** Where one stored KMS material version sits (root key rotation walks them in this order). */
export interface KmsMaterialPosition {
  readonly region: string;
  readonly keyId: string;
  /** 1 for a key's first material. */
  readonly version: number;
}

export interface KmsMaterialEntry extends KmsMaterialPosition {
  readonly arn: string;
  readonly material: Uint8Array;
}

export interface VersionSpan {
  readonly count: number;
  /** Undefined when no version is retained. */
  readonly oldest: number | undefined;
}

export interface ReadTx extends IamReadTx {
  /** The latest version of a parameter. */
  latest(region: string, key: string): Promise<ParameterVersionRecord | undefined>;
  version(region: string, key: string, version: number): Promise<ParameterVersionRecord | undefined>;
  versionByLabel(region: string, key: string, label: string): Promise<ParameterVersionRecord | undefined>;
  /** Versions in ascending order, strictly after `afterVersion`, at most `limit`, with their labels. */
  history(region: string, key: string, afterVersion: number, limit: number): Promise<ParameterVersionWithLabels[]>;
  /** Versions still retained: the oldest first. */
  versionNumbers(region: string, key: string): Promise<number[]>;
  /** How many versions are retained and the oldest of them (the 100-version cap), without listing them. */
  versionSpan(region: string, key: string): Promise<VersionSpan>;
  labelsOf(region: string, key: string, version: number): Promise<string[]>;
  /** Latest versions of the parameters the scan selects; the page cost must not grow with the store. */
  scan(region: string, scan: ParameterScan): Promise<ParameterVersionRecord[]>;
  countByTier(region: string, tier: ParameterTier): Promise<number>;
  /** Tags in insertion order. */
  tags(region: string, key: string): Promise<Tag[]>;
  serviceSetting(region: string, settingId: string): Promise<ServiceSettingRecord | undefined>;
  resourcePolicies(region: string, key: string): Promise<ResourcePolicyRecord[]>;
  /** Moves whenever any parameter's resource policies change (never backwards): a cache's validity check. */
  resourcePolicyGeneration(): Promise<number>;
  kmsKey(region: string, keyId: string): Promise<KmsKeyRecord | undefined>;
  /** The key id an alias (`alias/…`) points at. */
  aliasTarget(region: string, alias: string): Promise<string | undefined>;
  /** Keys in ascending key id order, strictly after `afterKeyId`, at most `limit`. */
  listKmsKeys(region: string, afterKeyId: string | undefined, limit: number): Promise<KmsKeySummary[]>;
  listAliases(region: string, scan: KmsAliasScan): Promise<KmsAliasRecord[]>;
  /** Keys of every region whose DeletionDate is at or before `now` (ms), soonest first, at most `limit`. */
  kmsKeysDueForDeletion(now: number, limit: number): Promise<{ region: string; keyId: string }[]>;
  /**
   * Enabled keys of every region whose NextRotationDate is at or before `now` (ms), soonest first, at
   * most `limit` (a disabled key waits, and must not hold back the keys behind it).
   */
  kmsKeysDueForRotation(now: number, limit: number): Promise<{ region: string; keyId: string }[]>;
  /** Rotations of a key in ascending material version, strictly after `afterVersion`, at most `limit`. */
  kmsKeyRotations(region: string, keyId: string, afterVersion: number, limit: number): Promise<KmsRotationRecord[]>;
  countKmsKeyRotations(region: string, keyId: string, type: KmsRotationRecord["rotationType"]): Promise<number>;
  /** A key's tags in insertion order. */
  kmsKeyTags(region: string, keyId: string): Promise<Tag[]>;
  /** A key's policy as it was put; undefined for a key that has the default policy (or no key). */
  kmsKeyPolicy(region: string, keyId: string): Promise<string | undefined>;
  rootKeyState(): Promise<RootKeyState | undefined>;
  /** Materials of every region in (region, key id, version) order, strictly after `after`, at most `limit`. */
  scanKmsMaterials(after: KmsMaterialPosition | undefined, limit: number): Promise<KmsMaterialEntry[]>;
}

export interface WriteTx extends ReadTx, IamWriteTx {
  /** Adds a version and makes it the latest. Throws VersionConflict if (region, key, version) exists. */
  appendVersion(record: ParameterVersionRecord): Promise<void>;
  /** Drops one retained version and its labels (the 100-version cap). */
  deleteVersion(region: string, key: string, version: number): Promise<void>;
  /** Drops the parameter: versions, labels, tags and resource policies. Returns false if absent. */
  deleteParameter(region: string, key: string): Promise<boolean>;
  /** Attaches a label to a version, moving it off any other version of the parameter. */
  setLabel(region: string, key: string, label: string, version: number): Promise<void>;
  removeLabel(region: string, key: string, label: string, version: number): Promise<boolean>;
  /** Sets tags: an existing key keeps its position and takes the new value; new keys append. */
  putTags(region: string, key: string, tags: readonly Tag[]): Promise<void>;
  removeTags(region: string, key: string, tagKeys: readonly string[]): Promise<void>;
  putServiceSetting(record: ServiceSettingRecord): Promise<void>;
  deleteServiceSetting(region: string, settingId: string): Promise<void>;
  putResourcePolicy(record: ResourcePolicyRecord): Promise<void>;
  deleteResourcePolicy(region: string, key: string, policyId: string): Promise<boolean>;
  /** Inserts a key; returns false (and changes nothing) if the key id exists. */
  insertKmsKey(record: KmsKeyRecord): Promise<boolean>;
  /** Changes a key's lifecycle fields; returns false if the key does not exist. */
  updateKmsKey(region: string, keyId: string, change: KmsKeyChange): Promise<boolean>;
  /**
   * Adds the key's next material version (`rotation.materialVersion` must be one past its last);
   * returns false, changing nothing, if the key is absent or that version exists (a lost race).
   */
  appendKmsMaterial(region: string, keyId: string, material: Uint8Array, rotation: KmsRotationRecord): Promise<boolean>;
  /** Sets a key's tags: an existing key keeps its position and takes the new value; new keys append. */
  putKmsKeyTags(region: string, keyId: string, tags: readonly Tag[]): Promise<void>;
  removeKmsKeyTags(region: string, keyId: string, tagKeys: readonly string[]): Promise<void>;
  /** Drops a key with its material, tags and every alias pointing at it; returns false if absent. */
  deleteKmsKey(region: string, keyId: string): Promise<boolean>;
  /**
   * Points an alias at a key; returns false (and changes nothing) if the alias exists. `at` is the
   * creation time in ms (0, "unknown", when left out).
   */
  insertAlias(region: string, alias: string, keyId: string, at?: number): Promise<boolean>;
  /** Re-points an existing alias; returns false if it does not exist. `at`: update time, ms. */
  updateAlias(region: string, alias: string, keyId: string, at: number): Promise<boolean>;
  deleteAlias(region: string, alias: string): Promise<boolean>;
  /** Sets a key's policy (deleted with the key); returns false if the key does not exist. */
  putKmsKeyPolicy(region: string, keyId: string, policy: string): Promise<boolean>;
  setRootKeyState(state: RootKeyState): Promise<void>;
  /** Replaces a stored material only if it still holds `expected`; returns whether it did. */
  replaceKmsMaterial(at: KmsMaterialPosition, expected: Uint8Array, material: Uint8Array): Promise<boolean>;
}

export interface Storage {
  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** One serializable transaction; resolves only once the commit is durable. */
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Raised by appendVersion when the version already exists (a lost race; the caller retries). */
export class VersionConflict extends Error {
  constructor(readonly key: string, readonly version: number) {
    super(`version ${version} of ${key} already exists`);
    this.name = "VersionConflict";
  }
}
