import type { UpdateServiceSettingRequest, UpdateServiceSettingResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { assertSettingValue, resolveServiceSetting } from "../domain/service-settings.js";
import type { Validated } from "../validated-request.js";
import { serviceSettingRequest } from "../access-requests.js";

/**
 * Sets a Parameter Store setting; afterwards it reads as Customized, by the caller, even when the
 * value equals the default (ssm-parameter-store.md §4.12).
 */
export const UpdateServiceSetting: Operation<
  Validated<UpdateServiceSettingRequest, "SettingId" | "SettingValue">,
  WireShape<UpdateServiceSettingResult>
> = {
  name: "UpdateServiceSetting",
  action: "ssm:UpdateServiceSetting",
  access: (input, cx) => [serviceSettingRequest("ssm:UpdateServiceSetting", input.SettingId, cx)],
  async run(input, cx) {
    const setting = resolveServiceSetting(input.SettingId, { partition: cx.partition, region: cx.region, account: cx.accountId });
    assertSettingValue(setting, input.SettingValue);
    await cx.ports.storage.write((tx) =>
      tx.putServiceSetting({
        region: cx.region,
        settingId: setting.id,
        value: input.SettingValue,
        lastModifiedDate: cx.ports.clock.now().getTime(),
        lastModifiedUser: cx.caller.arn,
      }),
    );
    return {};
  },
};
