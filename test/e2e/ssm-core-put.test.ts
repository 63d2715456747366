import { GetParameterHistoryCommand, PutParameterCommand, type PutParameterCommandOutput } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";
import { awsError, M1, okOf, ROOT_ARN, type WireHistory } from "./ssm-core-support.js";

// PutParameter through the real wire (ssm-parameter-store.md §3, §4.1, §5.1; policies §1).
let server: ServerHandle;
const run = (calls: readonly Boto3Call[], region?: string) =>
  boto3(server.url, calls, region === undefined ? {} : { region });

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const ADVANCED_DOC = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";
const policy = (type: string, attributes: Record<string, string>) => ({ Type: type, Version: "1.0", Attributes: attributes });
const EXPIRATION = policy("Expiration", { Timestamp: "2031-01-01T00:00:00.000Z" });

describe("PutParameter creates and overwrites", () => {
  it("answers exactly {Version, Tier} and counts versions up", async () => {
    const [create, again, overwrite, get] = await run([
      { op: "put_parameter", params: { Name: "/put/basic", Value: "one", Type: "String" } },
      { op: "put_parameter", params: { Name: "/put/basic", Value: "two", Type: "String" } },
      { op: "put_parameter", params: { Name: "/put/basic", Value: "two", Overwrite: true } },
      { op: "get_parameter", params: { Name: "/put/basic" } },
    ]);
    expect(create).toMatchObject({ ok: { Version: 1, Tier: "Standard" } });
    expect(Object.keys(okOf<object>(create)).sort()).toEqual(["Tier", "Version"]);
    expect(again).toEqual(
      awsError(
        "ParameterAlreadyExists",
        "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
      ),
    );
    expect(overwrite).toMatchObject({ ok: { Version: 2, Tier: "Standard" } });
    expect(get).toMatchObject({ ok: { Parameter: { Value: "two", Version: 2, Type: "String" } } });
  });

  it("requires a type to create, also with Overwrite, but not to overwrite", async () => {
    const TYPE_REQUIRED = awsError("ValidationException", "A parameter type is required when you create a parameter.");
    const [noOverwrite, withOverwrite, exists, inherit] = await run([
      { op: "put_parameter", params: { Name: "/put/untyped", Value: "v" } },
      { op: "put_parameter", params: { Name: "/put/untyped", Value: "v", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/put/typed", Value: "a,b", Type: "StringList" } },
      { op: "put_parameter", params: { Name: "/put/typed", Value: "c", Overwrite: true } },
    ]);
    expect(noOverwrite).toEqual(TYPE_REQUIRED);
    expect(withOverwrite).toEqual(TYPE_REQUIRED);
    expect(exists).toMatchObject({ ok: { Version: 1 } });
    expect(inherit).toMatchObject({ ok: { Version: 2 } });
  });

  it("keeps StringList values verbatim", async () => {
    const [, get] = await run([
      { op: "put_parameter", params: { Name: "/put/list", Value: " red , ,blue, ", Type: "StringList" } },
      { op: "get_parameter", params: { Name: "/put/list" } },
    ]);
    expect(get).toMatchObject({ ok: { Parameter: { Value: " red , ,blue, ", Type: "StringList" } } });
  });

  it("records the caller as LastModifiedUser and stores tags given at creation", async () => {
    const [, history, tags] = await run([
      { op: "put_parameter", params: { Name: "/put/tagged", Value: "v", Type: "String", Tags: [{ Key: "team", Value: "core" }, { Key: "env", Value: "" }] } },
      { op: "get_parameter_history", params: { Name: "/put/tagged" } },
      { op: "list_tags_for_resource", params: { ResourceType: "Parameter", ResourceId: "/put/tagged" } },
    ]);
    expect(okOf<{ Parameters: WireHistory[] }>(history).Parameters[0]?.LastModifiedUser).toBe(ROOT_ARN);
    expect(tags).toEqual({ ok: { TagList: [{ Key: "team", Value: "core" }, { Key: "env", Value: "" }] }, requestId: expect.any(String) });
  });
});

describe("PutParameter validation", () => {
  it("rejects malformed and reserved names before anything else", async () => {
    const put = (Name: string): Boto3Call => ({ op: "put_parameter", params: { Name, Value: "v", Type: "String", Tags: [{ Key: "k", Value: "v" }], Overwrite: true } });
    const results = await run([put("/a//b"), put("a/b"), put("/x/bad name"), put("/ssm/x"), put("SSM-test"), put("/aws/x"), put("awsTest"), put("/aws/service/x")]);
    expect(results.slice(0, 5)).toEqual(Array(5).fill(awsError("ValidationException", M1)));
    expect(results.slice(5)).toEqual([
      awsError("AccessDeniedException", "No access to reserved parameter name: /aws/x."),
      awsError("AccessDeniedException", "No access to reserved parameter name: awsTest."),
      awsError("AccessDeniedException", "No access to reserved parameter name: /aws/service/x."),
    ]);
  });

  it("refuses tags together with overwrite, before looking for the parameter", async () => {
    const [r] = await run([
      { op: "put_parameter", params: { Name: "/put/never", Value: "v", Type: "String", Overwrite: true, Tags: [{ Key: "k", Value: "v" }] } },
    ]);
    expect(r).toEqual(
      awsError(
        "ValidationException",
        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
      ),
    );
  });

  it("rejects a bad type, data type, nested reference and allowed pattern with AWS's texts", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/put/v", Value: "v", Type: "BadType" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "v", Type: "String", DataType: "bad" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "v", Type: "String", DataType: "aws:ssm:integration" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "{{ssm:fixture}}", Type: "String" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "{{ssm:fixture}}", Type: "SecureString" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "v", Type: "String", AllowedPattern: "[" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "abc1", Type: "String", AllowedPattern: "^[a-z]+$" } },
      { op: "put_parameter", params: { Name: "/put/v", Value: "v", Type: "String", Description: "x".repeat(1025) } },
    ]);
    expect(results).toEqual([
      awsError("ValidationException", "1 validation error detected: Value 'BadType' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"),
      awsError("ValidationException", "The following data type is not supported: bad. (Data type names are all lowercase.)"),
      awsError("ValidationException", "Parameters with data type: aws:ssm:integration must start with prefix: /d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations"),
      awsError("ValidationException", `Parameter value: '{{ssm:fixture}}' failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`),
      // A SecureString value never appears in an error.
      awsError("ValidationException", `Parameter value failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`),
      awsError("InvalidAllowedPatternException", "The syntax of the allowedPattern parameter is invalid."),
      awsError("ParameterPatternMismatchException", "Parameter value, cannot be validated against allowedPattern: ^[a-z]+$"),
      awsError("ValidationException", `1 validation error detected: Value '${"x".repeat(1025)}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 1024`),
    ]);
  });

  it("rejects an empty value without echoing it (SDK v3 does not check it client-side)", async () => {
    const ssm = ssmClient(server.url);
    await expect(ssm.send(new PutParameterCommand({ Name: "/put/empty", Value: "", Type: "String" }))).rejects.toMatchObject({
      name: "ValidationException",
      message: "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("limits the hierarchy to 15 levels", async () => {
    const deepest = `/${Array.from({ length: 15 }, (_, i) => `l${i}`).join("/")}`;
    const [ok, tooDeep] = await run([
      { op: "put_parameter", params: { Name: deepest, Value: "v", Type: "String" } },
      { op: "put_parameter", params: { Name: `${deepest}/x`, Value: "v", Type: "String" } },
    ]);
    expect(ok).toMatchObject({ ok: { Version: 1 } });
    expect(tooDeep).toEqual(awsError("HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels."));
  });

  it("reports an unknown KMS key as InvalidKeyId wrapping KMS's text", async () => {
    const [r] = await run([{ op: "put_parameter", params: { Name: "/put/key", Value: "v", Type: "SecureString", KeyId: "alias/missing" } }]);
    expect(r).toMatchObject({ error: { code: "InvalidKeyId", status: 400 } });
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toMatch(
      /^Alias arn:aws:kms:us-east-1:111122223333:alias\/missing is not found\. \(Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    );
  });

  it("accepts an aws:ec2:image value it cannot validate but never stores it (§3.3)", async () => {
    const [bad, badGet, good, goodGet] = await run([
      { op: "put_parameter", params: { Name: "/put/ami-bad", Value: "not-an-ami", Type: "String", DataType: "aws:ec2:image" } },
      { op: "get_parameter", params: { Name: "/put/ami-bad" } },
      { op: "put_parameter", params: { Name: "/put/ami-good", Value: "ami-0123456789abcdef0", Type: "String", DataType: "aws:ec2:image" } },
      { op: "get_parameter", params: { Name: "/put/ami-good" } },
    ]);
    expect(bad).toMatchObject({ ok: { Version: 1, Tier: "Standard" } });
    expect(badGet).toEqual(awsError("ParameterNotFound", ""));
    expect(good).toMatchObject({ ok: { Version: 1 } });
    expect(goodGet).toMatchObject({ ok: { Parameter: { DataType: "aws:ec2:image" } } });
  });
});

describe("overwrite inheritance (§3.8)", () => {
  it("keeps type, description, allowed pattern and data type, and enforces the inherited pattern", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/inherit/p", Value: "v1", Type: "String", Description: "first", AllowedPattern: "^v[0-9]+$" } },
      { op: "put_parameter", params: { Name: "/inherit/p", Value: "v2", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/inherit/p", Value: "bad", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/inherit/p", Value: "v3", Type: "StringList", Overwrite: true } },
      { op: "get_parameter_history", params: { Name: "/inherit/p" } },
    ]);
    expect(results[2]).toEqual(awsError("ParameterPatternMismatchException", "Parameter value, cannot be validated against allowedPattern: ^v[0-9]+$"));
    const history = okOf<{ Parameters: WireHistory[] }>(results[4]).Parameters;
    expect(history.map((h) => [h.Version, h.Type, h.Description, h.AllowedPattern, h.DataType, h.Value])).toEqual([
      [1, "String", "first", "^v[0-9]+$", "text", "v1"],
      [2, "String", "first", "^v[0-9]+$", "text", "v2"],
      [3, "StringList", "first", "^v[0-9]+$", "text", "v3"],
    ]);
  });

  it("keeps a SecureString's key; String→SecureString gets alias/aws/ssm; SecureString→String drops it", async () => {
    const [, , , , history] = await run([
      { op: "put_parameter", params: { Name: "/inherit/secret", Value: "s1", Type: "SecureString" } },
      { op: "put_parameter", params: { Name: "/inherit/secret", Value: "s2", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/inherit/secret", Value: "plain", Type: "String", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/inherit/secret", Value: "s3", Type: "SecureString", Overwrite: true } },
      { op: "get_parameter_history", params: { Name: "/inherit/secret", WithDecryption: true } },
    ]);
    const entries = okOf<{ Parameters: WireHistory[] }>(history).Parameters;
    expect(entries.map((h) => [h.Version, h.Type, h.KeyId, h.Value])).toEqual([
      [1, "SecureString", "alias/aws/ssm", "s1"],
      [2, "SecureString", "alias/aws/ssm", "s2"],
      [3, "String", undefined, "plain"],
      [4, "SecureString", "alias/aws/ssm", "s3"],
    ]);
    expect(Object.keys(entries[2] ?? {})).not.toContain("KeyId");
  });

  it("keeps policies until a write sends new ones; [] clears them", async () => {
    const raw = ' [ {"Type": "NoChangeNotification", "Version": "1.0", "Attributes": {"After": "1", "Unit": "Days"}} ] ';
    const [, , , history] = await run([
      { op: "put_parameter", params: { Name: "/inherit/policies", Value: "v1", Type: "String", Tier: "Advanced", Policies: raw } },
      { op: "put_parameter", params: { Name: "/inherit/policies", Value: "v2", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/inherit/policies", Value: "v3", Overwrite: true, Policies: "[]" } },
      { op: "get_parameter_history", params: { Name: "/inherit/policies" } },
    ]);
    const compact = '{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"1","Unit":"Days"}}';
    expect(okOf<{ Parameters: WireHistory[] }>(history).Parameters.map((h) => [h.Version, h.Tier, h.Policies])).toEqual([
      [1, "Advanced", [{ PolicyText: compact, PolicyType: "NoChangeNotification" }]],
      [2, "Advanced", [{ PolicyText: compact, PolicyType: "NoChangeNotification" }]],
      [3, "Advanced", []],
    ]);
  });
});

describe("tiers (§3.4)", () => {
  it("limits Standard values to 4096 bytes and Advanced ones to 8192", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/tier/std-max", Value: "x".repeat(4096), Type: "String" } },
      { op: "put_parameter", params: { Name: "/tier/std-over", Value: "x".repeat(4097), Type: "String" } },
      { op: "put_parameter", params: { Name: "/tier/adv-max", Value: "x".repeat(8192), Type: "String", Tier: "Advanced" } },
      { op: "put_parameter", params: { Name: "/tier/adv-over", Value: "x".repeat(8193), Type: "String", Tier: "Advanced" } },
      { op: "put_parameter", params: { Name: "/tier/it-big", Value: "x".repeat(5000), Type: "String", Tier: "Intelligent-Tiering" } },
      { op: "put_parameter", params: { Name: "/tier/it-small", Value: "x", Type: "String", Tier: "Intelligent-Tiering" } },
    ]);
    expect(results).toEqual([
      expect.objectContaining({ ok: { Version: 1, Tier: "Standard" } }),
      awsError(
        "ValidationException",
        `Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADVANCED_DOC}`,
      ),
      expect.objectContaining({ ok: { Version: 1, Tier: "Advanced" } }),
      awsError("ValidationException", "Advanced tier parameters support a maximum parameter value of 8192 characters."),
      expect.objectContaining({ ok: { Version: 1, Tier: "Advanced" } }),
      expect.objectContaining({ ok: { Version: 1, Tier: "Standard" } }),
    ]);
  });

  it("upgrades on request, keeps Advanced when Tier is omitted and refuses a downgrade", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/tier/up", Value: "v", Type: "String" } },
      { op: "put_parameter", params: { Name: "/tier/up", Value: "v", Overwrite: true, Tier: "Advanced" } },
      { op: "put_parameter", params: { Name: "/tier/up", Value: "v", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/tier/up", Value: "v", Overwrite: true, Tier: "Intelligent-Tiering" } },
      { op: "put_parameter", params: { Name: "/tier/up", Value: "v", Overwrite: true, Tier: "Standard" } },
    ]);
    expect(results.slice(0, 4).map((r) => okOf<{ Tier: string; Version: number }>(r))).toEqual([
      { Version: 1, Tier: "Standard" },
      { Version: 2, Tier: "Advanced" },
      { Version: 3, Tier: "Advanced" },
      { Version: 4, Tier: "Advanced" },
    ]);
    expect(results[4]).toEqual(
      awsError(
        "ValidationException",
        "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
      ),
    );
  });

  it("needs Advanced for policies; Intelligent-Tiering picks it; bad policy documents are refused", async () => {
    const policies = JSON.stringify([EXPIRATION]);
    const results = await run([
      { op: "put_parameter", params: { Name: "/tier/pol", Value: "v", Type: "String", Policies: policies } },
      { op: "put_parameter", params: { Name: "/tier/pol", Value: "v", Type: "String", Tier: "Standard", Policies: policies } },
      { op: "put_parameter", params: { Name: "/tier/pol", Value: "v", Type: "String", Tier: "Intelligent-Tiering", Policies: policies } },
      { op: "put_parameter", params: { Name: "/tier/pol2", Value: "v", Type: "String", Tier: "Advanced", Policies: "not-json" } },
      { op: "put_parameter", params: { Name: "/tier/pol2", Value: "v", Type: "String", Tier: "Advanced", Policies: JSON.stringify([policy("BadType", {})]) } },
      { op: "put_parameter", params: { Name: "/tier/pol2", Value: "v", Type: "String", Tier: "Advanced", Policies: JSON.stringify([policy("NoChangeNotification", { After: "0", Unit: "Days" })]) } },
      { op: "put_parameter", params: { Name: "/tier/pol2", Value: "v", Type: "String", Tier: "Advanced", Policies: JSON.stringify([policy("NoChangeNotification", { After: "0.5", Unit: "Days" })]) } },
    ]);
    const standard = awsError(
      "ValidationException",
      `You can't assign parameter policies to a standard-parameter tier. You must upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADVANCED_DOC}`,
    );
    expect(results).toEqual([
      standard,
      standard,
      expect.objectContaining({ ok: { Version: 1, Tier: "Advanced" } }),
      awsError("ValidationException", "Invalid policies input: not-json."),
      awsError("InvalidPolicyTypeException", "Policy type BadType is not supported."),
      awsError("InvalidPolicyAttributeException", "Attribute After must be a positive integer."),
      awsError("InvalidPolicyAttributeException", "Attribute After must be a positive integer smaller than 8760000 ."),
    ]);
  });

  it("takes the default tier from the service setting when the request names none", async () => {
    const setting = "/ssm/parameter-store/default-parameter-tier";
    const results = await run(
      [
        { op: "update_service_setting", params: { SettingId: setting, SettingValue: "Advanced" } },
        { op: "put_parameter", params: { Name: "/default/adv", Value: "v", Type: "String" } },
        { op: "update_service_setting", params: { SettingId: setting, SettingValue: "Intelligent-Tiering" } },
        { op: "put_parameter", params: { Name: "/default/small", Value: "v", Type: "String" } },
        { op: "put_parameter", params: { Name: "/default/big", Value: "x".repeat(5000), Type: "String" } },
        { op: "put_parameter", params: { Name: "/default/explicit", Value: "v", Type: "String", Tier: "Standard" } },
        { op: "reset_service_setting", params: { SettingId: setting } },
        { op: "put_parameter", params: { Name: "/default/after-reset", Value: "v", Type: "String" } },
      ],
      "eu-central-1",
    );
    expect([1, 3, 4, 5, 7].map((i) => okOf<{ Tier: string }>(results[i]).Tier)).toEqual(["Advanced", "Standard", "Advanced", "Standard", "Standard"]);
  });
});

