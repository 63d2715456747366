import type { ListAccessKeysRequest, ListAccessKeysResponse } from "@aws-sdk/client-iam";
import { targetUserName } from "../caller.js";
import type { IamOperation } from "../iam-operation.js";
import { requireUser } from "../lookups.js";
import { pageList } from "../marker.js";

/** §6: metadata only, never the secret. */
export const ListAccessKeys: IamOperation<ListAccessKeysRequest, ListAccessKeysResponse> = {
  name: "ListAccessKeys",
  action: "iam:ListAccessKeys",
  async run(input, cx) {
    const name = targetUserName(input, cx, false);
    const { user, keys } = await cx.ports.storage.read(async (tx) => {
      const user = await requireUser(tx, name);
      return { user, keys: await tx.accessKeysOf(user.userId) };
    });
    const page = pageList(keys, (k) => k.accessKeyId, input.Marker, input.MaxItems);
    return {
      AccessKeyMetadata: page.items.map((k) => ({
        UserName: user.name,
        AccessKeyId: k.accessKeyId,
        Status: k.status,
        CreateDate: new Date(k.createDate),
      })),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
