import type { PutResourcePolicyRequest, PutResourcePolicyResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const PutResourcePolicy: Operation<PutResourcePolicyRequest, WireShape<PutResourcePolicyResponse>> = {
  name: "PutResourcePolicy",
  action: "ssm:PutResourcePolicy",
  async run() {
    throw new Error("PutResourcePolicy is not implemented yet");
  },
};
