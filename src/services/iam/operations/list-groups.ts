import type { ListGroupsRequest, ListGroupsResponse } from "@aws-sdk/client-iam";
import type { IamOperation } from "../iam-operation.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { groupView } from "../views.js";

/** §11: by name, filtered by path prefix. */
export const ListGroups: IamOperation<ListGroupsRequest, ListGroupsResponse> = {
  name: "ListGroups",
  action: "iam:ListGroups",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const rows = await cx.ports.storage.read((tx) =>
      tx.listIamGroups({
        limit: limit + 1,
        ...(after === undefined ? {} : { after }),
        ...(input.PathPrefix === undefined ? {} : { pathPrefix: input.PathPrefix }),
      }),
    );
    const page = cutPage(rows, limit);
    return {
      Groups: page.items.map((group) => groupView(cx, group)),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
