import type { AddTagsToResourceRequest, AddTagsToResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const AddTagsToResource: Operation<AddTagsToResourceRequest, WireShape<AddTagsToResourceResult>> = {
  name: "AddTagsToResource",
  action: "ssm:AddTagsToResource",
  async run() {
    throw new Error("AddTagsToResource is not implemented yet");
  },
};
