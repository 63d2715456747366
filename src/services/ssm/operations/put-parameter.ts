import type { PutParameterRequest, PutParameterResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const PutParameter: Operation<PutParameterRequest, WireShape<PutParameterResult>> = {
  name: "PutParameter",
  action: "ssm:PutParameter",
  async run() {
    throw new Error("PutParameter is not implemented yet");
  },
};
