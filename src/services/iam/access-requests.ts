import type { AccessRequest, ConditionValues } from "../access.js";
import type { AnyOperation, OperationContext } from "../operation.js";
import { iamArn } from "./arns.js";

type Input = Readonly<Record<string, unknown>>;

/** IAM operations on no one entity are authorised on `*`. */
const ACCOUNT_WIDE = new Set(["ListUsers", "ListGroups", "ListRoles", "ListPolicies"]);
/** Group membership is an action on the group (Service Authorization Reference). */
const ON_GROUP = new Set(["AddUserToGroup", "RemoveUserFromGroup"]);

/**
 * What an IAM request is authorised as: `iam:<Operation>` on the ARN of the user, group, role or
 * managed policy it acts on — with the entity's path, read from storage (an entity that does not
 * exist is authorised on its path-less ARN, then the operation answers NoSuchEntity). Attaching
 * carries `iam:PolicyARN`; tagging the request tags.
 */
export async function iamAccess(operation: string, input: Input, cx: OperationContext): Promise<AccessRequest[]> {
  const action = `iam:${operation}`;
  const context = contextOf(input);
  const request = (resource: string): AccessRequest[] => [{ action, resource, ...(context === undefined ? {} : { context }) }];
  if (ACCOUNT_WIDE.has(operation)) return request("*");
  const text = (member: string): string | undefined => {
    const v = input[member];
    return typeof v === "string" ? v : undefined;
  };
  const path = text("Path") ?? "/";
  if (operation === "CreateUser") return request(iamArn(cx, "user", path, text("UserName") ?? ""));
  if (operation === "CreateGroup") return request(iamArn(cx, "group", path, text("GroupName") ?? ""));
  if (operation === "CreateRole") return request(iamArn(cx, "role", path, text("RoleName") ?? ""));
  if (operation === "CreatePolicy") return request(iamArn(cx, "policy", path, text("PolicyName") ?? ""));

  const groupName = text("GroupName");
  if (groupName !== undefined && (ON_GROUP.has(operation) || text("UserName") === undefined)) {
    const group = await cx.ports.storage.read((tx) => tx.iamGroup(groupName));
    return request(iamArn(cx, "group", group?.path ?? "/", group?.name ?? groupName));
  }
  const roleName = text("RoleName");
  if (roleName !== undefined) {
    const role = await cx.ports.storage.read((tx) => tx.iamRole(roleName));
    return request(iamArn(cx, "role", role?.path ?? "/", role?.name ?? roleName));
  }
  const userName = text("UserName");
  if (userName !== undefined) {
    const user = await cx.ports.storage.read((tx) => tx.iamUser(userName));
    return request(iamArn(cx, "user", user?.path ?? "/", user?.name ?? userName));
  }
  const policyArn = text("PolicyArn") ?? text("PolicySourceArn");
  if (policyArn !== undefined) return request(policyArn);
  // UserName omitted (GetUser, the access key operations): the calling user itself.
  return request(cx.caller.kind === "user" ? cx.caller.arn : "*");
}

function contextOf(input: Input): ConditionValues | undefined {
  const values: Record<string, string | string[]> = {};
  const policyArn = input["PolicyArn"];
  if (typeof policyArn === "string") values["iam:PolicyARN"] = policyArn;
  const tags = input["Tags"];
  if (Array.isArray(tags)) {
    values["aws:TagKeys"] = tags.map((t: { Key?: string }) => t.Key ?? "");
    for (const t of tags as { Key?: string; Value?: string }[]) values[`aws:RequestTag/${t.Key ?? ""}`] = t.Value ?? "";
  }
  const tagKeys = input["TagKeys"];
  if (Array.isArray(tagKeys)) values["aws:TagKeys"] = tagKeys as string[];
  return Object.keys(values).length === 0 ? undefined : values;
}

/** The IAM table with each operation's access declared. */
export function withIamAccess(operations: ReadonlyMap<string, AnyOperation>): ReadonlyMap<string, AnyOperation> {
  return new Map(
    [...operations].map(([name, op]) => [name, { ...op, access: (input: Input, cx: OperationContext) => iamAccess(name, input, cx) }]),
  );
}
