import type { ListRolesRequest, ListRolesResponse } from "@aws-sdk/client-iam";
import type { IamOperation } from "../iam-operation.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { roleView } from "../views.js";

/** §8.2: by name; no tags, RoleLastUsed or permissions boundary. */
export const ListRoles: IamOperation<ListRolesRequest, ListRolesResponse> = {
  name: "ListRoles",
  action: "iam:ListRoles",
  async run(input, cx) {
    const after = markerPosition(input.Marker);
    const limit = pageSize(input.MaxItems);
    const rows = await cx.ports.storage.read((tx) =>
      tx.listIamRoles({
        limit: limit + 1,
        ...(after === undefined ? {} : { after }),
        ...(input.PathPrefix === undefined ? {} : { pathPrefix: input.PathPrefix }),
      }),
    );
    const page = cutPage(rows, limit);
    return {
      Roles: page.items.map((role) => roleView(cx, role, "list")),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
