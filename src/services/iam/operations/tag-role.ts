import type { TagRoleRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";
import { tagEntity } from "../tag-operations.js";

/** §8.2 (as §5.5): overwrites existing keys; ≤ 50 tags per role. */
export const TagRole = tagEntity<Validated<TagRoleRequest, "RoleName" | "Tags">>(
  "TagRole",
  "TagsPerRole",
  (input) => ({ entity: input.RoleName, tags: input.Tags }),
  async (tx, name) => (await requireRole(tx, name)).roleId,
);
