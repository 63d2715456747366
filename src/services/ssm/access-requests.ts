import type { AccessRequest, ConditionValues } from "../access.js";
import type { OperationContext } from "../operation.js";
import { canonicalKey, parameterArn } from "./domain/parameter-name.js";
import type { ParameterReference } from "./domain/parameter-reference.js";
import { resolveServiceSetting, serviceSettingArn } from "./domain/service-settings.js";

/**
 * The resources Parameter Store actions are authorised against (iam-policy-evaluation.md §8.1):
 * the parameter ARN (selectors are not part of it), the path ARN for GetParametersByPath, `…:*` for
 * DescribeParameters, the account-less ARN for public parameters.
 */
export function parameterRequest(
  action: string,
  name: string,
  cx: OperationContext,
  context?: ConditionValues,
): AccessRequest {
  const key = canonicalKey(name);
  const resource = parameterArn(cx.partition, cx.region, cx.accountId, name);
  return {
    action,
    resource,
    ...(context === undefined ? {} : { context }),
    // A denial on a parameter that does not exist names `…:*`, so it reveals nothing (§1.4).
    shownAs: async () => ((await cx.ports.storage.read((tx) => tx.latest(cx.region, key))) === undefined ? accountWide(cx) : resource),
  };
}

/** GetParameter, GetParameters, GetParameterHistory: a reference may be an ARN or a public parameter. */
export function referenceRequest(action: string, ref: ParameterReference, cx: OperationContext): AccessRequest {
  if (ref.namespace === "public") {
    const path = ref.name.startsWith("/") ? ref.name.slice(1) : ref.name;
    return { action, resource: `arn:${cx.partition}:ssm:${cx.region}::parameter/${path}` };
  }
  return parameterRequest(action, ref.name, cx);
}

/** `Path` exactly as sent, trailing slash kept: `/app/prod/` → `…:parameter/app/prod/`, `/` → `…:parameter/`. */
export function pathRequest(action: string, path: string, cx: OperationContext, context?: ConditionValues): AccessRequest {
  const tail = path.startsWith("/") ? path.slice(1) : path;
  return {
    action,
    resource: `arn:${cx.partition}:ssm:${cx.region}:${cx.accountId}:parameter/${tail}`,
    ...(context === undefined ? {} : { context }),
  };
}

export function accountWideRequest(action: string, cx: OperationContext): AccessRequest {
  return { action, resource: accountWide(cx) };
}

/** A setting that does not exist is ServiceSettingNotFound before any authorisation. */
export function serviceSettingRequest(action: string, settingId: string, cx: OperationContext): AccessRequest {
  const scope = { partition: cx.partition, region: cx.region, account: cx.accountId };
  return { action, resource: serviceSettingArn(scope, resolveServiceSetting(settingId, scope).id) };
}

/** `aws:RequestTag/<key>` for each tag and `aws:TagKeys` (iam-policy-evaluation.md §7). */
export function requestTagContext(tags: readonly { readonly Key?: string | undefined; readonly Value?: string | undefined }[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = { "aws:TagKeys": tags.map((t) => t.Key ?? "") };
  for (const t of tags) context[`aws:RequestTag/${t.Key ?? ""}`] = t.Value ?? "";
  return context;
}

function accountWide(cx: OperationContext): string {
  return `arn:${cx.partition}:ssm:${cx.region}:${cx.accountId}:*`;
}
