import type {
  AccessKeyRecord,
  IamGroupRecord,
  IamPage,
  IamPolicyPage,
  IamPrincipalRef,
  IamReadTx,
  IamRoleRecord,
  IamSessionRecord,
  IamUserRecord,
  IdentityPolicy,
  IamOwnerKind,
  InlinePolicyRecord,
  ManagedPolicyListing,
  ManagedPolicyRecord,
  PolicyEntity,
  PolicyVersionRecord,
  Positioned,
  PrincipalPolicies,
  SealedCredentialEntry,
  SealedCredentialPosition,
  TrustPrincipal,
} from "../iam-ports.js";
import type { Tag } from "../ports.js";
import type {
  AccessKeyRow,
  IamGroupRow,
  IamReadStatements,
  IamRoleRow,
  IamUserRow,
  ManagedPolicyRow,
  SessionRow,
} from "./iam-statements.js";
import type { TxScope } from "./sqlite-read-tx.js";

/** IAM names are ASCII (`[\w+=,.@-]`), so folding is plain lower-casing. */
export const fold = (name: string): string => name.toLowerCase();

/**
 * The IAM half of a read transaction; SqliteReadTx extends it so that one transaction object serves
 * every area (the port's ReadTx extends IamReadTx).
 */
export abstract class SqliteIamReadTx implements IamReadTx {
  constructor(
    private readonly iamReads: IamReadStatements,
    private readonly scope: TxScope,
  ) {}

  protected check(): void {
    if (!this.scope.active) throw new Error("storage transaction used after its work settled");
  }

  async iamGeneration(): Promise<number> {
    this.check();
    return this.iamReads.generation.get() ?? 0;
  }

  async iamUser(name: string): Promise<IamUserRecord | undefined> {
    this.check();
    const row = this.iamReads.user.get(fold(name));
    return row && userRecord(row);
  }

  async iamUserById(userId: string): Promise<IamUserRecord | undefined> {
    this.check();
    const row = this.iamReads.userById.get(userId);
    return row && userRecord(row);
  }

