import type { Tag } from "./ports.js";

/*
 * IAM and STS state (iam-sts.md §2, §5–§12). IAM is global: no region anywhere. Names of users,
 * groups, roles, managed policies and inline policies are unique case-insensitively; the spelling
 * given is kept. Child rows (tags, keys, memberships, inline policies, attachments) hang off the
 * owner's unique id (AIDA…, AGPA…, AROA…, ANPA…), never its name, so a rename touches one row and a
 * recreated name never inherits a deleted entity's state.
 *
 * Every write transaction that changes IAM entities bumps `iamGeneration()` (STS sessions do not:
 * they change no permissions), so authorization caches anywhere can tell that IAM changed.
 */

export interface IamUserRecord {
  readonly name: string;
  readonly userId: string;
  readonly path: string;
  /** Milliseconds since the epoch. */
  readonly createDate: number;
  readonly permissionsBoundary?: string;
}

export type AccessKeyStatus = "Active" | "Inactive";

export interface AccessKeyRecord {
  readonly accessKeyId: string;
  readonly userId: string;
  readonly status: AccessKeyStatus;
  readonly createDate: number;
  /** The secret access key sealed by the server's credential sealer (aad = the access key id). */
  readonly sealedSecret: Uint8Array;
}

export interface IamGroupRecord {
  readonly name: string;
  readonly groupId: string;
  readonly path: string;
  readonly createDate: number;
}

/** A user or role ARN a trust policy names, with the unique id it had when the policy was saved. */
export interface TrustPrincipal {
  readonly arn: string;
  readonly uniqueId: string;
}

export interface IamRoleRecord {
  readonly name: string;
  readonly roleId: string;
  readonly path: string;
  readonly createDate: number;
  /** The trust policy exactly as submitted. */
  readonly trustPolicy: string;
  readonly trustPrincipals: readonly TrustPrincipal[];
  /** Seconds. */
  readonly maxSessionDuration: number;
  readonly description?: string;
  readonly permissionsBoundary?: string;
}

/** What UpdateRole / UpdateAssumeRolePolicy change; members left out keep their stored value. */
export interface IamRoleChange {
  readonly trustPolicy?: string;
  readonly trustPrincipals?: readonly TrustPrincipal[];
  readonly maxSessionDuration?: number;
  readonly description?: string;
}

export interface InlinePolicyRecord {
  readonly name: string;
  readonly document: string;
}

/** A customer managed policy. Versions are numbered from 1 (`v1`); numbers are never reused. */
export interface ManagedPolicyRecord {
  readonly arn: string;
  readonly policyId: string;
  readonly name: string;
  readonly path: string;
  readonly description?: string;
  readonly createDate: number;
  readonly updateDate: number;
  readonly defaultVersion: number;
  /** The highest version number ever created (the next one is this + 1). */
  readonly lastVersion: number;
}

export interface PolicyVersionRecord {
  readonly version: number;
  readonly document: string;
  readonly createDate: number;
}

/** A keyset page in ascending (case-folded) name order. */
export interface IamPage {
  /** Return entries strictly after this position (a value previously returned as `position`). */
  readonly after?: string;
  readonly limit: number;
  /** Only entries whose path starts with this. */
  readonly pathPrefix?: string;
}

export interface IamPolicyPage extends IamPage {
  /** Only policies attached to at least one user, group or role. */
  readonly onlyAttached?: boolean;
}

/** A page entry: the record and its keyset position, to pass back as `after`. */
export interface Positioned<T> {
  readonly position: string;
  readonly record: T;
}

export interface ManagedPolicyListing extends ManagedPolicyRecord {
  readonly attachmentCount: number;
}

export type IamOwnerKind = "user" | "group" | "role";

/** Who a managed policy is attached to (ListEntitiesForPolicy). */
export interface PolicyEntity {
  readonly kind: IamOwnerKind;
  readonly id: string;
  readonly name: string;
}

/** Where an identity policy applying to a principal comes from. */
export type IdentityPolicySource =
  | { readonly kind: "inline"; readonly owner: IamOwnerKind; readonly ownerName: string; readonly policyName: string }
  | {
      readonly kind: "managed";
      readonly owner: IamOwnerKind;
      readonly ownerName: string;
      readonly policyArn: string;
      /** The default version's number; absent for a policy storage does not hold (AWS managed). */
      readonly version?: number;
    };

export interface IdentityPolicy {
  readonly source: IdentityPolicySource;
  /** The document text; undefined for an attached ARN storage does not hold (the AWS managed catalogue). */
  readonly document: string | undefined;
}

