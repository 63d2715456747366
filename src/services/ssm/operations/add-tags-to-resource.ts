import type { AddTagsToResourceRequest, AddTagsToResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { tooManyTagsError } from "../../../errors/ssm-errors.js";
import { MAX_TAGS_PER_RESOURCE } from "../domain/limits.js";
import { assertTaggedParameterExists, taggedParameterKey } from "../tag-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest, requestTagContext } from "../access-requests.js";

/**
 * Adds or overwrites tags (ssm-parameter-store.md §4.11): an existing key takes the new value in
 * its old position, new keys append. More than 50 distinct keys on the resource is TooManyTagsError
 * and changes nothing.
 */
export const AddTagsToResource: Operation<
  Validated<AddTagsToResourceRequest, "ResourceType" | "ResourceId" | "Tags">,
  WireShape<AddTagsToResourceResult>
> = {
  name: "AddTagsToResource",
  action: "ssm:AddTagsToResource",
  access: (input, cx) => [
    parameterRequest("ssm:AddTagsToResource", taggedParameterKey(input.ResourceType, input.ResourceId), cx, requestTagContext(input.Tags)),
  ],
  async run(input, cx) {
    const key = taggedParameterKey(input.ResourceType, input.ResourceId);
    const tags = input.Tags.map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })) // both required by the model;
    await cx.ports.storage.write(async (tx) => {
      await assertTaggedParameterExists(tx, cx.region, key);
      const keys = new Set((await tx.tags(cx.region, key)).map((t) => t.key));
      for (const tag of tags) keys.add(tag.key);
      if (keys.size > MAX_TAGS_PER_RESOURCE) throw tooManyTagsError();
      await tx.putTags(cx.region, key, tags);
    });
    return {};
  },
};
