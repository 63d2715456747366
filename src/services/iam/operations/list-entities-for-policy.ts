import type { ListEntitiesForPolicyRequest, ListEntitiesForPolicyResponse } from "@aws-sdk/client-iam";
import type { IamOperation, Validated } from "../iam-operation.js";
import { existingPolicy } from "../managed-policy-ref.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";

/**
 * The users, groups and roles a policy is attached to, in unique id order. EntityFilter narrows
 * the page after it is read (a filtered page may be short); PathPrefix is not applied.
 */
export const ListEntitiesForPolicy: IamOperation<Validated<ListEntitiesForPolicyRequest, "PolicyArn">, ListEntitiesForPolicyResponse> = {
  name: "ListEntitiesForPolicy",
  action: "iam:ListEntitiesForPolicy",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const boundaryOnly = input.PolicyUsageFilter === "PermissionsBoundary";
    const rows = await cx.ports.storage.read(async (tx) => {
      await existingPolicy(tx, input.PolicyArn);
      if (boundaryOnly) return [];
      return tx.policyEntities(input.PolicyArn, { limit: limit + 1, ...(after === undefined ? {} : { after }) });
    });
    const page = cutPage(rows, limit);
    const filter = input.EntityFilter;
    const wants = (kind: "User" | "Role" | "Group"): boolean => filter === undefined || filter === kind;
    return {
      PolicyGroups: wants("Group") ? page.items.filter((e) => e.kind === "group").map((e) => ({ GroupName: e.name, GroupId: e.id })) : [],
      PolicyUsers: wants("User") ? page.items.filter((e) => e.kind === "user").map((e) => ({ UserName: e.name, UserId: e.id })) : [],
      PolicyRoles: wants("Role") ? page.items.filter((e) => e.kind === "role").map((e) => ({ RoleName: e.name, RoleId: e.id })) : [],
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
