import type { LabelParameterVersionRequest, LabelParameterVersionResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const LabelParameterVersion: Operation<LabelParameterVersionRequest, WireShape<LabelParameterVersionResult>> = {
  name: "LabelParameterVersion",
  action: "ssm:LabelParameterVersion",
  async run() {
    throw new Error("LabelParameterVersion is not implemented yet");
  },
};
