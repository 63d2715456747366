import { describe, expect, it } from "vitest";
import { coralEnumOrder, coralMemberOrder, javaStringHash } from "./coral-order.js";

const lowerCamel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

describe("javaStringHash", () => {
  it("matches Java's String.hashCode, overflow included", () => {
    expect(javaStringHash("")).toBe(0);
    expect(javaStringHash("hello")).toBe(99162322);
    expect(javaStringHash("SecureString")).toBe(769017480);
    expect(javaStringHash("polygenelubricants")).toBe(-2147483648);
  });
});

describe("coralEnumOrder reproduces AWS's recorded enum value sets from botocore model order", () => {
  it.each([
    ["SSM ParameterType (capture)", ["String", "StringList", "SecureString"], ["SecureString", "StringList", "String"]],
    [
      "KMS KeySpec, 12 values (AWS snapshot)",
      ["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"],
      ["RSA_2048", "ECC_NIST_P384", "ECC_NIST_P256", "ECC_NIST_P521", "HMAC_384", "RSA_3072", "ECC_SECG_P256K1", "RSA_4096", "SYMMETRIC_DEFAULT", "HMAC_256", "HMAC_224", "HMAC_512"],
    ],
    ["DynamoDB ScalarAttributeType (issue)", ["S", "N", "B"], ["B", "N", "S"]],
    ["Cognito MessageActionType (issue)", ["RESEND", "SUPPRESS"], ["SUPPRESS", "RESEND"]],
    ["Cognito UserPoolMfaType", ["OFF", "ON", "OPTIONAL"], ["OPTIONAL", "OFF", "ON"]],
    ["SES IdentityType", ["EmailAddress", "Domain"], ["Domain", "EmailAddress"]],
  ])("%s", (_, model, recorded) => {
    expect(coralEnumOrder(model)).toEqual(recorded);
  });
});

describe("coralMemberOrder reproduces the order AWS reports member violations in", () => {
  it.each([
    [
      "Firehose SchemaConfiguration",
      ["RoleARN", "CatalogId", "DatabaseName", "TableName", "Region", "VersionId"],
      ["versionId", "catalogId", "databaseName", "roleARN", "region", "tableName"],
    ],
    ["DynamoDB ProvisionedThroughput", ["ReadCapacityUnits", "WriteCapacityUnits"], ["writeCapacityUnits", "readCapacityUnits"]],
    ["SES Tag", ["Key", "Value"], ["value", "key"]],
    [
      "Firehose DataFormatConversionConfiguration",
      ["SchemaConfiguration", "InputFormatConfiguration", "OutputFormatConfiguration", "Enabled"],
      ["outputFormatConfiguration", "inputFormatConfiguration", "schemaConfiguration", "enabled"],
    ],
  ])("%s", (_, model, reported) => {
    const order = coralMemberOrder(model.map(lowerCamel), (name) => name);
    expect(order.filter((name) => reported.includes(name))).toEqual(reported);
  });

  it("grows the table past 12 members like a Java HashMap", () => {
    // "p" (hash 112) sits in slot 0 of a 16-slot table but slot 16 of a 32-slot one.
    const twelve = ["p", ..."abcdefghijk"];
    expect(coralMemberOrder(twelve, (n) => n)).toEqual(["p", ..."abcdefghijk"]);
    const thirteen = ["p", ..."abcdefghijkl"];
    expect(coralMemberOrder(thirteen, (n) => n)).toEqual([..."abcdefghijkl", "p"]);
  });

  it("keeps model order inside a bucket", () => {
    // "a" (97) and "q" (113) share slot 1 of 16.
    expect(coralMemberOrder(["q", "a"], (n) => n)).toEqual(["q", "a"]);
    expect(coralMemberOrder(["a", "q"], (n) => n)).toEqual(["a", "q"]);
  });
});
