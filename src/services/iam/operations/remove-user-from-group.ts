import type { RemoveUserFromGroupRequest } from "@aws-sdk/client-iam";
import { notGroupMember } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireGroup, requireUser } from "../lookups.js";

/** §11: removing a non-member is NoSuchEntity. */
export const RemoveUserFromGroup: IamOperation<Validated<RemoveUserFromGroupRequest, "GroupName" | "UserName">, NoOutput> = {
  name: "RemoveUserFromGroup",
  action: "iam:RemoveUserFromGroup",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const group = await requireGroup(tx, input.GroupName);
      const user = await requireUser(tx, input.UserName);
      if (!(await tx.removeGroupMember(group.groupId, user.userId))) throw notGroupMember(user.name, group.name);
    });
    return {};
  },
};
