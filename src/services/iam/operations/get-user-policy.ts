import type { GetUserPolicyRequest, GetUserPolicyResponse } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { getInlinePolicy } from "../inline-policy-operations.js";

/** §7: the document as it was put, under the stored spellings of the user and policy names. */
export const GetUserPolicy = getInlinePolicy<Validated<GetUserPolicyRequest, "UserName" | "PolicyName">, GetUserPolicyResponse>(
  "user",
  (input) => ({ owner: input.UserName, policyName: input.PolicyName }),
  (owner, policyName, document) => ({ UserName: owner, PolicyName: policyName, PolicyDocument: document }),
);
