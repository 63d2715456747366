import type { CreateAliasRequest } from "@aws-sdk/client-kms";
import { KmsFailure } from "../../ports.js";
import { aliasArn } from "../key-reference.js";
import { pendingDeletion } from "../key-store.js";
import { checkAliasName, checkAliasTarget } from "../alias-name.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";

/** §6: a new alias for a customer key that is not pending deletion; names are unique per region. */
export const CreateAlias: KmsOperation<Validated<CreateAliasRequest, "AliasName" | "TargetKeyId">, Record<string, never>> = {
  name: "CreateAlias",
  action: "kms:CreateAlias",
  async run(input, cx, keys) {
    checkAliasName(input.AliasName);
    checkAliasTarget(input.TargetKeyId);
    const key = await keys.resolveKeyOnly(input.TargetKeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:CreateAlias", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    const at = keys.clock.now().getTime();
    const created = await keys.storage.write((tx) => tx.insertAlias(cx.region, input.AliasName, key.keyId, at));
    keys.forgetAlias(cx.region, input.AliasName);
    if (!created) {
      throw new KmsFailure(
        "AlreadyExistsException",
        `An alias with the name ${aliasArn(cx.region, cx.accountId, input.AliasName)} already exists`,
      );
    }
    return {};
  },
};
