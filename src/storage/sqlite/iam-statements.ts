import type { Database } from "better-sqlite3";
import type { Tag } from "../ports.js";

export interface IamUserRow {
  readonly name_key: string;
  readonly name: string;
  readonly user_id: string;
  readonly path: string;
  readonly create_date: number;
  readonly permissions_boundary: string | null;
}

export interface IamGroupRow {
  readonly name_key: string;
  readonly name: string;
  readonly group_id: string;
  readonly path: string;
  readonly create_date: number;
}

export interface IamRoleRow {
  readonly name_key: string;
  readonly name: string;
  readonly role_id: string;
  readonly path: string;
  readonly create_date: number;
  readonly trust_policy: string;
  readonly trust_principals: string;
  readonly max_session_duration: number;
  readonly description: string | null;
  readonly permissions_boundary: string | null;
}

export interface AccessKeyRow {
  readonly access_key_id: string;
  readonly user_id: string;
  readonly status: string;
  readonly create_date: number;
  readonly secret: Buffer;
}

export interface SealedSecretRow {
  readonly access_key_id: string;
  readonly secret: Buffer;
}

export interface InlinePolicyRow {
  readonly name_key: string;
  readonly name: string;
  readonly document: string;
}

export interface ManagedPolicyRow {
  readonly arn: string;
  readonly policy_id: string;
  readonly name_key: string;
  readonly name: string;
  readonly path: string;
  readonly description: string | null;
  readonly create_date: number;
  readonly update_date: number;
  readonly default_version: number;
  readonly last_version: number;
}

export interface ManagedPolicyListRow extends ManagedPolicyRow {
  readonly attachment_count: number;
}

export interface PolicyVersionRow {
  readonly version: number;
  readonly document: string;
  readonly create_date: number;
}

export interface AttachedDocumentRow {
  readonly policy_arn: string;
  readonly version: number | null;
  readonly document: string | null;
}

export interface PolicyEntityRow {
  readonly owner_id: string;
  readonly user_name: string | null;
  readonly group_name: string | null;
  readonly role_name: string | null;
}

export interface SessionRow {
  readonly access_key_id: string;
  readonly secret: Buffer;
  readonly token_hash: Buffer;
  readonly principal_kind: string;
  readonly principal_id: string;
  readonly session_name: string | null;
  readonly issued_at: number;
  readonly expires_at: number;
  readonly session_policy: string | null;
  readonly policy_arns: string;
  readonly tags: string;
  readonly transitive_tag_keys: string;
  readonly source_identity: string | null;
  readonly chained: number;
}

type Page = [after: string, limit: number];

// `substr(path, 1, length(?)) = ?`-style prefix tests cannot use an index; the name index orders the
// page and the prefix only filters it, which is how IAM's own name-ordered listings behave.
const PATH_FILTER = "substr(path, 1, length(@prefix)) = @prefix";

