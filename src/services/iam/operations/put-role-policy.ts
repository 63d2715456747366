import type { PutRolePolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { putInlinePolicy } from "../inline-policy-operations.js";

/** §7: creates or replaces a role's inline policy (a re-put under another spelling renames it). */
export const PutRolePolicy = putInlinePolicy<Validated<PutRolePolicyRequest, "RoleName" | "PolicyName" | "PolicyDocument">>("role", (input) => ({
  owner: input.RoleName,
  policyName: input.PolicyName,
  document: input.PolicyDocument,
}));
