import type { Group, Policy, Role, User } from "@aws-sdk/client-iam";
import type { IamGroupRecord, IamRoleRecord, IamUserRecord, ManagedPolicyRecord } from "../../storage/iam-ports.js";
import type { Tag } from "../../storage/ports.js";
import type { OperationContext } from "../operation.js";
import { iamArn } from "./arns.js";
import { sdkTags } from "./tags.js";

type Scope = Pick<OperationContext, "partition" | "accountId">;

function boundary(arn: string | undefined): Pick<User, "PermissionsBoundary"> {
  return arn === undefined ? {} : { PermissionsBoundary: { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn } };
}

/** `User` as CreateUser/GetUser show it; ListUsers and GetGroup pass no tags and no boundary (§5.4). */
export function userView(cx: Scope, user: IamUserRecord, extra: { tags?: readonly Tag[]; boundary?: boolean } = {}): User {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: iamArn(cx, "user", user.path, user.name),
    CreateDate: new Date(user.createDate),
    ...(extra.boundary === true ? boundary(user.permissionsBoundary) : {}),
    ...(extra.tags !== undefined && extra.tags.length > 0 ? { Tags: sdkTags(extra.tags) } : {}),
  };
}

export function groupView(cx: Scope, group: IamGroupRecord): Group {
  return {
    Path: group.path,
    GroupName: group.name,
    GroupId: group.groupId,
    Arn: iamArn(cx, "group", group.path, group.name),
    CreateDate: new Date(group.createDate),
  };
}

/** Which operation shows the role: the members differ (iam-sts.md §8.1). */
export type RoleShape = "create" | "get" | "list";

export function roleView(cx: Scope, role: IamRoleRecord, shape: RoleShape, tags: readonly Tag[] = []): Role {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: iamArn(cx, "role", role.path, role.name),
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: role.trustPolicy,
    ...(role.description === undefined ? {} : { Description: role.description }),
    ...(shape === "create" ? {} : { MaxSessionDuration: role.maxSessionDuration }),
    ...(shape === "list" ? {} : boundary(role.permissionsBoundary)),
    ...(shape !== "list" && tags.length > 0 ? { Tags: sdkTags(tags) } : {}),
    ...(shape === "get" ? { RoleLastUsed: {} } : {}),
  };
}

/** `Policy` of a customer managed policy; `Description` only where GetPolicy shows it (§9.1). */
export function policyView(
  policy: ManagedPolicyRecord,
  attachmentCount: number,
  extra: { description?: boolean; tags?: readonly Tag[] } = {},
): Policy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: versionId(policy.defaultVersion),
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(extra.description === true && policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
    ...(extra.tags !== undefined && extra.tags.length > 0 ? { Tags: sdkTags(extra.tags) } : {}),
  };
}

export function versionId(version: number): string {
  return `v${version}`;
}

/** `v3` → 3; the model's pattern also allows `v3.suffix`, which names no version here. */
export function versionNumber(versionId: string): number | undefined {
  const match = /^v([1-9][0-9]*)$/.exec(versionId);
  return match === null ? undefined : Number(match[1]);
}
