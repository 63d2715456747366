import type { UpdateUserRequest } from "@aws-sdk/client-iam";
import { entityAlreadyExists } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";

/** A new name and/or path; the user keeps its id, keys, tags, policies and groups. */
export const UpdateUser: IamOperation<Validated<UpdateUserRequest, "UserName">, NoOutput> = {
  name: "UpdateUser",
  action: "iam:UpdateUser",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const user = await requireUser(tx, input.UserName);
      const change = {
        ...(input.NewUserName === undefined ? {} : { name: input.NewUserName }),
        ...(input.NewPath === undefined ? {} : { path: input.NewPath }),
      };
      if (!(await tx.updateIamUser(user.userId, change))) throw entityAlreadyExists("user", input.NewUserName ?? user.name);
    });
    return {};
  },
};
