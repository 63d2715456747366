import type { OperationContext } from "../operation.js";
import { parameterArn, type ParameterScope } from "./domain/parameter-name.js";

/** The partition, region and account a request acts on: they make up every parameter ARN (§2.5). */
export function scopeOf(cx: OperationContext): ParameterScope {
  return { partition: cx.partition, region: cx.region, account: cx.accountId };
}

/** The ARN of one of the caller's parameters; `foo` and `/foo` give the same ARN. */
export function arnOf(cx: OperationContext, name: string): string {
  return parameterArn(cx.partition, cx.region, cx.accountId, name);
}
