import type { GetRoleRequest, GetRoleResponse } from "@aws-sdk/client-iam";
import type { IamOperation, Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";
import { roleView } from "../views.js";

/** §8.1: with MaxSessionDuration, an empty RoleLastUsed, and tags when there are any. */
export const GetRole: IamOperation<Validated<GetRoleRequest, "RoleName">, GetRoleResponse> = {
  name: "GetRole",
  action: "iam:GetRole",
  async run(input, cx) {
    return cx.ports.storage.read(async (tx) => {
      const role = await requireRole(tx, input.RoleName);
      return { Role: roleView(cx, role, "get", await tx.iamTags(role.roleId)) };
    });
  },
};
