import type { GetServiceSettingRequest, GetServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { resolveServiceSetting, serviceSettingView } from "../domain/service-settings.js";
import { serviceSettingOutput, UNCHANGED_SETTING_DATE_MS } from "../service-setting-output.js";
import type { Validated } from "../validated-request.js";
import { serviceSettingRequest } from "../access-requests.js";

/** A Parameter Store setting by short id or ARN; `SettingId` is always the short id (ssm-parameter-store.md §4.12). */
export const GetServiceSetting: Operation<Validated<GetServiceSettingRequest, "SettingId">, WireShape<GetServiceSettingResult>> = {
  name: "GetServiceSetting",
  action: "ssm:GetServiceSetting",
  access: (input, cx) => [serviceSettingRequest("ssm:GetServiceSetting", input.SettingId, cx)],
  async run(input, cx) {
    const scope = { partition: cx.partition, region: cx.region, account: cx.accountId };
    const setting = resolveServiceSetting(input.SettingId, scope);
    const record = await cx.ports.storage.read((tx) => tx.serviceSetting(cx.region, setting.id));
    return { ServiceSetting: serviceSettingOutput(serviceSettingView(setting, record, scope, UNCHANGED_SETTING_DATE_MS)) };
  },
};
