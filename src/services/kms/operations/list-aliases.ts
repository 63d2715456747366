import type { ListAliasesRequest, ListAliasesResponse } from "@aws-sdk/client-kms";
import { epochSeconds } from "../../../model/wire-shape.js";
import { aliasArn } from "../key-reference.js";
import { aliasMarker } from "../paging-marker.js";
import { keyScope, type KmsOperation, type KmsWire } from "../kms-operation.js";
import { anyKeyRequest } from "../access-requests.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/**
 * §6: aliases in name order, all of the region's or one key's (key id or ARN only). The AWS managed
 * `alias/aws/ssm` is listed once its key exists.
 */
export const ListAliases: KmsOperation<ListAliasesRequest, KmsWire<ListAliasesResponse>> = {
  name: "ListAliases",
  action: "kms:ListAliases",
  access: async (_input, cx) => [anyKeyRequest("kms:ListAliases", cx)],
  async run(input, cx, keys) {
    const limit = Math.min(input.Limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    const afterAlias = aliasMarker(input.Marker);
    const keyId = input.KeyId === undefined ? undefined : (await keys.resolveKeyOnly(input.KeyId, keyScope(cx))).keyId;
    const page = await keys.storage.read((tx) =>
      tx.listAliases(cx.region, {
        limit: limit + 1,
        ...(keyId === undefined ? {} : { keyId }),
        ...(afterAlias === undefined ? {} : { afterAlias }),
      }),
    );
    const shown = page.slice(0, limit);
    const truncated = page.length > limit;
    return {
      Aliases: shown.map((a) => ({
        AliasName: a.alias,
        AliasArn: aliasArn(cx.region, cx.accountId, a.alias),
        TargetKeyId: a.keyId,
        CreationDate: epochSeconds(a.creationDate),
        LastUpdatedDate: epochSeconds(a.lastUpdatedDate),
      })),
      ...(truncated ? { NextMarker: shown.at(-1)?.alias ?? "" } : {}),
      Truncated: truncated,
    };
  },
};
