import type { KmsKeyRecord } from "../../storage/ports.js";
import type { AccessRequest, ConditionValues } from "../access.js";
import type { OperationContext } from "../operation.js";
import type { EncryptionContext } from "../ports.js";
import type { KeyScope, KmsKeyStore } from "./key-store.js";
import { aliasArn } from "./key-reference.js";
import { keyScope } from "./kms-operation.js";

/**
 * What KMS actions are authorised against (iam-policy-evaluation.md §3.2): the key ARN — never an
 * alias ARN, even when the request names the key by alias; alias operations also against the alias.
 * Keys are resolved here as run() resolves them, so a key that does not exist is NotFoundException
 * before any authorisation, as in AWS.
 */
export function keyRequest(action: string, key: KmsKeyRecord, cx: OperationContext, context: ConditionValues = {}): AccessRequest {
  return { action, resource: key.arn, context: { "kms:CallerAccount": cx.accountId, ...context } };
}

/** Resolves a KeyId in any of its spellings (or, with `keyOnly`, key id / key ARN only). */
export async function keyIdRequest(
  action: string,
  keyRef: string,
  cx: OperationContext,
  keys: KmsKeyStore,
  options: { readonly keyOnly?: boolean; readonly context?: ConditionValues } = {},
): Promise<AccessRequest> {
  const scope: KeyScope = keyScope(cx);
  const key = options.keyOnly === true ? await keys.resolveKeyOnly(keyRef, scope) : await keys.resolve(keyRef, scope);
  return keyRequest(action, key, cx, { ...requestAlias(keyRef), ...options.context });
}

export function aliasRequest(action: string, alias: string, cx: OperationContext): AccessRequest {
  return { action, resource: aliasArn(cx.region, cx.accountId, alias), context: { "kms:CallerAccount": cx.accountId } };
}

/** Actions on no particular key (CreateKey, ListKeys, ListAliases, GenerateRandom) are authorised on `*`. */
export function anyKeyRequest(action: string, cx: OperationContext, context: ConditionValues = {}): AccessRequest {
  return { action, resource: "*", context: { "kms:CallerAccount": cx.accountId, ...context } };
}

/** `kms:EncryptionContext:<key>` per pair and `kms:EncryptionContextKeys` (kms.md §10). */
export function encryptionContextKeys(context: EncryptionContext | undefined): ConditionValues {
  const pairs = Object.entries(context ?? {});
  const values: Record<string, string | string[]> = { "kms:EncryptionContextKeys": pairs.map(([k]) => k) };
  for (const [k, v] of pairs) values[`kms:EncryptionContext:${k}`] = v;
  return values;
}

/** `kms:RequestAlias` when the request names its key by alias (name or ARN). */
export function requestAlias(keyRef: string): ConditionValues {
  if (keyRef.startsWith("alias/")) return { "kms:RequestAlias": keyRef };
  const at = keyRef.indexOf(":alias/");
  return keyRef.startsWith("arn:") && at >= 0 ? { "kms:RequestAlias": keyRef.slice(at + 1) } : {};
}

export function kmsRequestTags(tags: readonly { readonly TagKey?: string | undefined; readonly TagValue?: string | undefined }[] | undefined): ConditionValues {
  if (tags === undefined) return {};
  const values: Record<string, string | string[]> = { "aws:TagKeys": tags.map((t) => t.TagKey ?? "") };
  for (const t of tags) values[`aws:RequestTag/${t.TagKey ?? ""}`] = t.TagValue ?? "";
  return values;
}
