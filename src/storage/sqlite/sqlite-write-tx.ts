import {
  VersionConflict,
  type KmsKeyChange,
  type KmsKeyRecord,
  type KmsMaterialPosition,
  type RootKeyState,
  type KmsRotationRecord,
  type ParameterVersionRecord,
  type ResourcePolicyRecord,
  type ServiceSettingRecord,
  type Tag,
  type WriteTx,
} from "../ports.js";
import { SqliteIamWriteTx } from "./sqlite-iam-write-tx.js";
import type { TxScope } from "./sqlite-read-tx.js";
import type { ReadStatements, WriteStatements } from "./statements.js";
import { parentOf, versionParams } from "./version-row.js";

/** Runs on the writer connection, so its reads see the batch's uncommitted changes. */
export class SqliteWriteTx extends SqliteIamWriteTx implements WriteTx {
  constructor(
    reads: ReadStatements,
    private readonly writes: WriteStatements,
    scope: TxScope,
  ) {
    super(reads, writes, scope);
  }

  async appendVersion(record: ParameterVersionRecord): Promise<void> {
    this.check();
    if (this.writes.insertVersion.run(versionParams(record)).changes === 0) {
      throw new VersionConflict(record.key, record.version);
    }
    const { region, key } = record;
    this.writes.upsertParameter.run(region, key, record.name, parentOf(key), record.version, record.tier);
  }

  async deleteVersion(region: string, key: string, version: number): Promise<void> {
    this.check();
    this.writes.deleteVersionLabels.run(region, key, version);
    if (this.writes.deleteVersion.run(region, key, version).changes === 0) return;
    if (this.writes.latestNumber.get(region, key) !== version) return;
    // Services only drop the oldest version, but the parameters row must never point at a missing
    // one: the next version down becomes the latest, and with none left the parameter is gone.
    const remaining = this.reads.newestVersion.get(region, key) ?? undefined;
    if (remaining === undefined) {
      this.dropParameter(region, key);
      return;
    }
    const tier = this.reads.versionTier.get(region, key, remaining) ?? "Standard";
    this.writes.setLatest.run(remaining, tier, region, key);
  }

  async deleteParameter(region: string, key: string): Promise<boolean> {
    this.check();
    return this.dropParameter(region, key);
  }

  async setLabel(region: string, key: string, label: string, version: number): Promise<void> {
    this.check();
    this.writes.setLabel.run({ region, key, label, version });
  }

  async removeLabel(region: string, key: string, label: string, version: number): Promise<boolean> {
    this.check();
    return this.writes.removeLabel.run(region, key, label, version).changes > 0;
  }

  async putTags(region: string, key: string, tags: readonly Tag[]): Promise<void> {
    this.check();
    for (const tag of tags) this.writes.putTag.run({ region, key, tagKey: tag.key, value: tag.value });
  }

  async removeTags(region: string, key: string, tagKeys: readonly string[]): Promise<void> {
    this.check();
    for (const tagKey of tagKeys) this.writes.removeTag.run(region, key, tagKey);
  }

  async putServiceSetting(record: ServiceSettingRecord): Promise<void> {
    this.check();
    const { region, settingId, value, lastModifiedDate, lastModifiedUser } = record;
    this.writes.putServiceSetting.run(region, settingId, value, lastModifiedDate, lastModifiedUser);
  }

  async deleteServiceSetting(region: string, settingId: string): Promise<void> {
    this.check();
    this.writes.deleteServiceSetting.run(region, settingId);
  }

  async putResourcePolicy(record: ResourcePolicyRecord): Promise<void> {
    this.check();
    const { region, key, policyId, policyHash, policy } = record;
    this.writes.putResourcePolicy.run(region, key, policyId, policyHash, policy);
  }

  async deleteResourcePolicy(region: string, key: string, policyId: string): Promise<boolean> {
    this.check();
    return this.writes.deleteResourcePolicy.run(region, key, policyId).changes > 0;
  }

