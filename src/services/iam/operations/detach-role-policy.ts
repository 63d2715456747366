import type { DetachRolePolicyRequest } from "@aws-sdk/client-iam";
import { detachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a policy that is not attached is NoSuchEntity. */
export const DetachRolePolicy = detachPolicy<Validated<DetachRolePolicyRequest, "RoleName" | "PolicyArn">>("role", (input) => ({
  owner: input.RoleName,
  policyArn: input.PolicyArn,
}));
