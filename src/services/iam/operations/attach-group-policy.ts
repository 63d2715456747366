import type { AttachGroupPolicyRequest } from "@aws-sdk/client-iam";
import { attachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a customer or AWS managed policy, at most 10 per group; attaching twice is a no-op. */
export const AttachGroupPolicy = attachPolicy<Validated<AttachGroupPolicyRequest, "GroupName" | "PolicyArn">>("group", (input) => ({
  owner: input.GroupName,
  policyArn: input.PolicyArn,
}));
