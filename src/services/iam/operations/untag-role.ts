import type { UntagRoleRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";
import { untagEntity } from "../tag-operations.js";

export const UntagRole = untagEntity<Validated<UntagRoleRequest, "RoleName" | "TagKeys">>(
  "UntagRole",
  (input) => ({ entity: input.RoleName, tagKeys: input.TagKeys }),
  async (tx, name) => (await requireRole(tx, name)).roleId,
);