export type IamPrincipalRef = { readonly kind: "user"; readonly userId: string } | { readonly kind: "role"; readonly roleId: string };

/** Everything authorization needs about one principal, read in one transaction. */
export interface PrincipalPolicies {
  readonly user?: IamUserRecord;
  readonly role?: IamRoleRecord;
  /** The principal's tags (`aws:PrincipalTag/*`). */
  readonly tags: readonly Tag[];
  /** For users, the groups it belongs to (names). */
  readonly groups: readonly string[];
  readonly policies: readonly IdentityPolicy[];
}

/** Temporary credentials issued by STS. The secret is sealed; the session token only hashed. */
export interface IamSessionRecord {
  readonly accessKeyId: string; // ASIA…
  readonly sealedSecret: Uint8Array;
  /** SHA-256 of the session token. */
  readonly tokenHash: Uint8Array;
  /** The user or role; `root` for the account root's GetSessionToken sessions. */
  readonly principal: IamPrincipalRef | { readonly kind: "root" };
  /** Role sessions: the session name; GetSessionToken sessions: undefined. */
  readonly sessionName?: string;
  /** Milliseconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly sessionPolicy?: string;
  readonly sessionPolicyArns: readonly string[];
  readonly tags: readonly Tag[];
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity?: string;
  /** Assumed by a role session (role chaining). */
  readonly chained: boolean;
}

/**
 * The two kinds of row holding a secret sealed under the root keyring (aad = the access key id): an
 * IAM user's long-term access key and an STS session. A root key rotation re-wraps both.
 */
export type SealedCredentialKind = "access-key" | "session";

/** Where one sealed secret sits: root key rotation walks access keys, then sessions, each in id order. */
export interface SealedCredentialPosition {
  readonly kind: SealedCredentialKind;
  readonly accessKeyId: string;
}

export interface SealedCredentialEntry extends SealedCredentialPosition {
  readonly sealedSecret: Uint8Array;
}

export interface IamReadTx {
  /** A counter every IAM-changing write transaction bumps (never goes down). */
  iamGeneration(): Promise<number>;

  iamUser(name: string): Promise<IamUserRecord | undefined>;
  iamUserById(userId: string): Promise<IamUserRecord | undefined>;
  listIamUsers(page: IamPage): Promise<Positioned<IamUserRecord>[]>;

  /** Tags of a user, role or managed policy (by unique id), in insertion order. */
  iamTags(ownerId: string): Promise<Tag[]>;

  accessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  /** A user's keys in access key id order. */
  accessKeysOf(userId: string): Promise<AccessKeyRecord[]>;

  iamGroup(name: string): Promise<IamGroupRecord | undefined>;
  iamGroupById(groupId: string): Promise<IamGroupRecord | undefined>;
  listIamGroups(page: IamPage): Promise<Positioned<IamGroupRecord>[]>;
  /** Members of a group in user id order (the membership index). */
  groupMembers(groupId: string, page: IamPage): Promise<Positioned<IamUserRecord>[]>;
  /** Groups a user belongs to, in group id order (the membership index). */
  groupsOfUser(userId: string, page: IamPage): Promise<Positioned<IamGroupRecord>[]>;
  countGroupsOfUser(userId: string): Promise<number>;

  iamRole(name: string): Promise<IamRoleRecord | undefined>;
  iamRoleById(roleId: string): Promise<IamRoleRecord | undefined>;
  listIamRoles(page: IamPage): Promise<Positioned<IamRoleRecord>[]>;

  /** An inline policy of a user, group or role (by unique id); the name is matched case-insensitively. */
  inlinePolicy(ownerId: string, name: string): Promise<InlinePolicyRecord | undefined>;
  /** Every inline policy of an owner, in name order. */
  inlinePolicies(ownerId: string): Promise<InlinePolicyRecord[]>;
  listInlinePolicies(ownerId: string, page: IamPage): Promise<Positioned<InlinePolicyRecord>[]>;

  managedPolicy(arn: string): Promise<ManagedPolicyRecord | undefined>;
  /** The customer managed policy with this name (case-insensitive), whatever its path. */
  managedPolicyNamed(name: string): Promise<ManagedPolicyRecord | undefined>;
  listManagedPolicies(page: IamPolicyPage): Promise<Positioned<ManagedPolicyListing>[]>;
  policyVersion(arn: string, version: number): Promise<PolicyVersionRecord | undefined>;
  /** Versions in ascending number. */
  policyVersions(arn: string): Promise<PolicyVersionRecord[]>;

