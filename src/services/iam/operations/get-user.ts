import type { GetUserRequest, GetUserResponse } from "@aws-sdk/client-iam";
import { targetUserName } from "../caller.js";
import type { IamOperation } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { userView } from "../views.js";

/** §5.2: UserName omitted → the calling user; tags and permissions boundary when set. */
export const GetUser: IamOperation<GetUserRequest, GetUserResponse> = {
  name: "GetUser",
  action: "iam:GetUser",
  async run(input, cx) {
    const name = targetUserName(input, cx, true);
    return cx.ports.storage.read(async (tx) => {
      const user = await requireUser(tx, name);
      return { User: userView(cx, user, { tags: await tx.iamTags(user.userId), boundary: true }) };
    });
  },
};
