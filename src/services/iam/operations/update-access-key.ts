import type { UpdateAccessKeyRequest } from "@aws-sdk/client-iam";
import { invalidInput } from "../../../errors/iam-errors.js";
import { targetUserName } from "../caller.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { accessKeyOfUser } from "../access-key-of-user.js";

/** §6: Active ↔ Inactive; an Inactive key fails authentication. */
export const UpdateAccessKey: IamOperation<Validated<UpdateAccessKeyRequest, "AccessKeyId" | "Status">, NoOutput> = {
  name: "UpdateAccessKey",
  action: "iam:UpdateAccessKey",
  async run(input, cx) {
    const name = targetUserName(input, cx, false);
    const status = input.Status;
    // The model's enum also lists Expired, which only AWS itself sets (unverified wording).
    if (status !== "Active" && status !== "Inactive") throw invalidInput(`Status ${status} cannot be set on an access key.`);
    await cx.ports.storage.write(async (tx) => {
      const key = await accessKeyOfUser(tx, name, input.AccessKeyId);
      await tx.updateAccessKeyStatus(key.accessKeyId, status);
    });
    return {};
  },
};
