import type { GetParametersRequest, GetParametersResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetParameters: Operation<GetParametersRequest, WireShape<GetParametersResult>> = {
  name: "GetParameters",
  action: "ssm:GetParameters",
  async run() {
    throw new Error("GetParameters is not implemented yet");
  },
};
