import type {
  AccessKeyRecord,
  AccessKeyStatus,
  IamGroupRecord,
  IamRoleChange,
  IamRoleRecord,
  IamSessionRecord,
  IamUserRecord,
  IamWriteTx,
  InlinePolicyRecord,
  ManagedPolicyRecord,
  SealedCredentialPosition,
} from "../iam-ports.js";
import type { Tag } from "../ports.js";
import type { IamWriteStatements } from "./iam-statements.js";
import { fold } from "./sqlite-iam-read-tx.js";
import { SqliteReadTx, type TxScope } from "./sqlite-read-tx.js";
import type { ReadStatements, WriteStatements } from "./statements.js";

/**
 * The IAM half of a write transaction (SqliteWriteTx extends it). Every method that changes IAM
 * bumps the generation counter once per transaction; the savepoint of a failed job takes the bump
 * back with everything else.
 */
export abstract class SqliteIamWriteTx extends SqliteReadTx implements IamWriteTx {
  private readonly iamWrites: IamWriteStatements;
  private bumped = false;

  constructor(reads: ReadStatements, writes: WriteStatements, scope: TxScope) {
    super(reads, scope);
    this.iamWrites = writes.iam;
  }

  /** Checks the scope and records that this transaction changes IAM. */
  private changing(): IamWriteStatements {
    this.check();
    if (!this.bumped) {
      this.iamWrites.bumpGeneration.run();
      this.bumped = true;
    }
    return this.iamWrites;
  }

  async insertIamUser(record: IamUserRecord, tags: readonly Tag[]): Promise<boolean> {
    const w = this.changing();
    const inserted = w.insertUser.run({
      name_key: fold(record.name),
      name: record.name,
      user_id: record.userId,
      path: record.path,
      create_date: record.createDate,
      permissions_boundary: record.permissionsBoundary ?? null,
    });
    if (inserted.changes === 0) return false;
    this.writeTags(record.userId, tags);
    return true;
  }

  async updateIamUser(userId: string, change: { readonly name?: string; readonly path?: string }): Promise<boolean> {
    const w = this.changing();
    const row = this.reads.iam.userById.get(userId);
    if (row === undefined) return false;
    const name = change.name ?? row.name;
    return w.updateUser.run(fold(name), name, change.path ?? row.path, userId).changes > 0;
  }

  async deleteIamUser(userId: string): Promise<boolean> {
    const w = this.changing();
    const existed = w.deleteUser.run(userId).changes > 0;
    w.deleteTags.run(userId);
    w.deleteSessionsOf.run(userId);
    return existed;
  }

  async putIamTags(ownerId: string, tags: readonly Tag[]): Promise<void> {
    this.changing();
    this.writeTags(ownerId, tags);
  }

  async removeIamTags(ownerId: string, tagKeys: readonly string[]): Promise<void> {
    const w = this.changing();
    for (const key of tagKeys) w.removeTag.run(ownerId, fold(key));
  }

  async insertAccessKey(record: AccessKeyRecord): Promise<void> {
    const w = this.changing();
    w.insertAccessKey.run(record.accessKeyId, record.userId, record.status, record.createDate, record.sealedSecret);
  }

  async updateAccessKeyStatus(accessKeyId: string, status: AccessKeyStatus): Promise<boolean> {
    return this.changing().updateAccessKeyStatus.run(status, accessKeyId).changes > 0;
  }

  async deleteAccessKey(accessKeyId: string): Promise<boolean> {
    return this.changing().deleteAccessKey.run(accessKeyId).changes > 0;
  }

  async insertIamGroup(record: IamGroupRecord): Promise<boolean> {
    const w = this.changing();
    const row = { name_key: fold(record.name), name: record.name, group_id: record.groupId, path: record.path, create_date: record.createDate };
    return w.insertGroup.run(row).changes > 0;
  }

  async deleteIamGroup(groupId: string): Promise<boolean> {
    return this.changing().deleteGroup.run(groupId).changes > 0;
  }

  async addGroupMember(groupId: string, userId: string): Promise<boolean> {
    return this.changing().addMember.run(groupId, userId).changes > 0;
  }

  async removeGroupMember(groupId: string, userId: string): Promise<boolean> {
    return this.changing().removeMember.run(groupId, userId).changes > 0;
  }

  async insertIamRole(record: IamRoleRecord, tags: readonly Tag[]): Promise<boolean> {
    const w = this.changing();
    const inserted = w.insertRole.run({
      name_key: fold(record.name),
      name: record.name,
      role_id: record.roleId,
      path: record.path,
      create_date: record.createDate,
      trust_policy: record.trustPolicy,
      trust_principals: JSON.stringify(record.trustPrincipals),
      max_session_duration: record.maxSessionDuration,
      description: record.description ?? null,
      permissions_boundary: record.permissionsBoundary ?? null,
    });
    if (inserted.changes === 0) return false;
    this.writeTags(record.roleId, tags);
    return true;
  }

