import type { CreateUserRequest, CreateUserResponse } from "@aws-sdk/client-iam";
import { entityAlreadyExists } from "../../../errors/iam-errors.js";
import type { IamUserRecord } from "../../../storage/iam-ports.js";
import { iamNow, type IamOperation, type Validated } from "../iam-operation.js";
import { newUniqueId } from "../ids.js";
import { attachablePolicy } from "../managed-policy-ref.js";
import { requestTags } from "../tags.js";
import { userView } from "../views.js";

/** §5.1: a user with a fresh AIDA… id; names are unique case-insensitively. */
export const CreateUser: IamOperation<Validated<CreateUserRequest, "UserName">, CreateUserResponse> = {
  name: "CreateUser",
  action: "iam:CreateUser",
  async run(input, cx) {
    const tags = requestTags(input.Tags);
    const user: IamUserRecord = {
      name: input.UserName,
      userId: newUniqueId(cx.ports.random, "AIDA"),
      path: input.Path ?? "/",
      createDate: iamNow(cx),
      ...(input.PermissionsBoundary === undefined ? {} : { permissionsBoundary: input.PermissionsBoundary }),
    };
    await cx.ports.storage.write(async (tx) => {
      if (user.permissionsBoundary !== undefined) await attachablePolicy(tx, user.permissionsBoundary);
      if (!(await tx.insertIamUser(user, tags))) throw entityAlreadyExists("user", input.UserName);
    });
    return { User: userView(cx, user, { tags, boundary: true }) };
  },
};
