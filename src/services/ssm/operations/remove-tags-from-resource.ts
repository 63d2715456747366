import type { RemoveTagsFromResourceRequest, RemoveTagsFromResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { assertTaggedParameterExists, taggedParameterKey } from "../tag-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/** Removes tags by key; keys the resource does not carry are ignored (ssm-parameter-store.md §4.11). */
export const RemoveTagsFromResource: Operation<
  Validated<RemoveTagsFromResourceRequest, "ResourceType" | "ResourceId" | "TagKeys">,
  WireShape<RemoveTagsFromResourceResult>
> = {
  name: "RemoveTagsFromResource",
  action: "ssm:RemoveTagsFromResource",
  access: (input, cx) => [
    parameterRequest("ssm:RemoveTagsFromResource", taggedParameterKey(input.ResourceType, input.ResourceId), cx, { "aws:TagKeys": input.TagKeys }),
  ],
  async run(input, cx) {
    const key = taggedParameterKey(input.ResourceType, input.ResourceId);
    await cx.ports.storage.write(async (tx) => {
      await assertTaggedParameterExists(tx, cx.region, key);
      await tx.removeTags(cx.region, key, input.TagKeys);
    });
    return {};
  },
};
