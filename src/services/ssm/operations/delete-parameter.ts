import type { DeleteParameterRequest, DeleteParameterResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const DeleteParameter: Operation<DeleteParameterRequest, WireShape<DeleteParameterResult>> = {
  name: "DeleteParameter",
  action: "ssm:DeleteParameter",
  async run() {
    throw new Error("DeleteParameter is not implemented yet");
  },
};
