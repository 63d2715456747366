import type { UpdateRoleRequest } from "@aws-sdk/client-iam";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";

/** Description and/or MaxSessionDuration (the model bounds it to 3600–43200). */
export const UpdateRole: IamOperation<Validated<UpdateRoleRequest, "RoleName">, NoOutput> = {
  name: "UpdateRole",
  action: "iam:UpdateRole",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const role = await requireRole(tx, input.RoleName);
      await tx.updateIamRole(role.roleId, {
        ...(input.Description === undefined ? {} : { description: input.Description }),
        ...(input.MaxSessionDuration === undefined ? {} : { maxSessionDuration: input.MaxSessionDuration }),
      });
    });
    return {};
  },
};
