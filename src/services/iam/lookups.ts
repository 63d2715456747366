import { noSuchEntity, type IamEntityKind } from "../../errors/iam-errors.js";
import type { IamGroupRecord, IamRoleRecord, IamUserRecord } from "../../storage/iam-ports.js";
import type { ReadTx } from "../../storage/ports.js";

export async function requireUser(tx: ReadTx, name: string): Promise<IamUserRecord> {
  const user = await tx.iamUser(name);
  if (user === undefined) throw noSuchEntity("user", name);
  return user;
}

export async function requireRole(tx: ReadTx, name: string): Promise<IamRoleRecord> {
  const role = await tx.iamRole(name);
  if (role === undefined) throw noSuchEntity("role", name);
  return role;
}

export async function requireGroup(tx: ReadTx, name: string): Promise<IamGroupRecord> {
  const group = await tx.iamGroup(name);
  if (group === undefined) throw noSuchEntity("group", name);
  return group;
}

/** A user, role or group that owns inline policies and attachments: its unique id and stored name. */
export interface PolicyOwner {
  readonly kind: IamEntityKind;
  readonly id: string;
  readonly name: string;
}

export async function requireOwner(tx: ReadTx, kind: IamEntityKind, name: string): Promise<PolicyOwner> {
  switch (kind) {
    case "user": {
      const user = await requireUser(tx, name);
      return { kind, id: user.userId, name: user.name };
    }
    case "role": {
      const role = await requireRole(tx, name);
      return { kind, id: role.roleId, name: role.name };
    }
    case "group": {
      const group = await requireGroup(tx, name);
      return { kind, id: group.groupId, name: group.name };
    }
  }
}
