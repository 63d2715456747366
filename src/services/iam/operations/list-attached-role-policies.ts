import type { ListAttachedRolePoliciesRequest } from "@aws-sdk/client-iam";
import { listAttachedPolicies } from "../attachment-operations.js";
import type { Validated } from "../iam-operation.js";

/** §9.3: name and ARN of each attached policy, in ARN order. */
export const ListAttachedRolePolicies = listAttachedPolicies<Validated<ListAttachedRolePoliciesRequest, "RoleName">>("role", (input) => ({
  owner: input.RoleName,
  pathPrefix: input.PathPrefix,
  marker: input.Marker,
  maxItems: input.MaxItems,
}));