  async listIamUsers(page: IamPage): Promise<Positioned<IamUserRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.listUsers.all(pageParams(page)).map((row) => ({ position: row.name_key, record: userRecord(row) }));
  }

  async iamTags(ownerId: string): Promise<Tag[]> {
    this.check();
    return this.iamReads.tags.all(ownerId);
  }

  async accessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    this.check();
    const row = this.iamReads.accessKey.get(accessKeyId);
    return row && accessKeyRecord(row);
  }

  async accessKeysOf(userId: string): Promise<AccessKeyRecord[]> {
    this.check();
    return this.iamReads.accessKeysOf.all(userId).map(accessKeyRecord);
  }

  async iamGroup(name: string): Promise<IamGroupRecord | undefined> {
    this.check();
    const row = this.iamReads.group.get(fold(name));
    return row && groupRecord(row);
  }

  async iamGroupById(groupId: string): Promise<IamGroupRecord | undefined> {
    this.check();
    const row = this.iamReads.groupById.get(groupId);
    return row && groupRecord(row);
  }

  async listIamGroups(page: IamPage): Promise<Positioned<IamGroupRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.listGroups.all(pageParams(page)).map((row) => ({ position: row.name_key, record: groupRecord(row) }));
  }

  async groupMembers(groupId: string, page: IamPage): Promise<Positioned<IamUserRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.groupMembers
      .all({ groupId, ...pageParams(page) })
      .map((row) => ({ position: row.user_id, record: userRecord(row) }));
  }

  async groupsOfUser(userId: string, page: IamPage): Promise<Positioned<IamGroupRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.groupsOfUser
      .all({ userId, ...pageParams(page) })
      .map((row) => ({ position: row.group_id, record: groupRecord(row) }));
  }

  async countGroupsOfUser(userId: string): Promise<number> {
    this.check();
    return this.iamReads.countGroupsOfUser.get(userId) ?? 0;
  }

  async iamRole(name: string): Promise<IamRoleRecord | undefined> {
    this.check();
    const row = this.iamReads.role.get(fold(name));
    return row && roleRecord(row);
  }

  async iamRoleById(roleId: string): Promise<IamRoleRecord | undefined> {
    this.check();
    const row = this.iamReads.roleById.get(roleId);
    return row && roleRecord(row);
  }

  async listIamRoles(page: IamPage): Promise<Positioned<IamRoleRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.listRoles.all(pageParams(page)).map((row) => ({ position: row.name_key, record: roleRecord(row) }));
  }

  async inlinePolicy(ownerId: string, name: string): Promise<InlinePolicyRecord | undefined> {
    this.check();
    const row = this.iamReads.inlinePolicy.get(ownerId, fold(name));
    return row && { name: row.name, document: row.document };
  }

  async inlinePolicies(ownerId: string): Promise<InlinePolicyRecord[]> {
    this.check();
    return this.iamReads.inlinePolicies.all(ownerId).map((row) => ({ name: row.name, document: row.document }));
  }

  async listInlinePolicies(ownerId: string, page: IamPage): Promise<Positioned<InlinePolicyRecord>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.listInlinePolicies
      .all(ownerId, page.after ?? "", page.limit)
      .map((row) => ({ position: row.name_key, record: { name: row.name, document: row.document } }));
  }

  async managedPolicy(arn: string): Promise<ManagedPolicyRecord | undefined> {
    this.check();
    const row = this.iamReads.policy.get(arn);
    return row && policyRecord(row);
  }

  async managedPolicyNamed(name: string): Promise<ManagedPolicyRecord | undefined> {
    this.check();
    const row = this.iamReads.policyNamed.get(fold(name));
    return row && policyRecord(row);
  }

  async listManagedPolicies(page: IamPolicyPage): Promise<Positioned<ManagedPolicyListing>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.listPolicies
      .all({ ...pageParams(page), onlyAttached: page.onlyAttached === true ? 1 : 0 })
      .map((row) => ({ position: row.name_key, record: { ...policyRecord(row), attachmentCount: row.attachment_count } }));
  }

  async policyVersion(arn: string, version: number): Promise<PolicyVersionRecord | undefined> {
    this.check();
    const row = this.iamReads.policyVersion.get(arn, version);
    return row && { version: row.version, document: row.document, createDate: row.create_date };
  }

  async policyVersions(arn: string): Promise<PolicyVersionRecord[]> {
    this.check();
    return this.iamReads.policyVersions
      .all(arn)
      .map((row) => ({ version: row.version, document: row.document, createDate: row.create_date }));
  }

  async attachedPolicies(ownerId: string): Promise<string[]> {
    this.check();
    return this.iamReads.attachedPolicies.all(ownerId);
  }

  async attachmentCount(policyArn: string): Promise<number> {
    this.check();
    return this.iamReads.attachmentCount.get(policyArn) ?? 0;
  }

  async policyEntities(policyArn: string, page: IamPage): Promise<Positioned<PolicyEntity>[]> {
    this.check();
    if (page.limit < 1) return [];
    return this.iamReads.policyEntities.all(policyArn, page.after ?? "", page.limit).flatMap((row) => {
      const entity: PolicyEntity | undefined =
        row.user_name !== null
          ? { kind: "user", id: row.owner_id, name: row.user_name }
          : row.group_name !== null
            ? { kind: "group", id: row.owner_id, name: row.group_name }
            : row.role_name !== null
              ? { kind: "role", id: row.owner_id, name: row.role_name }
              : undefined;
      return entity === undefined ? [] : [{ position: row.owner_id, record: entity }];
    });
  }

  async principalPolicies(principal: IamPrincipalRef): Promise<PrincipalPolicies | undefined> {
    this.check();
    if (principal.kind === "role") {
      const row = this.iamReads.roleById.get(principal.roleId);
      if (row === undefined) return undefined;
      const role = roleRecord(row);
      return {
        role,
        tags: this.iamReads.tags.all(role.roleId),
        groups: [],
        policies: this.ownerPolicies("role", role.roleId, role.name),
      };
    }
    const row = this.iamReads.userById.get(principal.userId);
    if (row === undefined) return undefined;
    const user = userRecord(row);
    const groups = this.iamReads.groupsOfUserAll.all(user.userId);
    return {
      user,
      tags: this.iamReads.tags.all(user.userId),
      groups: groups.map((g) => g.name),
      policies: [
        ...this.ownerPolicies("user", user.userId, user.name),
        ...groups.flatMap((g) => this.ownerPolicies("group", g.group_id, g.name)),
      ],
    };
  }

  async session(accessKeyId: string): Promise<IamSessionRecord | undefined> {
    this.check();
    const row = this.iamReads.session.get(accessKeyId);
    return row && sessionRecord(row);
  }

  async scanSealedCredentials(after: SealedCredentialPosition | undefined, limit: number): Promise<SealedCredentialEntry[]> {
    this.check();
    if (limit < 1) return [];
    const entries: SealedCredentialEntry[] = [];
    // "" sorts before every access key id.
    if (after === undefined || after.kind === "access-key") {
      for (const row of this.iamReads.scanAccessKeySecrets.all(after?.accessKeyId ?? "", limit)) {
        entries.push({ kind: "access-key", accessKeyId: row.access_key_id, sealedSecret: row.secret });
      }
      if (entries.length === limit) return entries;
    }
    const from = after?.kind === "session" ? after.accessKeyId : "";
    for (const row of this.iamReads.scanSessionSecrets.all(from, limit - entries.length)) {
      entries.push({ kind: "session", accessKeyId: row.access_key_id, sealedSecret: row.secret });
    }
    return entries;
  }

  private ownerPolicies(owner: IamOwnerKind, ownerId: string, ownerName: string): IdentityPolicy[] {
    const inline = this.iamReads.inlinePolicies.all(ownerId).map(
      (row): IdentityPolicy => ({ source: { kind: "inline", owner, ownerName, policyName: row.name }, document: row.document }),
    );
    const managed = this.iamReads.attachedDocuments.all(ownerId).map(
      (row): IdentityPolicy => ({
        source: {
          kind: "managed",
          owner,
          ownerName,
          policyArn: row.policy_arn,
          ...(row.version === null ? {} : { version: row.version }),
        },
        document: row.document ?? undefined,
      }),
    );
    return [...inline, ...managed];
  }
}

