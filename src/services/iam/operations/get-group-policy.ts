import type { GetGroupPolicyRequest, GetGroupPolicyResponse } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { getInlinePolicy } from "../inline-policy-operations.js";

/** §7: the document as it was put, under the stored spellings of the group and policy names. */
export const GetGroupPolicy = getInlinePolicy<Validated<GetGroupPolicyRequest, "GroupName" | "PolicyName">, GetGroupPolicyResponse>(
  "group",
  (input) => ({ owner: input.GroupName, policyName: input.PolicyName }),
  (owner, policyName, document) => ({ GroupName: owner, PolicyName: policyName, PolicyDocument: document }),
);
