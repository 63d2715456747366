import type { DescribeParametersRequest, DescribeParametersResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const DescribeParameters: Operation<DescribeParametersRequest, WireShape<DescribeParametersResult>> = {
  name: "DescribeParameters",
  action: "ssm:DescribeParameters",
  async run() {
    throw new Error("DescribeParameters is not implemented yet");
  },
};
