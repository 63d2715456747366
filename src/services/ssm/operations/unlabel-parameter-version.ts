import type { UnlabelParameterVersionRequest, UnlabelParameterVersionResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const UnlabelParameterVersion: Operation<UnlabelParameterVersionRequest, WireShape<UnlabelParameterVersionResult>> = {
  name: "UnlabelParameterVersion",
  action: "ssm:UnlabelParameterVersion",
  async run() {
    throw new Error("UnlabelParameterVersion is not implemented yet");
  },
};
