import { GetServiceSettingCommand, ResetServiceSettingCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// GetServiceSetting, UpdateServiceSetting, ResetServiceSetting (ssm-parameter-store.md §4.12).
const TIER = "/ssm/parameter-store/default-parameter-tier";
const THROUGHPUT = "/ssm/parameter-store/high-throughput-enabled";
const arnOf = (id: string, region = "us-east-1"): string => `arn:aws:ssm:${region}:${TEST_ACCOUNT_ID}:servicesetting${id}`;
const ROOT = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;
/** The date a never-changed setting shows (the AWS CLI example's). */
const UNCHANGED_DATE = 1555532818.578;

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const get = (SettingId: string) => ({ op: "get_service_setting", params: { SettingId } });
const update = (SettingId: string, SettingValue: string) => ({ op: "update_service_setting", params: { SettingId, SettingValue } });
const reset = (SettingId: string) => ({ op: "reset_service_setting", params: { SettingId } });
const setting = (r: unknown): Record<string, unknown> => (r as { ok: { ServiceSetting: Record<string, unknown> } }).ok.ServiceSetting;

describe("service settings", () => {
  it("shows never-changed settings as their defaults, by System, by short id or ARN", async () => {
    const [tier, tierByArn, throughput] = await boto3(server.url, [get(TIER), get(arnOf(TIER, "ap-south-1")), get(THROUGHPUT)], {
      region: "ap-south-1",
    });
    const defaultTier = {
      SettingId: TIER,
      SettingValue: "Standard",
      LastModifiedDate: UNCHANGED_DATE,
      LastModifiedUser: "System",
      ARN: arnOf(TIER, "ap-south-1"),
      Status: "Default",
    };
    expect(setting(tier)).toEqual(defaultTier);
    expect(Object.keys(setting(tier))).toEqual(["SettingId", "SettingValue", "LastModifiedDate", "LastModifiedUser", "ARN", "Status"]);
    expect(setting(tierByArn)).toEqual(defaultTier);
    expect(setting(throughput)).toMatchObject({ SettingId: THROUGHPUT, SettingValue: "false", Status: "Default", ARN: arnOf(THROUGHPUT, "ap-south-1") });
  });

  it("customises a setting for the caller, and reset brings back the default", async () => {
    const [updated, afterUpdate, put, resetOut, afterReset, putAfterReset] = await boto3(server.url, [
      update(TIER, "Advanced"),
      get(TIER),
      { op: "put_parameter", params: { Name: "/st/by-default", Type: "String", Value: "v" } },
      reset(TIER),
      get(arnOf(TIER)),
      { op: "put_parameter", params: { Name: "/st/after-reset", Type: "String", Value: "v" } },
    ]);
    expect(updated).toEqual({ ok: {}, requestId: expect.any(String) });
    const customised = setting(afterUpdate);
    expect(customised).toMatchObject({ SettingId: TIER, SettingValue: "Advanced", LastModifiedUser: ROOT, ARN: arnOf(TIER), Status: "Customized" });
    expect(customised["LastModifiedDate"]).toBeGreaterThan(UNCHANGED_DATE);
    // The default tier drives PutParameter without Tier (§3.4).
    expect(put).toMatchObject({ ok: { Version: 1, Tier: "Advanced" } });

    const back = setting(resetOut);
    expect(back).toMatchObject({ SettingId: TIER, SettingValue: "Standard", LastModifiedUser: "System", ARN: arnOf(TIER), Status: "Default" });
    expect(back["LastModifiedDate"]).toBeGreaterThanOrEqual(customised["LastModifiedDate"] as number);
    expect(setting(afterReset)).toEqual(back);
    expect(putAfterReset).toMatchObject({ ok: { Version: 1, Tier: "Standard" } });
  });

  it("counts a value equal to the default as Customized, and keeps regions apart", async () => {
    const [, here] = await boto3(server.url, [update(arnOf(THROUGHPUT), "false"), get(THROUGHPUT)]);
    expect(setting(here)).toMatchObject({ SettingValue: "false", Status: "Customized", LastModifiedUser: ROOT });
    const [, elsewhere] = await boto3(server.url, [update(THROUGHPUT, "true"), get(THROUGHPUT)], { region: "eu-west-3" });
    expect(setting(elsewhere)).toMatchObject({ SettingValue: "true", Status: "Customized", ARN: arnOf(THROUGHPUT, "eu-west-3") });
    const [stillHere] = await boto3(server.url, [get(THROUGHPUT)]);
    expect(setting(stillHere)).toMatchObject({ SettingValue: "false" });
  });

  it("accepts every documented value of each setting", async () => {
    const results = await boto3(server.url, [
      update(TIER, "Intelligent-Tiering"),
      update(TIER, "Standard"),
      update(TIER, "Advanced"),
      update(THROUGHPUT, "true"),
      reset(TIER),
      reset(THROUGHPUT),
    ]);
    results.forEach((r) => expect(r).toHaveProperty("ok"));
  });
});

describe("service setting errors", () => {
  it("answers unknown ids with ServiceSettingNotFound and bad values with ValidationException", async () => {
    const unknown = "/ssm/automation/customer-script-log-destination";
    const foreignArn = arnOf(TIER, "eu-west-1");
    const otherAccount = `arn:aws:ssm:us-east-1:999999999999:servicesetting${TIER}`;
    const results = await boto3(server.url, [
      get(unknown),
      update(unknown, "x"),
      reset(unknown),
      get(foreignArn),
      get(otherAccount),
      update(THROUGHPUT, "yes"),
      update(TIER, "standard"),
    ]);
    const notFound = (id: string) => ({ error: { code: "ServiceSettingNotFound", message: `The service setting ${id} was not found.`, status: 400 } });
    expect(results).toEqual([
      notFound(unknown),
      notFound(unknown),
      notFound(unknown),
      notFound(foreignArn),
      notFound(otherAccount),
      {
        error: {
          code: "ValidationException",
          message: `The value yes is not valid for the setting ${THROUGHPUT}. Valid values are: [true, false].`,
          status: 400,
        },
      },
      {
        error: {
          code: "ValidationException",
          message: `The value standard is not valid for the setting ${TIER}. Valid values are: [Standard, Advanced, Intelligent-Tiering].`,
          status: 400,
        },
      },
    ]);
    const [unchanged] = await boto3(server.url, [get(THROUGHPUT)]);
    expect(setting(unchanged)["SettingValue"]).not.toBe("yes");
  });

  it("sends ServiceSettingNotFound under Message, and model violations under message", async () => {
    const notFound = await signedJson(server.url, JSON.stringify({ SettingId: "/nope" }), { target: "AmazonSSM.GetServiceSetting" });
    expect(notFound.status).toBe(400);
    expect(notFound.json).toEqual({ __type: "ServiceSettingNotFound", Message: "The service setting /nope was not found." });
    const empty = await signedJson(server.url, JSON.stringify({ SettingId: THROUGHPUT, SettingValue: "" }), { target: "AmazonSSM.UpdateServiceSetting" });
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual({
      __type: "ValidationException",
      message: "1 validation error detected: Value '' at 'settingValue' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });
});

describe("service settings with the aws CLI and SDK v3", () => {
  it("gets and resets with the aws CLI", async () => {
    const got = await aws(server.url, ["ssm", "get-service-setting", "--setting-id", arnOf(THROUGHPUT)]);
    expect(got.status, got.stderr).toBe(0);
    expect((got.json as { ServiceSetting: Record<string, unknown> }).ServiceSetting).toMatchObject({ SettingId: THROUGHPUT, ARN: arnOf(THROUGHPUT) });
    const reset = await aws(server.url, ["ssm", "reset-service-setting", "--setting-id", THROUGHPUT]);
    expect(reset.status, reset.stderr).toBe(0);
    expect((reset.json as { ServiceSetting: Record<string, unknown> }).ServiceSetting).toMatchObject({
      SettingValue: "false",
      LastModifiedUser: "System",
      Status: "Default",
    });
  });

  it("gives SDK v3 a Date and the error class", async () => {
    const ssm = ssmClient(server.url);
    const out = await ssm.send(new ResetServiceSettingCommand({ SettingId: TIER }));
    expect(out.ServiceSetting?.LastModifiedDate).toBeInstanceOf(Date);
    await expect(ssm.send(new GetServiceSettingCommand({ SettingId: "/ssm/nope" }))).rejects.toMatchObject({
      name: "ServiceSettingNotFound",
      $metadata: { httpStatusCode: 400 },
    });
  });
});
