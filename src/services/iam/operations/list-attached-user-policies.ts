import type { ListAttachedUserPoliciesRequest } from "@aws-sdk/client-iam";
import { listAttachedPolicies } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: name and ARN of each attached policy, in ARN order. */
export const ListAttachedUserPolicies = listAttachedPolicies<Validated<ListAttachedUserPoliciesRequest, "UserName">>("user", (input) => ({
  owner: input.UserName,
  pathPrefix: input.PathPrefix,
  marker: input.Marker,
  maxItems: input.MaxItems,
}));
