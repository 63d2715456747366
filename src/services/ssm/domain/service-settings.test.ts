import { describe, expect, it } from "vitest";
import {
  assertSettingValue,
  DEFAULT_TIER_SETTING_ID,
  HIGH_THROUGHPUT_SETTING_ID,
  resolveServiceSetting,
  serviceSettingArn,
  resetRecord,
  serviceSettingView,
} from "./service-settings.js";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };
const TIER_ARN = "arn:aws:ssm:us-east-1:111111111111:servicesetting/ssm/parameter-store/default-parameter-tier";

describe("service settings", () => {
  it("builds the setting ARN", () => {
    expect(serviceSettingArn(scope, DEFAULT_TIER_SETTING_ID)).toBe(TIER_ARN);
  });

  it.each([
    [DEFAULT_TIER_SETTING_ID, DEFAULT_TIER_SETTING_ID],
    [TIER_ARN, DEFAULT_TIER_SETTING_ID],
    [HIGH_THROUGHPUT_SETTING_ID, HIGH_THROUGHPUT_SETTING_ID],
    ["arn:aws:ssm:us-east-1:111111111111:servicesetting/ssm/parameter-store/high-throughput-enabled", HIGH_THROUGHPUT_SETTING_ID],
  ])("resolves %s to its short id", (id, shortId) => {
    expect(resolveServiceSetting(id, scope).id).toBe(shortId);
  });

  it.each([
    "/ssm/automation/customer-script-log-destination",
    "/ssm/parameter-store/unknown",
    "arn:aws:ssm:eu-west-1:111111111111:servicesetting/ssm/parameter-store/default-parameter-tier",
    "arn:aws:ssm:us-east-1:222222222222:servicesetting/ssm/parameter-store/default-parameter-tier",
  ])("answers ServiceSettingNotFound for %s", (id) => {
    expect(() => resolveServiceSetting(id, scope)).toThrow(
      expect.objectContaining({ code: "ServiceSettingNotFound", status: 400, messageKey: "Message", message: expect.stringContaining(id) }),
    );
  });

  it.each([
    [DEFAULT_TIER_SETTING_ID, ["Standard", "Advanced", "Intelligent-Tiering"], ["standard", "", "true"]],
    [HIGH_THROUGHPUT_SETTING_ID, ["true", "false"], ["True", "yes", "Standard"]],
  ])("validates values of %s", (id, good, bad) => {
    const setting = resolveServiceSetting(id, scope);
    for (const value of good) expect(() => assertSettingValue(setting, value)).not.toThrow();
    for (const value of bad) {
      expect(() => assertSettingValue(setting, value)).toThrow(expect.objectContaining({ code: "ValidationException", messageKey: "message" }));
    }
  });

  it("shows a never-changed setting as its default, by System", () => {
    const setting = resolveServiceSetting(DEFAULT_TIER_SETTING_ID, scope);
    expect(serviceSettingView(setting, undefined, scope, 1000)).toEqual({
      SettingId: DEFAULT_TIER_SETTING_ID,
      SettingValue: "Standard",
      LastModifiedDate: 1000,
      LastModifiedUser: "System",
      ARN: TIER_ARN,
      Status: "Default",
    });
    expect(serviceSettingView(resolveServiceSetting(HIGH_THROUGHPUT_SETTING_ID, scope), undefined, scope, 0).SettingValue).toBe("false");
  });

  it("shows a changed setting as Customized, by its writer", () => {
    const setting = resolveServiceSetting(TIER_ARN, scope);
    const record = {
      region: "us-east-1",
      settingId: DEFAULT_TIER_SETTING_ID,
      value: "Advanced",
      lastModifiedDate: 5000,
      lastModifiedUser: "arn:aws:iam::111111111111:user/admin",
    };
    expect(serviceSettingView(setting, record, scope, 1000)).toEqual({
      SettingId: DEFAULT_TIER_SETTING_ID,
      SettingValue: "Advanced",
      LastModifiedDate: 5000,
      LastModifiedUser: "arn:aws:iam::111111111111:user/admin",
      ARN: TIER_ARN,
      Status: "Customized",
    });
  });

  it("shows a reset setting as Default, by System, at the date of the reset", () => {
    const setting = resolveServiceSetting(HIGH_THROUGHPUT_SETTING_ID, scope);
    const record = resetRecord(setting, "us-east-1", 7000);
    expect(record).toEqual({ region: "us-east-1", settingId: HIGH_THROUGHPUT_SETTING_ID, value: "false", lastModifiedDate: 7000, lastModifiedUser: "System" });
    expect(serviceSettingView(setting, record, scope, 1000)).toMatchObject({ SettingValue: "false", LastModifiedDate: 7000, LastModifiedUser: "System", Status: "Default" });
  });
});
