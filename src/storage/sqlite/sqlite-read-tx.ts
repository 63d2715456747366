import type {
  KmsAliasRecord,
  KmsMaterialEntry,
  KmsMaterialPosition,
  RootKeyState,
  KmsAliasScan,
  KmsKeyRecord,
  KmsKeySummary,
  KmsRotationRecord,
  ParameterScan,
  ParameterTier,
  ParameterVersionRecord,
  ParameterVersionWithLabels,
  ReadTx,
  ResourcePolicyRecord,
  ServiceSettingRecord,
  Tag,
  VersionSpan,
} from "../ports.js";
import { scanRange } from "./scan-query.js";
import { SqliteIamReadTx } from "./sqlite-iam-read-tx.js";
import type { KmsKeyRow, ReadStatements } from "./statements.js";
import { versionRecord } from "./version-row.js";

/** Whether a transaction may still be used: a tx kept past its `work` would touch someone else's. */
export interface TxScope {
  active: boolean;
}

export class SqliteReadTx extends SqliteIamReadTx implements ReadTx {
  constructor(
    protected readonly reads: ReadStatements,
    scope: TxScope,
  ) {
    super(reads.iam, scope);
  }

  async latest(region: string, key: string): Promise<ParameterVersionRecord | undefined> {
    this.check();
    const row = this.reads.latest.get(region, key);
    return row && versionRecord(row);
  }

  async version(region: string, key: string, version: number): Promise<ParameterVersionRecord | undefined> {
    this.check();
    const row = this.reads.version.get(region, key, version);
    return row && versionRecord(row);
  }

  async versionByLabel(region: string, key: string, label: string): Promise<ParameterVersionRecord | undefined> {
    this.check();
    const row = this.reads.versionByLabel.get(region, key, label);
    return row && versionRecord(row);
  }

  async history(region: string, key: string, afterVersion: number, limit: number): Promise<ParameterVersionWithLabels[]> {
    this.check();
    if (limit < 1) return [];
    const records = this.reads.history.all(region, key, afterVersion, limit).map(versionRecord);
    const last = records.at(-1);
    if (last === undefined) return [];
    const labels = new Map<number, string[]>();
    for (const { version, label } of this.reads.labelsBetween.all(region, key, afterVersion, last.version)) {
      const list = labels.get(version);
      if (list === undefined) labels.set(version, [label]);
      else list.push(label);
    }
    return records.map((record) => ({ ...record, labels: labels.get(record.version) ?? [] }));
  }

  async versionNumbers(region: string, key: string): Promise<number[]> {
    this.check();
    return this.reads.versionNumbers.all(region, key);
  }

  async versionSpan(region: string, key: string): Promise<VersionSpan> {
    this.check();
    const row = this.reads.versionSpan.get(region, key);
    return { count: row?.count ?? 0, oldest: row?.oldest ?? undefined };
  }

  async labelsOf(region: string, key: string, version: number): Promise<string[]> {
    this.check();
    return this.reads.labelsOf.all(region, key, version);
  }

  async scan(region: string, scan: ParameterScan): Promise<ParameterVersionRecord[]> {
    this.check();
    const range = scanRange(scan);
    if (range === null || scan.limit < 1) return [];
    const rows = this.reads.scan(range).all({
      region,
      lower: range.lower,
      limit: scan.limit,
      ...(range.parent === null ? {} : { parent: range.parent }),
      ...(range.upper === null ? {} : { upper: range.upper }),
    });
    return rows.map(versionRecord);
  }

  async countByTier(region: string, tier: ParameterTier): Promise<number> {
    this.check();
    return this.reads.countByTier.get(region, tier) ?? 0;
  }

  async tags(region: string, key: string): Promise<Tag[]> {
    this.check();
    return this.reads.tags.all(region, key);
  }

  async serviceSetting(region: string, settingId: string): Promise<ServiceSettingRecord | undefined> {
    this.check();
    return this.reads.serviceSetting.get(region, settingId);
  }

  async resourcePolicies(region: string, key: string): Promise<ResourcePolicyRecord[]> {
    this.check();
    return this.reads.resourcePolicies.all(region, key);
  }

  async resourcePolicyGeneration(): Promise<number> {
    this.check();
    return this.reads.resourcePolicyGeneration.get() ?? 0;
  }

  async kmsKey(region: string, keyId: string): Promise<KmsKeyRecord | undefined> {
    this.check();
    const row = this.reads.kmsKey.get(region, keyId);
    return row && kmsKeyRecord(row, this.reads.kmsMaterials.all(region, keyId));
  }

