import type { ListTagsForResourceRequest, ListTagsForResourceResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const ListTagsForResource: Operation<ListTagsForResourceRequest, WireShape<ListTagsForResourceResult>> = {
  name: "ListTagsForResource",
  action: "ssm:ListTagsForResource",
  async run() {
    throw new Error("ListTagsForResource is not implemented yet");
  },
};
