import { describe, expect, it } from "vitest";
import {
  assertMatchesAllowedPattern,
  assertNoNestedReference,
  assertValueSize,
  compileAllowedPattern,
  imageValidationFailure,
  validateDataType,
  valueBytes,
} from "./parameter-value.js";

const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });
const ADV = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";
const STANDARD_TOO_LARGE = `Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADV}`;

describe("value size", () => {
  it("counts UTF-8 bytes", () => {
    expect([valueBytes("abc"), valueBytes("é"), valueBytes("€"), valueBytes("😀")]).toEqual([3, 2, 3, 4]);
  });

  it.each([
    ["x".repeat(4096), "Standard"],
    ["x".repeat(4097), "Advanced"],
    ["x".repeat(8192), "Advanced"],
    ["é".repeat(2048), "Standard"],
  ] as const)("accepts %#", (value, tier) => {
    expect(() => assertValueSize(value, tier)).not.toThrow();
  });

  it("refuses a Standard value over 4096 bytes", () => {
    expect(() => assertValueSize("x".repeat(4097), "Standard")).toThrow(awsError("ValidationException", "message", STANDARD_TOO_LARGE));
  });

  it("counts multi-byte characters as their bytes", () => {
    expect(() => assertValueSize(`${"é".repeat(2048)}x`, "Standard")).toThrow(
      awsError("ValidationException", "message", STANDARD_TOO_LARGE),
    );
  });

  it("refuses an Advanced value over 8192 bytes", () => {
    expect(() => assertValueSize("x".repeat(8193), "Advanced")).toThrow(
      awsError("ValidationException", "message", "Advanced tier parameters support a maximum parameter value of 8192 characters."),
    );
  });

  it("refuses an empty value without quoting it", () => {
    expect(() => assertValueSize("", "Standard")).toThrow(
      awsError(
        "ValidationException",
        "message",
        "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });
});

describe("nested references", () => {
  it.each(["{{ssm:fixture}}", "a {{x}} b", "{{}}", "{{\n}}"])("refuses %j", (value) => {
    expect(() => assertNoNestedReference(value, "String")).toThrow(
      awsError(
        "ValidationException",
        "message",
        `Parameter value: '${value}' failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`,
      ),
    );
  });

  it.each(["{{", "}}", "}}{{", "{x}", "{ {x} }"])("accepts %j", (value) => {
    expect(() => assertNoNestedReference(value, "String")).not.toThrow();
  });

  it("never echoes a SecureString value", () => {
    expect(() => assertNoNestedReference("{{secret}}", "SecureString")).toThrow(
      awsError(
        "ValidationException",
        "message",
        `Parameter value failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`,
      ),
    );
  });
});

describe("DataType", () => {
  it.each([
    ["text", "/p", "String"],
    ["text", "/p", "SecureString"],
    ["aws:ec2:image", "/img", "String"],
    ["aws:ssm:integration", "/d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations/webhook/x", "SecureString"],
  ] as const)("accepts %s on %s (%s)", (dataType, name, type) => {
    expect(validateDataType(dataType, name, type)).toBe(dataType);
  });

  it.each(["bad", "Text", "aws:ec2:Image", ""])("refuses %j", (dataType) => {
    expect(() => validateDataType(dataType, "/p", "String")).toThrow(
      awsError("ValidationException", "message", `The following data type is not supported: ${dataType}. (Data type names are all lowercase.)`),
    );
  });

  it("keeps aws:ssm:integration under its prefix", () => {
    expect(() => validateDataType("aws:ssm:integration", "/other/x", "SecureString")).toThrow(
      awsError(
        "ValidationException",
        "message",
        "Parameters with data type: aws:ssm:integration must start with prefix: /d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations",
      ),
    );
  });

  it("allows aws:ec2:image only for String", () => {
    expect(() => validateDataType("aws:ec2:image", "/img", "StringList")).toThrow(
      awsError("ValidationException", "message", "The aws:ec2:image data type is not supported for the following input type: StringList"),
    );
  });

  it.each([
    ["ami-12345678", null],
    ["ami-0123456789abcdef0", null],
    ["ami-123", "Unable to Describe Resource"],
    ["ami-0123456789ABCDEF0", "Unable to Describe Resource"],
    ["i-12345678", "Unable to Describe Resource"],
  ])("reports the asynchronous AMI check of %j as %j", (value, failure) => {
    expect(imageValidationFailure("aws:ec2:image", value)).toBe(failure);
  });

  it("does not check AMI ids for other data types", () => {
    expect(imageValidationFailure("text", "anything")).toBeNull();
  });
});

describe("AllowedPattern", () => {
  it.each([
    ["^\\d+$", "123"],
    ["\\d+", "123"],
    ["[a-z]+", "abc"],
    ["^[a-zA-Z0-9_.-]{3,10}$", "a.b-c_1"],
  ])("%j accepts %j", (pattern, value) => {
    expect(() => assertMatchesAllowedPattern(value, pattern)).not.toThrow();
  });

  it.each([
    ["^\\d+$", "12a"],
    ["\\d+", "a123"],
    ["abc", "abcd"],
  ])("%j refuses %j, matching the whole value", (pattern, value) => {
    expect(() => assertMatchesAllowedPattern(value, pattern)).toThrow(
      awsError("ParameterPatternMismatchException", "message", `Parameter value, cannot be validated against allowedPattern: ${pattern}`),
    );
  });

  it.each(["[", "(", "*abc", "a{2,1}", "\\y"])("refuses the invalid pattern %j", (pattern) => {
    expect(() => compileAllowedPattern(pattern)).toThrow(
      awsError("InvalidAllowedPatternException", "message", "The syntax of the allowedPattern parameter is invalid."),
    );
    // Cached as invalid: the second call answers the same.
    expect(() => assertMatchesAllowedPattern("x", pattern)).toThrow(expect.objectContaining({ code: "InvalidAllowedPatternException" }));
  });

  it("caches compiled patterns", () => {
    expect(compileAllowedPattern("^cached$")).toBe(compileAllowedPattern("^cached$"));
  });

  it("keeps working once the cache is full", () => {
    for (let i = 0; i < 300; i += 1) compileAllowedPattern(`^p${i}$`);
    expect(compileAllowedPattern("^p299$")?.test("p299")).toBe(true);
    expect(compileAllowedPattern("^p0$")?.test("p0")).toBe(true);
  });

  it("treats an empty pattern as no constraint", () => {
    expect(compileAllowedPattern("")).toBeNull();
    expect(() => assertMatchesAllowedPattern("anything", "")).not.toThrow();
  });
});