describe("the 100-version cap (§5.1)", () => {
  it("drops the oldest version unless it carries a label", async () => {
    const ssm = ssmClient(server.url);
    for (let i = 1; i <= 100; i++) {
      await ssm.send(new PutParameterCommand({ Name: "/cap/p", Value: `v${i}`, Type: "String", Overwrite: true }));
    }
    const results = await run([
      { op: "label_parameter_version", params: { Name: "/cap/p", ParameterVersion: 1, Labels: ["keep"] } },
      { op: "put_parameter", params: { Name: "/cap/p", Value: "v101", Overwrite: true } },
      { op: "unlabel_parameter_version", params: { Name: "/cap/p", ParameterVersion: 1, Labels: ["keep"] } },
      { op: "put_parameter", params: { Name: "/cap/p", Value: "v101", Overwrite: true } },
      { op: "get_parameter", params: { Name: "/cap/p:1" } },
      { op: "get_parameter_history", params: { Name: "/cap/p", MaxResults: 50 } },
    ]);
    expect(results[1]).toEqual(
      awsError(
        "ParameterMaxVersionLimitExceeded",
        "You attempted to create a new version of /cap/p by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
      ),
    );
    expect(results[3]).toMatchObject({ ok: { Version: 101 } });
    expect(results[4]).toEqual(awsError("ParameterVersionNotFound", "Systems Manager could not find version 1 of /cap/p. Verify the version and try again."));
    expect(okOf<{ Parameters: WireHistory[] }>(results[5]).Parameters[0]).toMatchObject({ Version: 2, Value: "v2" });
    const all = await ssm.send(new GetParameterHistoryCommand({ Name: "/cap/p", MaxResults: 50, NextToken: okOf<{ NextToken: string }>(results[5]).NextToken }));
    expect(all.Parameters?.at(-1)).toMatchObject({ Version: 101, Value: "v101" });
    expect(all.NextToken).toBeUndefined();
  });
});

