import type { UpdateAliasRequest } from "@aws-sdk/client-kms";
import { aliasArn, aliasNotFound } from "../key-reference.js";
import { pendingDeletion } from "../key-store.js";
import { checkAliasName, checkAliasTarget } from "../alias-name.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";

/** §6: re-points an existing customer alias; only the new target's state matters. */
export const UpdateAlias: KmsOperation<Validated<UpdateAliasRequest, "AliasName" | "TargetKeyId">, Record<string, never>> = {
  name: "UpdateAlias",
  action: "kms:UpdateAlias",
  async run(input, cx, keys) {
    checkAliasName(input.AliasName);
    checkAliasTarget(input.TargetKeyId);
    const key = await keys.resolveKeyOnly(input.TargetKeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:UpdateAlias", cx.caller.arn);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    const at = keys.clock.now().getTime();
    const updated = await keys.storage.write((tx) => tx.updateAlias(cx.region, input.AliasName, key.keyId, at));
    keys.forgetAlias(cx.region, input.AliasName);
    if (!updated) throw aliasNotFound(aliasArn(cx.region, cx.accountId, input.AliasName));
    return {};
  },
};
