import { describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import { iamOperations } from "../model/generated/iam.js";
import { stsOperations } from "../model/generated/sts.js";
import { integer, long, boolean, timestamp, blob, double } from "../model/shape.js";
import { decodeQueryInput, decodeScalar } from "./query-decode.js";
import { queryParams } from "./query-params.js";

const params = (form: string) => queryParams("", form);

function thrown(f: () => unknown): { code: string; status: number; message: string } | undefined {
  try {
    f();
  } catch (e) {
    if (isAwsError(e)) return { code: e.code, status: e.status, message: e.message };
    throw e;
  }
  return undefined;
}

describe("Query input decoding (iam-sts.md §1.1)", () => {
  it("builds lists of structures from member.N, in index order", () => {
    const input = decodeQueryInput(
      iamOperations.TagUser.input,
      params("Action=TagUser&UserName=bob&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.10.Key=j&Tags.member.10.Value=10"),
    );
    expect(input).toEqual({
      UserName: "bob",
      Tags: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
        { Key: "j", Value: "10" },
      ],
    });
  });

  it("builds scalar lists and STS's lowercase `arn` members", () => {
    expect(decodeQueryInput(iamOperations.UntagUser.input, params("UserName=bob&TagKeys.member.1=team&TagKeys.member.2=env"))).toEqual({
      UserName: "bob",
      TagKeys: ["team", "env"],
    });
    const input = decodeQueryInput(
      stsOperations.AssumeRole.input,
      params("RoleArn=arn:aws:iam::111122223333:role/r&RoleSessionName=s&PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess&DurationSeconds=900"),
    );
    expect(input).toEqual({
      RoleArn: "arn:aws:iam::111122223333:role/r",
      RoleSessionName: "s",
      PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      DurationSeconds: 900,
    });
  });

  it("reads a bare `Tags=` as the empty list", () => {
    expect(decodeQueryInput(iamOperations.TagUser.input, params("UserName=bob&Tags="))).toEqual({ UserName: "bob", Tags: [] });
  });

  it("ignores parameters that name no member, and indexes that are not positive integers", () => {
    expect(
      decodeQueryInput(iamOperations.UntagUser.input, params("Action=UntagUser&Version=2010-05-08&Bogus=1&TagKeys.member.0=z&TagKeys.member.x=y&TagKeys.member.1=a")),
    ).toEqual({ TagKeys: ["a"] });
  });

  it("never lets a parameter name reach the object prototype", () => {
    const input = decodeQueryInput(iamOperations.GetUser.input, params("__proto__.polluted=1&constructor=x&UserName=bob"));
    expect(input).toEqual({ UserName: "bob" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reads booleans and integers of the model", () => {
    expect(decodeQueryInput(iamOperations.ListPolicies.input, params("OnlyAttached=1&MaxItems=0900&Scope=Local"))).toEqual({
      OnlyAttached: true,
      MaxItems: 900,
      Scope: "Local",
    });
  });
});

describe("Query scalars (iam-sts.md §1.1)", () => {
  const int = integer("i");
  it.each([
    ["900", 900],
    ["0900", 900],
    ["+900", 900],
    ["-5", -5],
    ["2147483647", 2147483647],
    ["-2147483648", -2147483648],
  ])("integer %j reads as %d", (text, n) => {
    expect(decodeScalar(int, text)).toBe(n);
  });

  it.each([" 900 ", "900 ", "900.0", "9e2", "", "0x10", "2147483648", "-2147483649", "nine"])("integer %j is MalformedInput", (text) => {
    expect(thrown(() => decodeScalar(int, text))).toEqual({ code: "MalformedInput", status: 400, message: "int must follow xsd1.1 definition" });
  });

  it("reads longs to 64 bits", () => {
    expect(decodeScalar(long("l"), "4294967296")).toBe(4294967296);
    expect(thrown(() => decodeScalar(long("l"), "9223372036854775808"))?.code).toBe("MalformedInput");
  });

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("boolean %j reads as %s", (text, b) => {
    expect(decodeScalar(boolean("b"), text)).toBe(b);
  });

  it.each(["True", "TRUE", " true", "", "null", "yes", "2"])("boolean %j is MalformedInput", (text) => {
    expect(thrown(() => decodeScalar(boolean("b"), text))).toEqual({
      code: "MalformedInput",
      status: 400,
      message: "boolean must follow xsd1.1 definition",
    });
  });

  it("reads timestamps as ISO 8601 (epoch seconds, as JSON would carry them)", () => {
    expect(decodeScalar(timestamp("t"), "2024-05-01T12:34:56Z")).toBe(1714566896);
    expect(decodeScalar(timestamp("t"), "2024-05-01T12:34:56.5Z")).toBe(1714566896.5);
    expect(decodeScalar(timestamp("t"), "2024-05-01T14:34:56+02:00")).toBe(1714566896);
    expect(thrown(() => decodeScalar(timestamp("t"), "1714566896"))?.code).toBe("MalformedInput");
    expect(thrown(() => decodeScalar(timestamp("t"), "2024-13-01T00:00:00Z"))?.code).toBe("MalformedInput");
  });

  it("checks blobs as base64 and doubles as decimals", () => {
    expect(decodeScalar(blob("b"), "aGk=")).toBe("aGk=");
    expect(thrown(() => decodeScalar(blob("b"), "a b"))?.code).toBe("MalformedInput");
    expect(decodeScalar(double("d"), "1.5e3")).toBe(1500);
    expect(thrown(() => decodeScalar(double("d"), "1,5"))?.code).toBe("MalformedInput");
  });
});