function pageParams(page: IamPage): { after: string; prefix: string; limit: number } {
  return { after: page.after ?? "", prefix: page.pathPrefix ?? "", limit: page.limit };
}

function userRecord(row: IamUserRow): IamUserRecord {
  return {
    name: row.name,
    userId: row.user_id,
    path: row.path,
    createDate: row.create_date,
    ...(row.permissions_boundary === null ? {} : { permissionsBoundary: row.permissions_boundary }),
  };
}

function groupRecord(row: IamGroupRow): IamGroupRecord {
  return { name: row.name, groupId: row.group_id, path: row.path, createDate: row.create_date };
}

function roleRecord(row: IamRoleRow): IamRoleRecord {
  return {
    name: row.name,
    roleId: row.role_id,
    path: row.path,
    createDate: row.create_date,
    trustPolicy: row.trust_policy,
    trustPrincipals: JSON.parse(row.trust_principals) as TrustPrincipal[],
    maxSessionDuration: row.max_session_duration,
    ...(row.description === null ? {} : { description: row.description }),
    ...(row.permissions_boundary === null ? {} : { permissionsBoundary: row.permissions_boundary }),
  };
}

function accessKeyRecord(row: AccessKeyRow): AccessKeyRecord {
  if (row.status !== "Active" && row.status !== "Inactive") {
    throw new Error(`corrupt iam_access_keys row: unknown status ${JSON.stringify(row.status)}`);
  }
  return {
    accessKeyId: row.access_key_id,
    userId: row.user_id,
    status: row.status,
    createDate: row.create_date,
    sealedSecret: row.secret,
  };
}

function policyRecord(row: ManagedPolicyRow): ManagedPolicyRecord {
  return {
    arn: row.arn,
    policyId: row.policy_id,
    name: row.name,
    path: row.path,
    ...(row.description === null ? {} : { description: row.description }),
    createDate: row.create_date,
    updateDate: row.update_date,
    defaultVersion: row.default_version,
    lastVersion: row.last_version,
  };
}

function sessionRecord(row: SessionRow): IamSessionRecord {
  const principal: IamSessionRecord["principal"] =
    row.principal_kind === "role"
      ? { kind: "role", roleId: row.principal_id }
      : row.principal_kind === "root"
        ? { kind: "root" }
        : { kind: "user", userId: row.principal_id };
  return {
    accessKeyId: row.access_key_id,
    sealedSecret: row.secret,
    tokenHash: row.token_hash,
    principal,
    ...(row.session_name === null ? {} : { sessionName: row.session_name }),
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    ...(row.session_policy === null ? {} : { sessionPolicy: row.session_policy }),
    sessionPolicyArns: JSON.parse(row.policy_arns) as string[],
    tags: JSON.parse(row.tags) as Tag[],
    transitiveTagKeys: JSON.parse(row.transitive_tag_keys) as string[],
    ...(row.source_identity === null ? {} : { sourceIdentity: row.source_identity }),
    chained: row.chained !== 0,
  };
}