describe("concurrent writers", () => {
  it("gives 64 concurrent overwrites of one name versions 1..64, each exactly once, none lost", async () => {
    const ssm = ssmClient(server.url);
    const outputs: PutParameterCommandOutput[] = await Promise.all(
      Array.from({ length: 64 }, (_, i) => ssm.send(new PutParameterCommand({ Name: "/race/p", Value: `writer-${i}`, Type: "String", Overwrite: true }))),
    );
    const versions = outputs.map((o) => o.Version ?? 0);
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    const first = await ssm.send(new GetParameterHistoryCommand({ Name: "/race/p", MaxResults: 50 }));
    const rest = await ssm.send(new GetParameterHistoryCommand({ Name: "/race/p", MaxResults: 50, NextToken: first.NextToken }));
    const history = [...(first.Parameters ?? []), ...(rest.Parameters ?? [])];
    expect(history.map((h) => h.Version)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    // Each writer's value sits in the version it was told it got.
    const told = new Map(outputs.map((o, i) => [o.Version, `writer-${i}`]));
    expect(history.every((h) => told.get(h.Version) === h.Value)).toBe(true);
  });

  it("creates the region's SSM key once when the first SecureStrings arrive together", async () => {
    const ssm = ssmClient(server.url, "ap-southeast-2");
    await Promise.all(
      Array.from({ length: 16 }, (_, i) => ssm.send(new PutParameterCommand({ Name: `/race/secret${i}`, Value: `s${i}`, Type: "SecureString" }))),
    );
    const results = await boto3(
      server.url,
      Array.from({ length: 16 }, (_, i) => ({ op: "get_parameter", params: { Name: `/race/secret${i}`, WithDecryption: true } })),
      { region: "ap-southeast-2" },
    );
    expect(results.map((r) => okOf<{ Parameter: { Value: string } }>(r).Parameter.Value)).toEqual(Array.from({ length: 16 }, (_, i) => `s${i}`));
  });
});
