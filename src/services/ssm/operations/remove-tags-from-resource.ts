import type { RemoveTagsFromResourceRequest, RemoveTagsFromResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const RemoveTagsFromResource: Operation<RemoveTagsFromResourceRequest, WireShape<RemoveTagsFromResourceResult>> = {
  name: "RemoveTagsFromResource",
  action: "ssm:RemoveTagsFromResource",
  async run() {
    throw new Error("RemoveTagsFromResource is not implemented yet");
  },
};
