import type { DeleteGroupPolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { deleteInlinePolicy } from "../inline-policy-operations.js";

/** §7: the policy name matches case-insensitively. */
export const DeleteGroupPolicy = deleteInlinePolicy<Validated<DeleteGroupPolicyRequest, "GroupName" | "PolicyName">>("group", (input) => ({
  owner: input.GroupName,
  policyName: input.PolicyName,
}));
