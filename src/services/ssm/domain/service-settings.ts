import { invalidServiceSettingValue, serviceSettingNotFound } from "../../../errors/ssm-errors.js";
import type { ServiceSettingRecord } from "../../../storage/ports.js";
import type { ParameterScope } from "./parameter-name.js";
import { REQUESTED_TIERS } from "./tier.js";

/** The two Parameter Store service settings (ssm-parameter-store.md §4.12). */

export const DEFAULT_TIER_SETTING_ID = "/ssm/parameter-store/default-parameter-tier";
export const HIGH_THROUGHPUT_SETTING_ID = "/ssm/parameter-store/high-throughput-enabled";

export interface ServiceSettingDefinition {
  /** The short id, which GetServiceSetting always reports. */
  readonly id: string;
  readonly allowedValues: readonly string[];
  readonly defaultValue: string;
}

export const SERVICE_SETTINGS: readonly ServiceSettingDefinition[] = [
  { id: DEFAULT_TIER_SETTING_ID, allowedValues: REQUESTED_TIERS, defaultValue: "Standard" },
  { id: HIGH_THROUGHPUT_SETTING_ID, allowedValues: ["true", "false"], defaultValue: "false" },
];

/** A never-modified (or reset) setting shows this user and status Default. */
export const SYSTEM_USER = "System";

export type ServiceSettingStatus = "Default" | "Customized";

/** The GetServiceSetting/ResetServiceSetting output member, before the wire renders the date. */
export interface ServiceSettingView {
  readonly SettingId: string;
  readonly SettingValue: string;
  /** Milliseconds since the epoch. */
  readonly LastModifiedDate: number;
  readonly LastModifiedUser: string;
  readonly ARN: string;
  readonly Status: ServiceSettingStatus;
}

export function serviceSettingArn(scope: ParameterScope, id: string): string {
  return `arn:${scope.partition}:ssm:${scope.region}:${scope.account}:servicesetting${id}`;
}

/**
 * `SettingId` as the short id or this account's and region's setting ARN. Any other id — other SSM
 * settings, another region's ARN — is ServiceSettingNotFound, echoing the id as sent.
 */
export function resolveServiceSetting(settingId: string, scope: ParameterScope): ServiceSettingDefinition {
  const found = SERVICE_SETTINGS.find((s) => s.id === settingId || serviceSettingArn(scope, s.id) === settingId);
  if (found === undefined) throw serviceSettingNotFound(settingId);
  return found;
}

export function assertSettingValue(setting: ServiceSettingDefinition, value: string): void {
  if (!setting.allowedValues.includes(value)) throw invalidServiceSettingValue(setting.id, value, setting.allowedValues);
}

/**
 * What Get reports: the stored record when customised, otherwise the default value by `System`.
 * `defaultDate` stands in for the date of a setting nobody changed (AWS shows one; its origin is
 * not documented). A reset is stored as a record written by `System` (see `resetRecord`), so that
 * it keeps the date of the reset and still reads as Default.
 */
export function serviceSettingView(
  setting: ServiceSettingDefinition,
  record: ServiceSettingRecord | undefined,
  scope: ParameterScope,
  defaultDate: number,
): ServiceSettingView {
  const arn = serviceSettingArn(scope, setting.id);
  if (record === undefined) {
    return {
      SettingId: setting.id,
      SettingValue: setting.defaultValue,
      LastModifiedDate: defaultDate,
      LastModifiedUser: SYSTEM_USER,
      ARN: arn,
      Status: "Default",
    };
  }
  return {
    SettingId: setting.id,
    SettingValue: record.value,
    LastModifiedDate: record.lastModifiedDate,
    LastModifiedUser: record.lastModifiedUser,
    ARN: arn,
    Status: record.lastModifiedUser === SYSTEM_USER ? "Default" : "Customized",
  };
}

/** ResetServiceSetting's record: the default value, by `System`, at `date`. */
export function resetRecord(setting: ServiceSettingDefinition, region: string, date: number): ServiceSettingRecord {
  return { region, settingId: setting.id, value: setting.defaultValue, lastModifiedDate: date, lastModifiedUser: SYSTEM_USER };
}
