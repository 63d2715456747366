import type { UntagUserRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { untagEntity } from "../tag-operations.js";

/** §5.5: unknown keys are ignored. */
export const UntagUser = untagEntity<Validated<UntagUserRequest, "UserName" | "TagKeys">>(
  "UntagUser",
  (input) => ({ entity: input.UserName, tagKeys: input.TagKeys }),
  async (tx, name) => (await requireUser(tx, name)).userId,
);
