import type { GetGroupRequest, GetGroupResponse } from "@aws-sdk/client-iam";
import type { IamOperation, Validated } from "../iam-operation.js";
import { requireGroup } from "../lookups.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { groupView, userView } from "../views.js";

/** §11: the group and a page of its members. */
export const GetGroup: IamOperation<Validated<GetGroupRequest, "GroupName">, GetGroupResponse> = {
  name: "GetGroup",
  action: "iam:GetGroup",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const { group, rows } = await cx.ports.storage.read(async (tx) => {
      const group = await requireGroup(tx, input.GroupName);
      return { group, rows: await tx.groupMembers(group.groupId, { limit: limit + 1, ...(after === undefined ? {} : { after }) }) };
    });
    const page = cutPage(rows, limit);
    return {
      Group: groupView(cx, group),
      Users: page.items.map((user) => userView(cx, user)),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
