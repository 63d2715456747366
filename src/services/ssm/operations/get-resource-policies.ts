import type { GetResourcePoliciesRequest, GetResourcePoliciesResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetResourcePolicies: Operation<GetResourcePoliciesRequest, WireShape<GetResourcePoliciesResponse>> = {
  name: "GetResourcePolicies",
  action: "ssm:GetResourcePolicies",
  async run() {
    throw new Error("GetResourcePolicies is not implemented yet");
  },
};
