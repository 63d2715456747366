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
}

/** What a key's lifecycle operations change; members left out keep their stored value. */
export interface KmsKeyChange {
  readonly state?: string;
  /** null clears it. */
  readonly deletionDate?: number | null;
  readonly description?: string;
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

export interface ReadTx {
  /** The latest version of a parameter. */
  latest(region: string, key: string): Promise<ParameterVersionRecord | undefined>;
  version(region: string, key: string, version: number): Promise<ParameterVersionRecord | undefined>;
  versionByLabel(region: string, key: string, label: string): Promise<ParameterVersionRecord | undefined>;
  /** Versions in ascending order, strictly after `afterVersion`, at most `limit`, with their labels. */
  history(region: string, key: string, afterVersion: number, limit: number): Promise<ParameterVersionWithLabels[]>;
  /** Versions still retained: the oldest first (used for the 100-version cap). */
  versionNumbers(region: string, key: string): Promise<number[]>;
  labelsOf(region: string, key: string, version: number): Promise<string[]>;
  /** Latest versions of the parameters the scan selects; the page cost must not grow with the store. */
  scan(region: string, scan: ParameterScan): Promise<ParameterVersionRecord[]>;
  countByTier(region: string, tier: ParameterTier): Promise<number>;
  /** Tags in insertion order. */
  tags(region: string, key: string): Promise<Tag[]>;
  serviceSetting(region: string, settingId: string): Promise<ServiceSettingRecord | undefined>;
  resourcePolicies(region: string, key: string): Promise<ResourcePolicyRecord[]>;
  kmsKey(region: string, keyId: string): Promise<KmsKeyRecord | undefined>;
  /** The key id an alias (`alias/…`) points at. */
  aliasTarget(region: string, alias: string): Promise<string | undefined>;
  /** Keys in ascending key id order, strictly after `afterKeyId`, at most `limit`. */
  listKmsKeys(region: string, afterKeyId: string | undefined, limit: number): Promise<KmsKeySummary[]>;
  listAliases(region: string, scan: KmsAliasScan): Promise<KmsAliasRecord[]>;
  /** Keys of every region whose DeletionDate is at or before `now` (ms), soonest first, at most `limit`. */
  kmsKeysDueForDeletion(now: number, limit: number): Promise<{ region: string; keyId: string }[]>;
}

export interface WriteTx extends ReadTx {
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
  /** Drops a key with its material and every alias pointing at it; returns false if absent. */
  deleteKmsKey(region: string, keyId: string): Promise<boolean>;
  /**
   * Points an alias at a key; returns false (and changes nothing) if the alias exists. `at` is the
   * creation time in ms (0, "unknown", when left out).
   */
  insertAlias(region: string, alias: string, keyId: string, at?: number): Promise<boolean>;
  /** Re-points an existing alias; returns false if it does not exist. `at`: update time, ms. */
  updateAlias(region: string, alias: string, keyId: string, at: number): Promise<boolean>;
  deleteAlias(region: string, alias: string): Promise<boolean>;
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
