import type { DeleteAccessKeyRequest } from "@aws-sdk/client-iam";
import { targetUserName } from "../caller.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { accessKeyOfUser } from "../access-key-of-user.js";

/** §6: the key stops authenticating at once. */
export const DeleteAccessKey: IamOperation<Validated<DeleteAccessKeyRequest, "AccessKeyId">, NoOutput> = {
  name: "DeleteAccessKey",
  action: "iam:DeleteAccessKey",
  async run(input, cx) {
    const name = targetUserName(input, cx, false);
    await cx.ports.storage.write(async (tx) => {
      const key = await accessKeyOfUser(tx, name, input.AccessKeyId);
      await tx.deleteAccessKey(key.accessKeyId);
    });
    return {};
  },
};
