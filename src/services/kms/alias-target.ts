import type { KmsKeyRecord } from "../../storage/ports.js";
import type { OperationContext } from "../operation.js";
import { checkAliasName, checkAliasTarget } from "./alias-name.js";
import { assertCustomerManaged } from "./kms-errors.js";
import { pendingDeletion, type KmsKeyStore } from "./key-store.js";
import { keyScope } from "./kms-operation.js";

/**
 * What CreateAlias and UpdateAlias both check before writing (kms.md §6): the alias name, a target given
 * as key id or ARN, a customer managed key, not pending deletion.
 */
export async function aliasTargetKey(
  aliasName: string,
  targetKeyId: string,
  action: string,
  cx: OperationContext,
  keys: KmsKeyStore,
): Promise<KmsKeyRecord> {
  checkAliasName(aliasName);
  checkAliasTarget(targetKeyId);
  const key = await keys.resolveKeyOnly(targetKeyId, keyScope(cx));
  assertCustomerManaged(key, action, cx.caller.arn);
  if (key.state === "PendingDeletion") throw pendingDeletion(key);
  return key;
}
