import type { ListGroupPoliciesRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { listInlinePolicies } from "../inline-policy-operations.js";

/** §7: inline policy names in (case-insensitive) name order. */
export const ListGroupPolicies = listInlinePolicies<Validated<ListGroupPoliciesRequest, "GroupName">>("group", (input) => ({
  owner: input.GroupName,
  marker: input.Marker,
  maxItems: input.MaxItems,
}));
