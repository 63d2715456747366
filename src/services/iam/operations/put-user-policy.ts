import type { PutUserPolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { putInlinePolicy } from "../inline-policy-operations.js";

/** §7: creates or replaces a user's inline policy (a re-put under another spelling renames it). */
export const PutUserPolicy = putInlinePolicy<Validated<PutUserPolicyRequest, "UserName" | "PolicyName" | "PolicyDocument">>("user", (input) => ({
  owner: input.UserName,
  policyName: input.PolicyName,
  document: input.PolicyDocument,
}));
