import type { DeleteRolePolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { deleteInlinePolicy } from "../inline-policy-operations.js";

/** §7: the policy name matches case-insensitively. */
export const DeleteRolePolicy = deleteInlinePolicy<Validated<DeleteRolePolicyRequest, "RoleName" | "PolicyName">>("role", (input) => ({
  owner: input.RoleName,
  policyName: input.PolicyName,
}));
