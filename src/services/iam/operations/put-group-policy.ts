import type { PutGroupPolicyRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { putInlinePolicy } from "../inline-policy-operations.js";

/** §7: creates or replaces a group's inline policy (a re-put under another spelling renames it). */
export const PutGroupPolicy = putInlinePolicy<Validated<PutGroupPolicyRequest, "GroupName" | "PolicyName" | "PolicyDocument">>("group", (input) => ({
  owner: input.GroupName,
  policyName: input.PolicyName,
  document: input.PolicyDocument,
}));
