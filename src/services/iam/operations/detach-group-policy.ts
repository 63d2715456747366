import type { DetachGroupPolicyRequest } from "@aws-sdk/client-iam";
import { detachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a policy that is not attached is NoSuchEntity. */
export const DetachGroupPolicy = detachPolicy<Validated<DetachGroupPolicyRequest, "GroupName" | "PolicyArn">>("group", (input) => ({
  owner: input.GroupName,
  policyArn: input.PolicyArn,
}));
