import type { ServiceSetting } from "@aws-sdk/client-ssm";
import { epochSeconds, type WireShape } from "../../model/wire-shape.js";
import type { ServiceSettingView } from "./domain/service-settings.js";

/**
 * The LastModifiedDate of a setting nobody has changed. AWS shows a fixed date it does not explain;
 * this is the one in the AWS CLI's get-service-setting example (1555532818.578, April 2019), so a
 * never-touched setting reads the same on every call and every server.
 */
export const UNCHANGED_SETTING_DATE_MS = 1_555_532_818_578;

/** GetServiceSetting's and ResetServiceSetting's `ServiceSetting` member (ssm-parameter-store.md §4.12). */
export function serviceSettingOutput(view: ServiceSettingView): WireShape<ServiceSetting> {
  return {
    SettingId: view.SettingId,
    SettingValue: view.SettingValue,
    LastModifiedDate: epochSeconds(view.LastModifiedDate),
    LastModifiedUser: view.LastModifiedUser,
    ARN: view.ARN,
    Status: view.Status,
  };
}
