import type { GetServiceSettingRequest, GetServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const GetServiceSetting: Operation<GetServiceSettingRequest, WireShape<GetServiceSettingResult>> = {
  name: "GetServiceSetting",
  action: "ssm:GetServiceSetting",
  async run() {
    throw new Error("GetServiceSetting is not implemented yet");
  },
};
