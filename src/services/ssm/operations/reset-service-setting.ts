import type { ResetServiceSettingRequest, ResetServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";

export const ResetServiceSetting: Operation<ResetServiceSettingRequest, WireShape<ResetServiceSettingResult>> = {
  name: "ResetServiceSetting",
  action: "ssm:ResetServiceSetting",
  async run() {
    throw new Error("ResetServiceSetting is not implemented yet");
  },
};
