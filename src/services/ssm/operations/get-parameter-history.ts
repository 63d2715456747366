import type { GetParameterHistoryRequest, GetParameterHistoryResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetParameterHistory: Operation<GetParameterHistoryRequest, WireShape<GetParameterHistoryResult>> = {
  name: "GetParameterHistory",
  action: "ssm:GetParameterHistory",
  async run() {
    throw new Error("GetParameterHistory is not implemented yet");
  },
};