/** IAM's queries, prepared once per connection (both the writer and every reader). */
export function prepareIamReadStatements(db: Database) {
  return {
    generation: db.prepare<[], number>("SELECT n FROM iam_generation WHERE id = 1").pluck(),

    user: db.prepare<[nameKey: string], IamUserRow>("SELECT * FROM iam_users WHERE name_key = ?"),
    userById: db.prepare<[userId: string], IamUserRow>("SELECT * FROM iam_users WHERE user_id = ?"),
    listUsers: db.prepare<{ after: string; prefix: string; limit: number }, IamUserRow>(
      `SELECT * FROM iam_users WHERE name_key > @after AND ${PATH_FILTER} ORDER BY name_key LIMIT @limit`,
    ),

    tags: db.prepare<[ownerId: string], Tag>(
      "SELECT tag_key AS key, value FROM iam_tags WHERE owner_id = ? ORDER BY position",
    ),

    accessKey: db.prepare<[accessKeyId: string], AccessKeyRow>("SELECT * FROM iam_access_keys WHERE access_key_id = ?"),
    accessKeysOf: db.prepare<[userId: string], AccessKeyRow>(
      "SELECT * FROM iam_access_keys WHERE user_id = ? ORDER BY access_key_id",
    ),

    group: db.prepare<[nameKey: string], IamGroupRow>("SELECT * FROM iam_groups WHERE name_key = ?"),
    groupById: db.prepare<[groupId: string], IamGroupRow>("SELECT * FROM iam_groups WHERE group_id = ?"),
    listGroups: db.prepare<{ after: string; prefix: string; limit: number }, IamGroupRow>(
      `SELECT * FROM iam_groups WHERE name_key > @after AND ${PATH_FILTER} ORDER BY name_key LIMIT @limit`,
    ),
    groupMembers: db.prepare<{ groupId: string; after: string; prefix: string; limit: number }, IamUserRow>(
      `SELECT u.* FROM iam_group_members m CROSS JOIN iam_users u ON u.user_id = m.user_id
       WHERE m.group_id = @groupId AND m.user_id > @after AND ${PATH_FILTER.replaceAll("path", "u.path")}
       ORDER BY m.user_id LIMIT @limit`,
    ),
    groupsOfUser: db.prepare<{ userId: string; after: string; prefix: string; limit: number }, IamGroupRow>(
      `SELECT g.* FROM iam_group_members m CROSS JOIN iam_groups g ON g.group_id = m.group_id
       WHERE m.user_id = @userId AND m.group_id > @after AND ${PATH_FILTER.replaceAll("path", "g.path")}
       ORDER BY m.group_id LIMIT @limit`,
    ),
    countGroupsOfUser: db
      .prepare<[userId: string], number>("SELECT COUNT(*) FROM iam_group_members WHERE user_id = ?")
      .pluck(),

    role: db.prepare<[nameKey: string], IamRoleRow>("SELECT * FROM iam_roles WHERE name_key = ?"),
    roleById: db.prepare<[roleId: string], IamRoleRow>("SELECT * FROM iam_roles WHERE role_id = ?"),
    listRoles: db.prepare<{ after: string; prefix: string; limit: number }, IamRoleRow>(
      `SELECT * FROM iam_roles WHERE name_key > @after AND ${PATH_FILTER} ORDER BY name_key LIMIT @limit`,
    ),

    inlinePolicy: db.prepare<[ownerId: string, nameKey: string], InlinePolicyRow>(
      "SELECT name_key, name, document FROM iam_inline_policies WHERE owner_id = ? AND name_key = ?",
    ),
    inlinePolicies: db.prepare<[ownerId: string], InlinePolicyRow>(
      "SELECT name_key, name, document FROM iam_inline_policies WHERE owner_id = ? ORDER BY name_key",
    ),
    listInlinePolicies: db.prepare<[ownerId: string, ...Page], InlinePolicyRow>(
      `SELECT name_key, name, document FROM iam_inline_policies WHERE owner_id = ? AND name_key > ?
       ORDER BY name_key LIMIT ?`,
    ),

    policy: db.prepare<[arn: string], ManagedPolicyRow>("SELECT * FROM iam_policies WHERE arn = ?"),
    policyNamed: db.prepare<[nameKey: string], ManagedPolicyRow>("SELECT * FROM iam_policies WHERE name_key = ?"),
    listPolicies: db.prepare<{ after: string; prefix: string; onlyAttached: number; limit: number }, ManagedPolicyListRow>(
      `SELECT p.*, (SELECT COUNT(*) FROM iam_attachments a WHERE a.policy_arn = p.arn) AS attachment_count
       FROM iam_policies p
       WHERE p.name_key > @after AND ${PATH_FILTER.replaceAll("path", "p.path")}
         AND (@onlyAttached = 0 OR EXISTS (SELECT 1 FROM iam_attachments a WHERE a.policy_arn = p.arn))
       ORDER BY p.name_key LIMIT @limit`,
    ),
    policyVersion: db.prepare<[arn: string, version: number], PolicyVersionRow>(
      "SELECT version, document, create_date FROM iam_policy_versions WHERE policy_arn = ? AND version = ?",
    ),
    policyVersions: db.prepare<[arn: string], PolicyVersionRow>(
      "SELECT version, document, create_date FROM iam_policy_versions WHERE policy_arn = ? ORDER BY version",
    ),

    attachedPolicies: db
      .prepare<[ownerId: string], string>("SELECT policy_arn FROM iam_attachments WHERE owner_id = ? ORDER BY policy_arn")
      .pluck(),
    attachmentCount: db
      .prepare<[arn: string], number>("SELECT COUNT(*) FROM iam_attachments WHERE policy_arn = ?")
      .pluck(),
    policyEntities: db.prepare<[arn: string, ...Page], PolicyEntityRow>(
      `SELECT a.owner_id, u.name AS user_name, g.name AS group_name, r.name AS role_name
       FROM iam_attachments a
       LEFT JOIN iam_users u ON u.user_id = a.owner_id
       LEFT JOIN iam_groups g ON g.group_id = a.owner_id
       LEFT JOIN iam_roles r ON r.role_id = a.owner_id
       WHERE a.policy_arn = ? AND a.owner_id > ? ORDER BY a.owner_id LIMIT ?`,
    ),
    /** The default version of every policy attached to an owner; NULLs for ARNs not held here. */
    attachedDocuments: db.prepare<[ownerId: string], AttachedDocumentRow>(
      `SELECT a.policy_arn, v.version, v.document FROM iam_attachments a
       LEFT JOIN iam_policies p ON p.arn = a.policy_arn
       LEFT JOIN iam_policy_versions v ON v.policy_arn = p.arn AND v.version = p.default_version
       WHERE a.owner_id = ? ORDER BY a.policy_arn`,
    ),
    groupsOfUserAll: db.prepare<[userId: string], IamGroupRow>(
      `SELECT g.* FROM iam_group_members m CROSS JOIN iam_groups g ON g.group_id = m.group_id
       WHERE m.user_id = ? ORDER BY m.group_id`,
    ),

    session: db.prepare<[accessKeyId: string], SessionRow>("SELECT * FROM iam_sessions WHERE access_key_id = ?"),

    // Keyset walks over the primary keys (root key rotation): a page costs the same wherever the walk is.
    scanAccessKeySecrets: db.prepare<[after: string, limit: number], SealedSecretRow>(
      "SELECT access_key_id, secret FROM iam_access_keys WHERE access_key_id > ? ORDER BY access_key_id LIMIT ?",
    ),
    scanSessionSecrets: db.prepare<[after: string, limit: number], SealedSecretRow>(
      "SELECT access_key_id, secret FROM iam_sessions WHERE access_key_id > ? ORDER BY access_key_id LIMIT ?",
    ),
  };
}

