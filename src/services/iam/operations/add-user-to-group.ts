import type { AddUserToGroupRequest } from "@aws-sdk/client-iam";
import { quotaExceeded } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireGroup, requireUser } from "../lookups.js";

/** Groups per user [AWS docs quotas]. */
export const MAX_GROUPS_PER_USER = 10;

/** §11: idempotent; a user belongs to at most 10 groups. */
export const AddUserToGroup: IamOperation<Validated<AddUserToGroupRequest, "GroupName" | "UserName">, NoOutput> = {
  name: "AddUserToGroup",
  action: "iam:AddUserToGroup",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const group = await requireGroup(tx, input.GroupName);
      const user = await requireUser(tx, input.UserName);
      const groups = await tx.groupsOfUser(user.userId, { limit: MAX_GROUPS_PER_USER + 1 });
      if (groups.some((g) => g.record.groupId === group.groupId)) return;
      if (groups.length >= MAX_GROUPS_PER_USER) throw quotaExceeded("GroupsPerUser", MAX_GROUPS_PER_USER);
      await tx.addGroupMember(group.groupId, user.userId);
    });
    return {};
  },
};
