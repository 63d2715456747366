import type { DeleteAliasRequest } from "@aws-sdk/client-kms";
import { aliasArn, aliasNotFound } from "../key-reference.js";
import { checkAliasName } from "../alias-name.js";
import type { KmsOperation, Validated } from "../kms-operation.js";
import { aliasRequest, keyRequest } from "../access-requests.js";

/** §6: in any key state; the key itself is untouched. */
export const DeleteAlias: KmsOperation<Validated<DeleteAliasRequest, "AliasName">, Record<string, never>> = {
  name: "DeleteAlias",
  action: "kms:DeleteAlias",
  access: async (input, cx, keys) => {
    checkAliasName(input.AliasName);
    const current = await keys.aliasTarget(cx.region, input.AliasName);
    const key = current === undefined ? undefined : await keys.keyById(cx.region, current);
    return [aliasRequest("kms:DeleteAlias", input.AliasName, cx), ...(key === undefined ? [] : [keyRequest("kms:DeleteAlias", key, cx)])];
  },
  async run(input, cx, keys) {
    checkAliasName(input.AliasName);
    const deleted = await keys.storage.write((tx) => tx.deleteAlias(cx.region, input.AliasName));
    keys.forgetAlias(cx.region, input.AliasName);
    if (!deleted) throw aliasNotFound(aliasArn(cx.region, cx.accountId, input.AliasName));
    return {};
  },
};