export function prepareIamWriteStatements(db: Database) {
  return {
    bumpGeneration: db.prepare<[]>("UPDATE iam_generation SET n = n + 1 WHERE id = 1"),

    insertUser: db.prepare<IamUserRow>(
      `INSERT INTO iam_users (name_key, name, user_id, path, create_date, permissions_boundary)
       VALUES (@name_key, @name, @user_id, @path, @create_date, @permissions_boundary)
       ON CONFLICT (name_key) DO NOTHING`,
    ),
    updateUser: db.prepare<[nameKey: string, name: string, path: string, userId: string]>(
      "UPDATE OR IGNORE iam_users SET name_key = ?, name = ?, path = ? WHERE user_id = ?",
    ),
    deleteUser: db.prepare<[userId: string]>("DELETE FROM iam_users WHERE user_id = ?"),

    putTag: db.prepare<{ ownerId: string; keyFold: string; tagKey: string; value: string }>(
      `INSERT INTO iam_tags (owner_id, key_fold, tag_key, value, position) VALUES (@ownerId, @keyFold, @tagKey, @value,
         (SELECT COALESCE(MAX(position), 0) + 1 FROM iam_tags WHERE owner_id = @ownerId))
       ON CONFLICT (owner_id, key_fold) DO UPDATE SET tag_key = excluded.tag_key, value = excluded.value`,
    ),
    removeTag: db.prepare<[ownerId: string, keyFold: string]>("DELETE FROM iam_tags WHERE owner_id = ? AND key_fold = ?"),
    deleteTags: db.prepare<[ownerId: string]>("DELETE FROM iam_tags WHERE owner_id = ?"),

    insertAccessKey: db.prepare<[id: string, userId: string, status: string, createDate: number, secret: Uint8Array]>(
      "INSERT INTO iam_access_keys (access_key_id, user_id, status, create_date, secret) VALUES (?, ?, ?, ?, ?)",
    ),
    updateAccessKeyStatus: db.prepare<[status: string, id: string]>(
      "UPDATE iam_access_keys SET status = ? WHERE access_key_id = ?",
    ),
    deleteAccessKey: db.prepare<[id: string]>("DELETE FROM iam_access_keys WHERE access_key_id = ?"),

    insertGroup: db.prepare<IamGroupRow>(
      `INSERT INTO iam_groups (name_key, name, group_id, path, create_date)
       VALUES (@name_key, @name, @group_id, @path, @create_date) ON CONFLICT (name_key) DO NOTHING`,
    ),
    deleteGroup: db.prepare<[groupId: string]>("DELETE FROM iam_groups WHERE group_id = ?"),
    addMember: db.prepare<[groupId: string, userId: string]>(
      "INSERT INTO iam_group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ),
    removeMember: db.prepare<[groupId: string, userId: string]>(
      "DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?",
    ),

    insertRole: db.prepare<IamRoleRow>(
      `INSERT INTO iam_roles (name_key, name, role_id, path, create_date, trust_policy, trust_principals,
         max_session_duration, description, permissions_boundary)
       VALUES (@name_key, @name, @role_id, @path, @create_date, @trust_policy, @trust_principals,
         @max_session_duration, @description, @permissions_boundary)
       ON CONFLICT (name_key) DO NOTHING`,
    ),
    updateRole: db.prepare<
      [trustPolicy: string, trustPrincipals: string, maxSessionDuration: number, description: string | null, roleId: string]
    >(
      `UPDATE iam_roles SET trust_policy = ?, trust_principals = ?, max_session_duration = ?, description = ?
       WHERE role_id = ?`,
    ),
    deleteRole: db.prepare<[roleId: string]>("DELETE FROM iam_roles WHERE role_id = ?"),

    putInlinePolicy: db.prepare<[ownerId: string, nameKey: string, name: string, document: string]>(
      `INSERT INTO iam_inline_policies (owner_id, name_key, name, document) VALUES (?, ?, ?, ?)
       ON CONFLICT (owner_id, name_key) DO UPDATE SET name = excluded.name, document = excluded.document`,
    ),
    deleteInlinePolicy: db.prepare<[ownerId: string, nameKey: string]>(
      "DELETE FROM iam_inline_policies WHERE owner_id = ? AND name_key = ?",
    ),

    insertPolicy: db.prepare<ManagedPolicyRow>(
      `INSERT INTO iam_policies (arn, policy_id, name_key, name, path, description, create_date, update_date,
         default_version, last_version)
       VALUES (@arn, @policy_id, @name_key, @name, @path, @description, @create_date, @update_date,
         @default_version, @last_version)
       ON CONFLICT DO NOTHING`,
    ),
    deletePolicy: db.prepare<[arn: string]>("DELETE FROM iam_policies WHERE arn = ?"),
    insertPolicyVersion: db.prepare<[arn: string, version: number, document: string, createDate: number]>(
      "INSERT INTO iam_policy_versions (policy_arn, version, document, create_date) VALUES (?, ?, ?, ?)",
    ),
    deletePolicyVersion: db.prepare<[arn: string, version: number]>(
      "DELETE FROM iam_policy_versions WHERE policy_arn = ? AND version = ?",
    ),
    deletePolicyVersions: db.prepare<[arn: string]>("DELETE FROM iam_policy_versions WHERE policy_arn = ?"),
    setPolicyVersions: db.prepare<[defaultVersion: number, lastVersion: number, updateDate: number, arn: string]>(
      "UPDATE iam_policies SET default_version = ?, last_version = ?, update_date = ? WHERE arn = ?",
    ),

    attach: db.prepare<[ownerId: string, arn: string]>(
      "INSERT INTO iam_attachments (owner_id, policy_arn) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ),
    detach: db.prepare<[ownerId: string, arn: string]>("DELETE FROM iam_attachments WHERE owner_id = ? AND policy_arn = ?"),

    putSession: db.prepare<SessionRow>(
      `INSERT INTO iam_sessions (access_key_id, secret, token_hash, principal_kind, principal_id, session_name,
         issued_at, expires_at, session_policy, policy_arns, tags, transitive_tag_keys, source_identity, chained)
       VALUES (@access_key_id, @secret, @token_hash, @principal_kind, @principal_id, @session_name, @issued_at,
         @expires_at, @session_policy, @policy_arns, @tags, @transitive_tag_keys, @source_identity, @chained)`,
    ),
    deleteExpiredSessions: db.prepare<[now: number]>("DELETE FROM iam_sessions WHERE expires_at <= ?"),
    deleteSessionsOf: db.prepare<[principalId: string]>("DELETE FROM iam_sessions WHERE principal_id = ?"),

    replaceAccessKeySecret: db.prepare<[secret: Uint8Array, id: string, expected: Uint8Array]>(
      "UPDATE iam_access_keys SET secret = ? WHERE access_key_id = ? AND secret = ?",
    ),
    replaceSessionSecret: db.prepare<[secret: Uint8Array, id: string, expected: Uint8Array]>(
      "UPDATE iam_sessions SET secret = ? WHERE access_key_id = ? AND secret = ?",
    ),
  };
}

export type IamReadStatements = ReturnType<typeof prepareIamReadStatements>;
export type IamWriteStatements = ReturnType<typeof prepareIamWriteStatements>;
