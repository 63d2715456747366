import type { ListGroupsForUserRequest, ListGroupsForUserResponse } from "@aws-sdk/client-iam";
import type { IamOperation, Validated } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { groupView } from "../views.js";

/** §11: the groups a user belongs to. */
export const ListGroupsForUser: IamOperation<Validated<ListGroupsForUserRequest, "UserName">, ListGroupsForUserResponse> = {
  name: "ListGroupsForUser",
  action: "iam:ListGroupsForUser",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const rows = await cx.ports.storage.read(async (tx) => {
      const user = await requireUser(tx, input.UserName);
      return tx.groupsOfUser(user.userId, { limit: limit + 1, ...(after === undefined ? {} : { after }) });
    });
    const page = cutPage(rows, limit);
    return {
      Groups: page.items.map((group) => groupView(cx, group)),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
