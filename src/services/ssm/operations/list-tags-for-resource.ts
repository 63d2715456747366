import type { ListTagsForResourceRequest, ListTagsForResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { assertTaggedParameterExists, taggedParameterKey } from "../tag-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/** The resource's tags in insertion order; `TagList` is sent even when empty (ssm-parameter-store.md §4.11). */
export const ListTagsForResource: Operation<
  Validated<ListTagsForResourceRequest, "ResourceType" | "ResourceId">,
  WireShape<ListTagsForResourceResult>
> = {
  name: "ListTagsForResource",
  action: "ssm:ListTagsForResource",
  access: (input, cx) => [parameterRequest("ssm:ListTagsForResource", taggedParameterKey(input.ResourceType, input.ResourceId), cx)],
  async run(input, cx) {
    const key = taggedParameterKey(input.ResourceType, input.ResourceId);
    const tags = await cx.ports.storage.read(async (tx) => {
      await assertTaggedParameterExists(tx, cx.region, key);
      return tx.tags(cx.region, key);
    });
    return { TagList: tags.map((t) => ({ Key: t.key, Value: t.value })) };
  },
};