  /** ARNs of the managed policies attached to a user, group or role, in ARN order. */
  attachedPolicies(ownerId: string): Promise<string[]>;
  /** Users + groups + roles a policy (local or AWS managed) is attached to. */
  attachmentCount(policyArn: string): Promise<number>;
  /** Entities a policy is attached to, in unique id order. */
  policyEntities(policyArn: string, page: IamPage): Promise<Positioned<PolicyEntity>[]>;

  /** The principal's record, tags, groups and every identity policy that applies to it. */
  principalPolicies(principal: IamPrincipalRef): Promise<PrincipalPolicies | undefined>;

  session(accessKeyId: string): Promise<IamSessionRecord | undefined>;

  /**
   * Sealed secrets of every access key, then of every session, each in access key id order, strictly
   * after `after`, at most `limit` (root key rotation and the server's start-up check walk them).
   */
  scanSealedCredentials(after: SealedCredentialPosition | undefined, limit: number): Promise<SealedCredentialEntry[]>;
}

export interface IamWriteTx extends IamReadTx {
  /** Inserts a user with its tags; false (and nothing changed) if the name is taken. */
  insertIamUser(record: IamUserRecord, tags: readonly Tag[]): Promise<boolean>;
  /** Renames / moves a user; false if the new name belongs to another user. */
  updateIamUser(userId: string, change: { readonly name?: string; readonly path?: string }): Promise<boolean>;
  /** Drops a user with its tags and sessions (the caller has checked it owns nothing else). */
  deleteIamUser(userId: string): Promise<boolean>;

  /** Sets tags: a key already there (case-insensitively) takes the new spelling and value in place. */
  putIamTags(ownerId: string, tags: readonly Tag[]): Promise<void>;
  /** Removes tags by key, case-insensitively. */
  removeIamTags(ownerId: string, tagKeys: readonly string[]): Promise<void>;

  insertAccessKey(record: AccessKeyRecord): Promise<void>;
  updateAccessKeyStatus(accessKeyId: string, status: AccessKeyStatus): Promise<boolean>;
  deleteAccessKey(accessKeyId: string): Promise<boolean>;

  insertIamGroup(record: IamGroupRecord): Promise<boolean>;
  deleteIamGroup(groupId: string): Promise<boolean>;
  /** Idempotent; false if the user was already a member. */
  addGroupMember(groupId: string, userId: string): Promise<boolean>;
  removeGroupMember(groupId: string, userId: string): Promise<boolean>;

  insertIamRole(record: IamRoleRecord, tags: readonly Tag[]): Promise<boolean>;
  updateIamRole(roleId: string, change: IamRoleChange): Promise<boolean>;
  /** Drops a role with its tags and sessions. */
  deleteIamRole(roleId: string): Promise<boolean>;

  /** Creates or replaces an inline policy; a re-put under another spelling renames it. */
  putInlinePolicy(ownerId: string, policy: InlinePolicyRecord): Promise<void>;
  deleteInlinePolicy(ownerId: string, name: string): Promise<boolean>;

  /** Inserts a policy with version `record.defaultVersion` holding `document`; false if the ARN or name is taken. */
  insertManagedPolicy(record: ManagedPolicyRecord, document: string, tags: readonly Tag[]): Promise<boolean>;
  /** Drops a policy with its versions and tags (the caller has checked it is attached nowhere). */
  deleteManagedPolicy(arn: string): Promise<boolean>;
  /** Adds version `lastVersion + 1`, optionally as the default; returns its number, or undefined if the policy is gone. */
  addPolicyVersion(arn: string, document: string, at: number, setAsDefault: boolean): Promise<number | undefined>;
  deletePolicyVersion(arn: string, version: number): Promise<boolean>;
  setDefaultPolicyVersion(arn: string, version: number, at: number): Promise<boolean>;

  /** False if it was attached already. */
  attachPolicy(ownerId: string, policyArn: string): Promise<boolean>;
  detachPolicy(ownerId: string, policyArn: string): Promise<boolean>;

  putSession(record: IamSessionRecord): Promise<void>;
  /** Drops the sessions whose expiry is at or before `now` (ms); returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  /**
   * Replaces a sealed secret only if it still holds `expected` (compare-and-set); returns whether it
   * did. The secret itself is unchanged (a re-wrap), so this is no IAM change: no generation bump.
   */
  replaceSealedCredential(at: SealedCredentialPosition, expected: Uint8Array, sealedSecret: Uint8Array): Promise<boolean>;
}
