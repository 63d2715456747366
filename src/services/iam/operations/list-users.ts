import type { ListUsersRequest, ListUsersResponse } from "@aws-sdk/client-iam";
import type { IamOperation } from "../iam-operation.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { userView } from "../views.js";

/** §5.4: by name; no tags, no permissions boundary. */
export const ListUsers: IamOperation<ListUsersRequest, ListUsersResponse> = {
  name: "ListUsers",
  action: "iam:ListUsers",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const rows = await cx.ports.storage.read((tx) =>
      tx.listIamUsers({
        limit: limit + 1,
        ...(after === undefined ? {} : { after }),
        ...(input.PathPrefix === undefined ? {} : { pathPrefix: input.PathPrefix }),
      }),
    );
    const page = cutPage(rows, limit);
    return {
      Users: page.items.map((user) => userView(cx, user)),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
