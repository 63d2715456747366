import type { GetRolePolicyRequest, GetRolePolicyResponse } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { getInlinePolicy } from "../inline-policy-operations.js";

/** §7: the document as it was put, under the stored spellings of the role and policy names. */
export const GetRolePolicy = getInlinePolicy<Validated<GetRolePolicyRequest, "RoleName" | "PolicyName">, GetRolePolicyResponse>(
  "role",
  (input) => ({ owner: input.RoleName, policyName: input.PolicyName }),
  (owner, policyName, document) => ({ RoleName: owner, PolicyName: policyName, PolicyDocument: document }),
);
