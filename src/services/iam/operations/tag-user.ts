import type { TagUserRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { tagEntity } from "../tag-operations.js";

/** §5.5: overwrites existing keys (compared case-insensitively); ≤ 50 tags per user. */
export const TagUser = tagEntity<Validated<TagUserRequest, "UserName" | "Tags">>(
  "TagUser",
  "TagsPerUser",
  (input) => ({ entity: input.UserName, tags: input.Tags }),
  async (tx, name) => (await requireUser(tx, name)).userId,
);
