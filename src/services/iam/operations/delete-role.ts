import type { DeleteRoleRequest } from "@aws-sdk/client-iam";
import { deleteConflict } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";

/**
 * §8.2: refused while policies are attached, then while inline policies remain (moto's order). Its
 * tags and sessions go with it, so a live session of the role can do nothing more.
 */
export const DeleteRole: IamOperation<Validated<DeleteRoleRequest, "RoleName">, NoOutput> = {
  name: "DeleteRole",
  action: "iam:DeleteRole",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const role = await requireRole(tx, input.RoleName);
      if ((await tx.attachedPolicies(role.roleId)).length > 0) throw deleteConflict("detach all policies");
      if ((await tx.inlinePolicies(role.roleId)).length > 0) throw deleteConflict("delete policies");
      await tx.deleteIamRole(role.roleId);
    });
    return {};
  },
};
