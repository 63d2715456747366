import type { AttachUserPolicyRequest } from "@aws-sdk/client-iam";
import { attachPolicy } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: a customer or AWS managed policy, at most 10 per user; attaching twice is a no-op. */
export const AttachUserPolicy = attachPolicy<Validated<AttachUserPolicyRequest, "UserName" | "PolicyArn">>("user", (input) => ({
  owner: input.UserName,
  policyArn: input.PolicyArn,
}));
