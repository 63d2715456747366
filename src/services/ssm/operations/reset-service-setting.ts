import type { ResetServiceSettingRequest, ResetServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { resetRecord, resolveServiceSetting, serviceSettingView } from "../domain/service-settings.js";
import { serviceSettingOutput, UNCHANGED_SETTING_DATE_MS } from "../service-setting-output.js";
import type { Validated } from "../validated-request.js";
import { serviceSettingRequest } from "../access-requests.js";

/** Back to the default value, by `System`, status Default; answers the setting as it now is (§4.12). */
export const ResetServiceSetting: Operation<Validated<ResetServiceSettingRequest, "SettingId">, WireShape<ResetServiceSettingResult>> = {
  name: "ResetServiceSetting",
  action: "ssm:ResetServiceSetting",
  access: (input, cx) => [serviceSettingRequest("ssm:ResetServiceSetting", input.SettingId, cx)],
  async run(input, cx) {
    const scope = { partition: cx.partition, region: cx.region, account: cx.accountId };
    const setting = resolveServiceSetting(input.SettingId, scope);
    const record = resetRecord(setting, cx.region, cx.ports.clock.now().getTime());
    await cx.ports.storage.write((tx) => tx.putServiceSetting(record));
    return { ServiceSetting: serviceSettingOutput(serviceSettingView(setting, record, scope, UNCHANGED_SETTING_DATE_MS)) };
  },
};
