import type { CreateGroupRequest, CreateGroupResponse } from "@aws-sdk/client-iam";
import { entityAlreadyExists } from "../../../errors/iam-errors.js";
import type { IamGroupRecord } from "../../../storage/iam-ports.js";
import { iamNow, type IamOperation, type Validated } from "../iam-operation.js";
import { newUniqueId } from "../ids.js";
import { groupView } from "../views.js";

/** §11: a group with a fresh AGPA… id; names unique case-insensitively. */
export const CreateGroup: IamOperation<Validated<CreateGroupRequest, "GroupName">, CreateGroupResponse> = {
  name: "CreateGroup",
  action: "iam:CreateGroup",
  async run(input, cx) {
    const group: IamGroupRecord = {
      name: input.GroupName,
      groupId: newUniqueId(cx.ports.random, "AGPA"),
      path: input.Path ?? "/",
      createDate: iamNow(cx),
    };
    await cx.ports.storage.write(async (tx) => {
      if (!(await tx.insertIamGroup(group))) throw entityAlreadyExists("group", input.GroupName);
    });
    return { Group: groupView(cx, group) };
  },
};
