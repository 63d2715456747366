import type { UpdateServiceSettingRequest, UpdateServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const UpdateServiceSetting: Operation<UpdateServiceSettingRequest, WireShape<UpdateServiceSettingResult>> = {
  name: "UpdateServiceSetting",
  action: "ssm:UpdateServiceSetting",
  async run() {
    throw new Error("UpdateServiceSetting is not implemented yet");
  },
};
