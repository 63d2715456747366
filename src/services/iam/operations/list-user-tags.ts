import type { ListUserTagsRequest } from "@aws-sdk/client-iam";
import type { Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { listEntityTags } from "../tag-operations.js";

/** §5.5: in the order the keys were first set. */
export const ListUserTags = listEntityTags<Validated<ListUserTagsRequest, "UserName">>(
  "ListUserTags",
  (input) => ({ entity: input.UserName, marker: input.Marker, maxItems: input.MaxItems }),
  async (tx, name) => (await requireUser(tx, name)).userId,
);
