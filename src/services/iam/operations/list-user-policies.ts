import type { ListUserPoliciesRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { listInlinePolicies } from "../inline-policy-operations.js";

/** §7: inline policy names in (case-insensitive) name order. */
export const ListUserPolicies = listInlinePolicies<Validated<ListUserPoliciesRequest, "UserName">>("user", (input) => ({
  owner: input.UserName,
  marker: input.Marker,
  maxItems: input.MaxItems,
}));
