import type { DeleteUserRequest } from "@aws-sdk/client-iam";
import { deleteConflict } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";

/**
 * §5.3: refused while the user still has access keys, attached policies, inline policies or group
 * memberships — checked in that order (keys first, as the console's deletion walk; attached before
 * inline, as moto). Its tags and any GetSessionToken sessions go with it.
 */
export const DeleteUser: IamOperation<Validated<DeleteUserRequest, "UserName">, NoOutput> = {
  name: "DeleteUser",
  action: "iam:DeleteUser",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const user = await requireUser(tx, input.UserName);
      if ((await tx.accessKeysOf(user.userId)).length > 0) throw deleteConflict("delete access keys");
      if ((await tx.attachedPolicies(user.userId)).length > 0) throw deleteConflict("detach all policies");
      if ((await tx.inlinePolicies(user.userId)).length > 0) throw deleteConflict("delete policies");
      if ((await tx.countGroupsOfUser(user.userId)) > 0) throw deleteConflict("remove referenced objects");
      await tx.deleteIamUser(user.userId);
    });
    return {};
  },
};
