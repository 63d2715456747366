import type { AttachRolePolicyRequest } from "@aws-sdk/client-iam";
import { attachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a customer or AWS managed policy, at most 10 per role; attaching twice is a no-op. */
export const AttachRolePolicy = attachPolicy<Validated<AttachRolePolicyRequest, "RoleName" | "PolicyArn">>("role", (input) => ({
  owner: input.RoleName,
  policyArn: input.PolicyArn,
}));
