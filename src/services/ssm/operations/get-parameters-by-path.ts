import type { GetParametersByPathRequest, GetParametersByPathResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetParametersByPath: Operation<GetParametersByPathRequest, WireShape<GetParametersByPathResult>> = {
  name: "GetParametersByPath",
  action: "ssm:GetParametersByPath",
  async run() {
    throw new Error("GetParametersByPath is not implemented yet");
  },
};
