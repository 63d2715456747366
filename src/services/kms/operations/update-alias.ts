import type { UpdateAliasRequest } from "@aws-sdk/client-kms";
import { aliasArn, aliasNotFound } from "../key-reference.js";
import { aliasTargetKey } from "../alias-target.js";
import type { KmsOperation, Validated } from "../kms-operation.js";
import { aliasRequest, keyRequest } from "../access-requests.js";

/** §6: re-points an existing customer alias; only the new target's state matters. */
export const UpdateAlias: KmsOperation<Validated<UpdateAliasRequest, "AliasName" | "TargetKeyId">, Record<string, never>> = {
  name: "UpdateAlias",
  action: "kms:UpdateAlias",
  // The alias, the key it points at now and the new target (kms.md §6).
  access: async (input, cx, keys) => {
    const target = await aliasTargetKey(input.AliasName, input.TargetKeyId, "kms:UpdateAlias", cx, keys);
    const current = await keys.aliasTarget(cx.region, input.AliasName);
    const old = current === undefined ? undefined : await keys.keyById(cx.region, current);
    return [
      aliasRequest("kms:UpdateAlias", input.AliasName, cx),
      ...(old === undefined ? [] : [keyRequest("kms:UpdateAlias", old, cx)]),
      keyRequest("kms:UpdateAlias", target, cx),
    ];
  },
  async run(input, cx, keys) {
    const key = await aliasTargetKey(input.AliasName, input.TargetKeyId, "kms:UpdateAlias", cx, keys);
    const at = keys.clock.now().getTime();
    const updated = await keys.storage.write((tx) => tx.updateAlias(cx.region, input.AliasName, key.keyId, at));
    keys.forgetAlias(cx.region, input.AliasName);
    if (!updated) throw aliasNotFound(aliasArn(cx.region, cx.accountId, input.AliasName));
    return {};
  },
};
