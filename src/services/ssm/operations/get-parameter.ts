import type { GetParameterRequest, GetParameterResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetParameter: Operation<GetParameterRequest, WireShape<GetParameterResult>> = {
  name: "GetParameter",
  action: "ssm:GetParameter",
  async run() {
    throw new Error("GetParameter is not implemented yet");
  },
};
