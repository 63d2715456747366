import type { DeleteGroupRequest } from "@aws-sdk/client-iam";
import { deleteConflict } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireGroup } from "../lookups.js";

/** §11: refused while the group has members, attached policies or inline policies (in that order). */
export const DeleteGroup: IamOperation<Validated<DeleteGroupRequest, "GroupName">, NoOutput> = {
  name: "DeleteGroup",
  action: "iam:DeleteGroup",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const group = await requireGroup(tx, input.GroupName);
      if ((await tx.groupMembers(group.groupId, { limit: 1 })).length > 0) throw deleteConflict("remove users from group");
      if ((await tx.attachedPolicies(group.groupId)).length > 0) throw deleteConflict("detach all policies");
      if ((await tx.inlinePolicies(group.groupId)).length > 0) throw deleteConflict("delete policies");
      await tx.deleteIamGroup(group.groupId);
    });
    return {};
  },
};