  async aliasTarget(region: string, alias: string): Promise<string | undefined> {
    this.check();
    return this.reads.aliasTarget.get(region, alias);
  }

  async listKmsKeys(region: string, afterKeyId: string | undefined, limit: number): Promise<KmsKeySummary[]> {
    this.check();
    if (limit < 1) return [];
    return this.reads.listKmsKeys.all(region, afterKeyId ?? "", limit);
  }

  async kmsKeysDueForDeletion(now: number, limit: number): Promise<{ region: string; keyId: string }[]> {
    this.check();
    if (limit < 1) return [];
    return this.reads.kmsKeysDue.all(now, limit);
  }

  async kmsKeysDueForRotation(now: number, limit: number): Promise<{ region: string; keyId: string }[]> {
    this.check();
    if (limit < 1) return [];
    return this.reads.kmsKeysDueForRotation.all(now, limit);
  }

  async kmsKeyRotations(region: string, keyId: string, afterVersion: number, limit: number): Promise<KmsRotationRecord[]> {
    this.check();
    if (limit < 1) return [];
    // Material version n is stored at position n - 1.
    return this.reads.kmsKeyRotations.all(region, keyId, afterVersion - 1, limit).map((row) => {
      if (row.rotation_type !== "AUTOMATIC" && row.rotation_type !== "ON_DEMAND") {
        throw new Error(`corrupt kms_key_materials row: unknown rotation type ${JSON.stringify(row.rotation_type)}`);
      }
      return { materialVersion: row.position + 1, rotationDate: row.rotation_date, rotationType: row.rotation_type };
    });
  }

  async countKmsKeyRotations(region: string, keyId: string, type: KmsRotationRecord["rotationType"]): Promise<number> {
    this.check();
    return this.reads.countKmsKeyRotations.get(region, keyId, type) ?? 0;
  }

  async kmsKeyTags(region: string, keyId: string): Promise<Tag[]> {
    this.check();
    return this.reads.kmsKeyTags.all(region, keyId);
  }

  async listAliases(region: string, scan: KmsAliasScan): Promise<KmsAliasRecord[]> {
    this.check();
    if (scan.limit < 1) return [];
    const after = scan.afterAlias ?? "";
    const rows =
      scan.keyId === undefined
        ? this.reads.listAliases.all(region, after, scan.limit)
        : this.reads.listAliasesOfKey.all(region, scan.keyId, after, scan.limit);
    return rows.map((row) => ({
      region: row.region,
      alias: row.alias,
      keyId: row.key_id,
      creationDate: row.creation_date,
      lastUpdatedDate: row.last_updated_date,
    }));
  }

  async kmsKeyPolicy(region: string, keyId: string): Promise<string | undefined> {
    this.check();
    return this.reads.kmsKeyPolicy.get(region, keyId);
  }

  async rootKeyState(): Promise<RootKeyState | undefined> {
    this.check();
    return this.reads.rootKeyState.get();
  }

  async scanKmsMaterials(after: KmsMaterialPosition | undefined, limit: number): Promise<KmsMaterialEntry[]> {
    this.check();
    // Positions are 0-based in the table, versions 1-based; "" sorts before every region.
    const rows = this.reads.scanKmsMaterials.all(after?.region ?? "", after?.keyId ?? "", (after?.version ?? 0) - 1, limit);
    return rows.map((r) => ({ region: r.region, keyId: r.keyId, arn: r.arn, version: r.position + 1, material: r.material }));
  }
}

function kmsKeyRecord(row: KmsKeyRow, materials: Buffer[]): KmsKeyRecord {
  if (row.key_manager !== "AWS" && row.key_manager !== "CUSTOMER") {
    throw new Error(`corrupt kms_keys row: unknown key manager ${JSON.stringify(row.key_manager)}`);
  }
  return {
    region: row.region,
    keyId: row.key_id,
    arn: row.arn,
    keyManager: row.key_manager,
    description: row.description,
    state: row.state,
    creationDate: row.creation_date,
    ...(row.deletion_date === null ? {} : { deletionDate: row.deletion_date }),
    materials,
    ...(row.rotation_period_days === null || row.next_rotation_date === null
      ? {}
      : { rotation: { periodInDays: row.rotation_period_days, nextRotationDate: row.next_rotation_date } }),
  };
}
