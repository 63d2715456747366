import type { DeleteParametersRequest, DeleteParametersResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const DeleteParameters: Operation<DeleteParametersRequest, WireShape<DeleteParametersResult>> = {
  name: "DeleteParameters",
  action: "ssm:DeleteParameters",
  async run() {
    throw new Error("DeleteParameters is not implemented yet");
  },
};
