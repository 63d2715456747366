import type { ListRoleTagsRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";
import { listEntityTags } from "../tag-operations.js";

export const ListRoleTags = listEntityTags<Validated<ListRoleTagsRequest, "RoleName">>(
  "ListRoleTags",
  (input) => ({ entity: input.RoleName, marker: input.Marker, maxItems: input.MaxItems }),
  async (tx, name) => (await requireRole(tx, name)).roleId,
);
