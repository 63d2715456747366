import type { CreateAliasRequest } from "@aws-sdk/client-kms";
import { KmsFailure } from "../../ports.js";
import { aliasArn } from "../key-reference.js";
import { aliasTargetKey } from "../alias-target.js";
import type { KmsOperation, Validated } from "../kms-operation.js";
import { aliasRequest, keyRequest } from "../access-requests.js";

/** §6: a new alias for a customer key that is not pending deletion; names are unique per region. */
export const CreateAlias: KmsOperation<Validated<CreateAliasRequest, "AliasName" | "TargetKeyId">, Record<string, never>> = {
  name: "CreateAlias",
  action: "kms:CreateAlias",
  // Alias operations are authorised on the alias and on the key (iam-policy-evaluation.md §3.2).
  access: async (input, cx, keys) => {
    const key = await aliasTargetKey(input.AliasName, input.TargetKeyId, "kms:CreateAlias", cx, keys);
    return [aliasRequest("kms:CreateAlias", input.AliasName, cx), keyRequest("kms:CreateAlias", key, cx)];
  },
  async run(input, cx, keys) {
    const key = await aliasTargetKey(input.AliasName, input.TargetKeyId, "kms:CreateAlias", cx, keys);
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