  async updateIamRole(roleId: string, change: IamRoleChange): Promise<boolean> {
    const w = this.changing();
    const row = this.reads.iam.roleById.get(roleId);
    if (row === undefined) return false;
    w.updateRole.run(
      change.trustPolicy ?? row.trust_policy,
      change.trustPrincipals === undefined ? row.trust_principals : JSON.stringify(change.trustPrincipals),
      change.maxSessionDuration ?? row.max_session_duration,
      change.description ?? row.description,
      roleId,
    );
    return true;
  }

  async deleteIamRole(roleId: string): Promise<boolean> {
    const w = this.changing();
    const existed = w.deleteRole.run(roleId).changes > 0;
    w.deleteTags.run(roleId);
    w.deleteSessionsOf.run(roleId);
    return existed;
  }

  async putInlinePolicy(ownerId: string, policy: InlinePolicyRecord): Promise<void> {
    this.changing().putInlinePolicy.run(ownerId, fold(policy.name), policy.name, policy.document);
  }

  async deleteInlinePolicy(ownerId: string, name: string): Promise<boolean> {
    return this.changing().deleteInlinePolicy.run(ownerId, fold(name)).changes > 0;
  }

  async insertManagedPolicy(record: ManagedPolicyRecord, document: string, tags: readonly Tag[]): Promise<boolean> {
    const w = this.changing();
    const inserted = w.insertPolicy.run({
      arn: record.arn,
      policy_id: record.policyId,
      name_key: fold(record.name),
      name: record.name,
      path: record.path,
      description: record.description ?? null,
      create_date: record.createDate,
      update_date: record.updateDate,
      default_version: record.defaultVersion,
      last_version: record.lastVersion,
    });
    if (inserted.changes === 0) return false;
    w.insertPolicyVersion.run(record.arn, record.defaultVersion, document, record.createDate);
    this.writeTags(record.policyId, tags);
    return true;
  }

  async deleteManagedPolicy(arn: string): Promise<boolean> {
    const w = this.changing();
    const row = this.reads.iam.policy.get(arn);
    if (row === undefined) return false;
    w.deletePolicy.run(arn);
    w.deletePolicyVersions.run(arn);
    w.deleteTags.run(row.policy_id);
    return true;
  }

  async addPolicyVersion(arn: string, document: string, at: number, setAsDefault: boolean): Promise<number | undefined> {
    const w = this.changing();
    const row = this.reads.iam.policy.get(arn);
    if (row === undefined) return undefined;
    const version = row.last_version + 1;
    w.insertPolicyVersion.run(arn, version, document, at);
    w.setPolicyVersions.run(setAsDefault ? version : row.default_version, version, setAsDefault ? at : row.update_date, arn);
    return version;
  }

  async deletePolicyVersion(arn: string, version: number): Promise<boolean> {
    return this.changing().deletePolicyVersion.run(arn, version).changes > 0;
  }

  async setDefaultPolicyVersion(arn: string, version: number, at: number): Promise<boolean> {
    const w = this.changing();
    const row = this.reads.iam.policy.get(arn);
    if (row === undefined || this.reads.iam.policyVersion.get(arn, version) === undefined) return false;
    w.setPolicyVersions.run(version, row.last_version, at, arn);
    return true;
  }

  async attachPolicy(ownerId: string, policyArn: string): Promise<boolean> {
    return this.changing().attach.run(ownerId, policyArn).changes > 0;
  }

  async detachPolicy(ownerId: string, policyArn: string): Promise<boolean> {
    return this.changing().detach.run(ownerId, policyArn).changes > 0;
  }

  async putSession(record: IamSessionRecord): Promise<void> {
    this.check();
    this.iamWrites.putSession.run({
      access_key_id: record.accessKeyId,
      secret: Buffer.from(record.sealedSecret),
      token_hash: Buffer.from(record.tokenHash),
      principal_kind: record.principal.kind,
      principal_id: record.principal.kind === "role" ? record.principal.roleId : record.principal.kind === "root" ? "root" : record.principal.userId,
      session_name: record.sessionName ?? null,
      issued_at: record.issuedAt,
      expires_at: record.expiresAt,
      session_policy: record.sessionPolicy ?? null,
      policy_arns: JSON.stringify(record.sessionPolicyArns),
      tags: JSON.stringify(record.tags),
      transitive_tag_keys: JSON.stringify(record.transitiveTagKeys),
      source_identity: record.sourceIdentity ?? null,
      chained: record.chained ? 1 : 0,
    });
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    this.check();
    return this.iamWrites.deleteExpiredSessions.run(now).changes;
  }

  async replaceSealedCredential(at: SealedCredentialPosition, expected: Uint8Array, sealedSecret: Uint8Array): Promise<boolean> {
    this.check();
    const replace = at.kind === "access-key" ? this.iamWrites.replaceAccessKeySecret : this.iamWrites.replaceSessionSecret;
    return replace.run(sealedSecret, at.accessKeyId, expected).changes > 0;
  }

  private writeTags(ownerId: string, tags: readonly Tag[]): void {
    for (const tag of tags) {
      this.iamWrites.putTag.run({ ownerId, keyFold: fold(tag.key), tagKey: tag.key, value: tag.value });
    }
  }
}
