import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from "@aws-sdk/client-sts";
import type { Operation } from "../../operation.js";

/**
 * iam-sts.md §4.1: who signed the request, as authentication established it. Needs no permission;
 * an explicit Deny on sts:GetCallerIdentity does not block it.
 */
export const GetCallerIdentity: Operation<GetCallerIdentityRequest, GetCallerIdentityResponse> = {
  name: "GetCallerIdentity",
  action: "sts:GetCallerIdentity",
  access: () => [],
  async run(_input, cx) {
    return { UserId: cx.caller.userId, Account: cx.caller.accountId, Arn: cx.caller.arn };
  },
};