  async insertKmsKey(record: KmsKeyRecord): Promise<boolean> {
    this.check();
    const inserted = this.writes.insertKmsKey.run({
      region: record.region,
      key_id: record.keyId,
      arn: record.arn,
      key_manager: record.keyManager,
      description: record.description,
      state: record.state,
      creation_date: record.creationDate,
      deletion_date: record.deletionDate ?? null,
      rotation_period_days: record.rotation?.periodInDays ?? null,
      next_rotation_date: record.rotation?.nextRotationDate ?? null,
    });
    if (inserted.changes === 0) return false;
    record.materials.forEach((material, position) => {
      this.writes.insertKmsMaterial.run(record.region, record.keyId, position, material);
    });
    return true;
  }

  async updateKmsKey(region: string, keyId: string, change: KmsKeyChange): Promise<boolean> {
    this.check();
    const row = this.reads.kmsKey.get(region, keyId);
    if (row === undefined) return false;
    this.writes.updateKmsKey.run(
      change.state ?? row.state,
      change.deletionDate === undefined ? row.deletion_date : change.deletionDate,
      change.description ?? row.description,
      region,
      keyId,
    );
    if (change.rotation !== undefined) {
      this.writes.setKmsRotation.run(change.rotation?.periodInDays ?? null, change.rotation?.nextRotationDate ?? null, region, keyId);
    }
    return true;
  }

  async appendKmsMaterial(region: string, keyId: string, material: Uint8Array, rotation: KmsRotationRecord): Promise<boolean> {
    this.check();
    if (this.reads.kmsKey.get(region, keyId) === undefined) return false;
    const position = rotation.materialVersion - 1;
    if (this.reads.lastKmsMaterialPosition.get(region, keyId) !== position - 1) return false;
    const { rotationDate, rotationType } = rotation;
    return this.writes.appendKmsMaterial.run(region, keyId, position, material, rotationDate, rotationType).changes > 0;
  }

  async putKmsKeyTags(region: string, keyId: string, tags: readonly Tag[]): Promise<void> {
    this.check();
    for (const tag of tags) this.writes.putKmsKeyTag.run({ region, keyId, tagKey: tag.key, value: tag.value });
  }

  async removeKmsKeyTags(region: string, keyId: string, tagKeys: readonly string[]): Promise<void> {
    this.check();
    for (const tagKey of tagKeys) this.writes.removeKmsKeyTag.run(region, keyId, tagKey);
  }

  async deleteKmsKey(region: string, keyId: string): Promise<boolean> {
    this.check();
    const existed = this.writes.deleteKmsKey.run(region, keyId).changes > 0;
    this.writes.deleteKmsMaterials.run(region, keyId);
    this.writes.deleteKmsKeyTags.run(region, keyId);
    this.writes.deleteAliasesOfKey.run(region, keyId);
    this.writes.deleteKmsKeyPolicy.run(region, keyId);
    return existed;
  }

  async insertAlias(region: string, alias: string, keyId: string, at = 0): Promise<boolean> {
    this.check();
    return this.writes.insertAlias.run(region, alias, keyId, at, at).changes > 0;
  }

  async updateAlias(region: string, alias: string, keyId: string, at: number): Promise<boolean> {
    this.check();
    return this.writes.updateAlias.run(keyId, at, region, alias).changes > 0;
  }

  async deleteAlias(region: string, alias: string): Promise<boolean> {
    this.check();
    return this.writes.deleteAlias.run(region, alias).changes > 0;
  }

  async putKmsKeyPolicy(region: string, keyId: string, policy: string): Promise<boolean> {
    this.check();
    if (this.reads.kmsKey.get(region, keyId) === undefined) return false;
    this.writes.putKmsKeyPolicy.run(region, keyId, policy);
    return true;
  }

  async setRootKeyState(state: RootKeyState): Promise<void> {
    this.check();
    this.writes.setRootKeyState.run(state.current, state.previous);
  }

  async replaceKmsMaterial(at: KmsMaterialPosition, expected: Uint8Array, material: Uint8Array): Promise<boolean> {
    this.check();
    return this.writes.replaceKmsMaterial.run(material, at.region, at.keyId, at.version - 1, expected).changes > 0;
  }

  private dropParameter(region: string, key: string): boolean {
    const existed = this.writes.deleteParameter.run(region, key).changes > 0;
    this.writes.deleteAllVersions.run(region, key);
    this.writes.deleteAllLabels.run(region, key);
    this.writes.deleteAllTags.run(region, key);
    this.writes.deleteAllResourcePolicies.run(region, key);
    return existed;
  }
}
