import { describe, expect, it } from "vitest";
import type { StringShape } from "../shape.js";
import { ssmMetadata, ssmOperations } from "./ssm.js";

// The Parameter Store operations paramstore serves, with their required members [botocore model].
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  PutParameter: ["Name", "Value"],
  GetParameter: ["Name"],
  GetParameters: ["Names"],
  GetParametersByPath: ["Path"],
  DeleteParameter: ["Name"],
  DeleteParameters: ["Names"],
  DescribeParameters: [],
  GetParameterHistory: ["Name"],
  LabelParameterVersion: ["Name", "Labels"],
  UnlabelParameterVersion: ["Name", "ParameterVersion", "Labels"],
  AddTagsToResource: ["ResourceType", "ResourceId", "Tags"],
  RemoveTagsFromResource: ["ResourceType", "ResourceId", "TagKeys"],
  ListTagsForResource: ["ResourceType", "ResourceId"],
  GetServiceSetting: ["SettingId"],
  UpdateServiceSetting: ["SettingId", "SettingValue"],
  ResetServiceSetting: ["SettingId"],
  PutResourcePolicy: ["ResourceArn", "Policy"],
  GetResourcePolicies: ["ResourceArn"],
  DeleteResourcePolicy: ["ResourceArn", "PolicyId", "PolicyHash"],
};

describe("generated SSM model", () => {
  it("has exactly the served operations, each with its required members", () => {
    expect(Object.keys(ssmOperations).sort()).toEqual(Object.keys(REQUIRED).sort());
    for (const [name, op] of Object.entries(ssmOperations)) {
      expect(op.name).toBe(name);
      expect(op.input.members.filter((m) => m.required).map((m) => m.name)).toEqual(REQUIRED[name]);
    }
  });

  it("keeps members in model order with their lowerCamelCase paths", () => {
    expect(ssmOperations.PutParameter.input.members.map((m) => m.name)).toEqual([
      "Name", "Description", "Value", "Type", "KeyId", "Overwrite", "AllowedPattern", "Tags", "Tier", "Policies", "DataType",
    ]);
    expect(ssmOperations.DescribeParameters.input.members.map((m) => m.path)).toEqual([
      "filters", "parameterFilters", "maxResults", "nextToken", "shared",
    ]);
  });

  it("carries constraints verbatim", () => {
    const put = ssmOperations.PutParameter.input.members;
    const value = put.find((m) => m.name === "Value");
    expect(value?.sensitive).toBe(true);
    expect(value?.shape).toMatchObject({ type: "string", name: "PSParameterValue", min: 1 });
    const type = put.find((m) => m.name === "Type")?.shape as StringShape;
    expect(type.enum).toEqual(["String", "StringList", "SecureString"]);
    const keyId = put.find((m) => m.name === "KeyId")?.shape as StringShape;
    expect(keyId).toMatchObject({ min: 1, max: 256, pattern: "^([a-zA-Z0-9:/_-]+)$" });
    const version = ssmOperations.UnlabelParameterVersion.input.members.find((m) => m.name === "ParameterVersion");
    expect(version?.shape.type).toBe("long");
    const labels = ssmOperations.LabelParameterVersion.input.members.find((m) => m.name === "Labels")?.shape;
    expect(labels).toMatchObject({ type: "list", min: 1, max: 10, member: { type: "string", min: 1, max: 100 } });
  });

  it("shares shapes instead of repeating them", () => {
    const name = (op: keyof typeof ssmOperations) => ssmOperations[op].input.members.find((m) => m.name === "Name")?.shape;
    expect(name("GetParameter")).toBe(name("PutParameter"));
    expect(name("DeleteParameter")).toBe(name("GetParameterHistory"));
  });

  it("lists each operation's documented errors", () => {
    expect(ssmOperations.GetParameter.errors).toEqual(["InternalServerError", "InvalidKeyId", "ParameterNotFound", "ParameterVersionNotFound"]);
    expect(ssmOperations.LabelParameterVersion.errors).toContain("ParameterVersionLabelLimitExceeded");
  });

  it("describes the JSON 1.1 endpoint", () => {
    expect(ssmMetadata).toMatchObject({ targetPrefix: "AmazonSSM", jsonVersion: "1.1", signingName: "ssm" });
  });
});
