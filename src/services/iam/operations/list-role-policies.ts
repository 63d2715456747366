import type { ListRolePoliciesRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { listInlinePolicies } from "../inline-policy-operations.js";

/** §7: inline policy names in (case-insensitive) name order. */
export const ListRolePolicies = listInlinePolicies<Validated<ListRolePoliciesRequest, "RoleName">>("role", (input) => ({
  owner: input.RoleName,
  marker: input.Marker,
  maxItems: input.MaxItems,
}));
