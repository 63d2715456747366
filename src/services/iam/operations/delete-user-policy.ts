import type { DeleteUserPolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { deleteInlinePolicy } from "../inline-policy-operations.js";

/** §7: the policy name matches case-insensitively. */
export const DeleteUserPolicy = deleteInlinePolicy<Validated<DeleteUserPolicyRequest, "UserName" | "PolicyName">>("user", (input) => ({
  owner: input.UserName,
  policyName: input.PolicyName,
}));
