import type { DetachUserPolicyRequest } from "@aws-sdk/client-iam";
import { detachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a policy that is not attached is NoSuchEntity. */
export const DetachUserPolicy = detachPolicy<Validated<DetachUserPolicyRequest, "UserName" | "PolicyArn">>("user", (input) => ({
  owner: input.UserName,
  policyArn: input.PolicyArn,
}));
