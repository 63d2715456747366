import type { DeleteResourcePolicyRequest, DeleteResourcePolicyResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const DeleteResourcePolicy: Operation<DeleteResourcePolicyRequest, WireShape<DeleteResourcePolicyResponse>> = {
  name: "DeleteResourcePolicy",
  action: "ssm:DeleteResourcePolicy",
  async run() {
    throw new Error("DeleteResourcePolicy is not implemented yet");
  },
};
