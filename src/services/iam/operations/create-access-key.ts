import type { CreateAccessKeyRequest, CreateAccessKeyResponse } from "@aws-sdk/client-iam";
import { quotaExceeded } from "../../../errors/iam-errors.js";
import { targetUserName } from "../caller.js";
import { iamNow, type IamOperation } from "../iam-operation.js";
import { newAccessKeyId, newSecretAccessKey } from "../ids.js";
import { requireUser } from "../lookups.js";

export const MAX_ACCESS_KEYS = 2;

/**
 * §6: an Active AKIA… key; the secret is returned here only and stored only sealed (aad = the key id),
 * sealed before the transaction so no crypto runs inside it.
 */
export const CreateAccessKey: IamOperation<CreateAccessKeyRequest, CreateAccessKeyResponse> = {
  name: "CreateAccessKey",
  action: "iam:CreateAccessKey",
  async run(input, cx) {
    const name = targetUserName(input, cx, false);
    const accessKeyId = newAccessKeyId(cx.ports.random, "AKIA");
    const secret = newSecretAccessKey(cx.ports.random);
    const sealedSecret = cx.ports.credentialSealer.seal(secret, accessKeyId);
    const createDate = iamNow(cx);
    const user = await cx.ports.storage.write(async (tx) => {
      const owner = await requireUser(tx, name);
      if ((await tx.accessKeysOf(owner.userId)).length >= MAX_ACCESS_KEYS) throw quotaExceeded("AccessKeysPerUser", MAX_ACCESS_KEYS);
      await tx.insertAccessKey({ accessKeyId, userId: owner.userId, status: "Active", createDate, sealedSecret });
      return owner;
    });
    return {
      AccessKey: { UserName: user.name, AccessKeyId: accessKeyId, Status: "Active", SecretAccessKey: secret, CreateDate: new Date(createDate) },
    };
  },
};
