import type { DeleteAliasRequest } from "@aws-sdk/client-kms";
import { aliasArn, aliasNotFound } from "../key-reference.js";
import { checkAliasName } from "../alias-name.js";
import type { KmsOperation, Validated } from "../kms-operation.js";

/** §6: in any key state; the key itself is untouched. */
export const DeleteAlias: KmsOperation<Validated<DeleteAliasRequest, "AliasName">, Record<string, never>> = {
  name: "DeleteAlias",
  action: "kms:DeleteAlias",
  async run(input, cx, keys) {
    checkAliasName(input.AliasName);
    const deleted = await keys.storage.write((tx) => tx.deleteAlias(cx.region, input.AliasName));
    keys.forgetAlias(cx.region, input.AliasName);
    if (!deleted) throw aliasNotFound(aliasArn(cx.region, cx.accountId, input.AliasName));
    return {};
  },
};
