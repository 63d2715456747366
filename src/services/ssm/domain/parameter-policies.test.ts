import { describe, expect, it } from "vitest";
import { hasPolicies, parsePoliciesInput, parsePolicyTimestamp, validatePolicies } from "./parameter-policies.js";

const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });
const ADV = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";

const expiration = (timestamp: string): object => ({ Type: "Expiration", Version: "1.0", Attributes: { Timestamp: timestamp } });
const noChange = (after: unknown, unit: unknown = "Days"): object => ({
  Type: "NoChangeNotification",
  Version: "1.0",
  Attributes: { After: after, Unit: unit },
});
const notify = (before: unknown): object => ({ Type: "ExpirationNotification", Version: "1.0", Attributes: { Before: before, Unit: "Hours" } });
const validate = (policies: unknown, tier: "Standard" | "Advanced" = "Advanced") =>
  validatePolicies(parsePoliciesInput(typeof policies === "string" ? policies : JSON.stringify(policies)), tier);

describe("parsePoliciesInput", () => {
  it.each(["not-json", '{"Type":"Expiration"}', "[1]", '["x"]', "[null]", "[[]]", "[{}"])("refuses %j", (raw) => {
    expect(() => parsePoliciesInput(raw)).toThrow(awsError("ValidationException", "message", `Invalid policies input: ${raw}.`));
  });

  it.each(["[]", "[{}]", "[ {} , {} ]"])("reads %j as no policies", (raw) => {
    const input = parsePoliciesInput(raw);
    expect(hasPolicies(input)).toBe(false);
    expect(validatePolicies(input, "Standard")).toEqual([]);
  });
});

describe("validatePolicies", () => {
  it("normalises each policy to compact Type, Version, Attributes JSON, Pending", () => {
    const raw =
      '[{"Attributes": {"After": "1", "Unit": "Days"}, "Version": "1.0", "Type": "NoChangeNotification"}, {"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-12-02T21:34:33.000Z"}}]';
    expect(validate(raw)).toEqual([
      {
        text: '{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"1","Unit":"Days"}}',
        type: "NoChangeNotification",
        status: "Pending",
      },
      {
        text: '{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-12-02T21:34:33.000Z"}}',
        type: "Expiration",
        status: "Pending",
      },
    ]);
  });

  it("accepts the documented example with two notifications", () => {
    const policies = [expiration("2026-12-31T00:00:00.000Z"), notify("30"), notify("15"), noChange("30")];
    expect(validate(policies).map((p) => p.type)).toEqual([
      "Expiration",
      "ExpirationNotification",
      "ExpirationNotification",
      "NoChangeNotification",
    ]);
  });

  it("accepts two identical Expiration policies", () => {
    expect(validate([expiration("2026-12-02T21:34:33Z"), expiration("2026-12-02T21:34:33Z")])).toHaveLength(2);
  });

  it("refuses policies on Standard after parsing them", () => {
    expect(() => validate([noChange("1")], "Standard")).toThrow(
      awsError(
        "ValidationException",
        "message",
        `You can't assign parameter policies to a standard-parameter tier. You must upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADV}`,
      ),
    );
    expect(() => parsePoliciesInput("not-json")).toThrow(expect.objectContaining({ message: "Invalid policies input: not-json." }));
  });

  it.each([
    [{ Type: "BadType", Version: "1.0", Attributes: {} }, "Policy type BadType is not supported."],
    [{ Version: "1.0", Attributes: {} }, "Policy type null is not supported."],
  ])("refuses the policy type of %j", (policy, message) => {
    expect(() => validate([policy])).toThrow(awsError("InvalidPolicyTypeException", "message", message));
  });

  it("checks every type before any attribute", () => {
    expect(() => validate([noChange("0"), { Type: "BadType" }])).toThrow(expect.objectContaining({ code: "InvalidPolicyTypeException" }));
  });

  it.each([
    [noChange("0"), "Attribute After must be a positive integer."],
    [noChange("-5"), "Attribute After must be a positive integer."],
    [noChange("0.5"), "Attribute After must be a positive integer smaller than 8760000 ."],
    [noChange("abc"), "Attribute After must be a positive integer smaller than 8760000 ."],
    [noChange("8760000"), "Attribute After must be a positive integer smaller than 8760000 ."],
    [noChange("99999999999"), "Attribute After must be a positive integer smaller than 8760000 ."],
    [notify("0"), "Attribute Before must be a positive integer."],
  ])("refuses the attributes of %j", (policy, message) => {
    expect(() => validate([expiration("2026-12-02T21:34:33Z"), policy])).toThrow(
      awsError("InvalidPolicyAttributeException", "message", message),
    );
  });

  it.each([
    noChange("1", "Weeks"),
    noChange("1", null),
    { Type: "NoChangeNotification", Attributes: { After: "1", Unit: "Days" } },
    { Type: "NoChangeNotification", Version: "2.0", Attributes: { After: "1", Unit: "Days" } },
    { Type: "NoChangeNotification", Version: "1.0" },
    { Type: "Expiration", Version: "1.0", Attributes: {} },
    expiration("2026-13-01T00:00:00Z"),
    expiration("2026-02-29T00:00:00Z"),
    expiration("2026-12-02 21:34:33Z"),
    expiration("tomorrow"),
  ])("refuses %j with InvalidPolicyAttributeException", (policy) => {
    expect(() => validate([policy])).toThrow(expect.objectContaining({ code: "InvalidPolicyAttributeException", messageKey: "message" }));
  });

  it.each([
    ["two different Expirations", [expiration("2026-12-02T21:34:33Z"), expiration("2027-01-01T00:00:00Z")]],
    ["a notification without an Expiration", [notify("5")]],
  ])("refuses %s as incompatible", (_name, policies) => {
    expect(() => validate(policies)).toThrow(expect.objectContaining({ code: "IncompatiblePolicyException", messageKey: "message" }));
  });

  it("treats one instant in two spellings as the same Expiration", () => {
    expect(validate([expiration("2026-12-02T21:34:33Z"), expiration("2026-12-03T08:04:33+10:30")])).toHaveLength(2);
  });

  it("allows 10 policies and refuses 11", () => {
    expect(validate(Array.from({ length: 10 }, () => noChange("1")))).toHaveLength(10);
    expect(() => validate(Array.from({ length: 11 }, () => noChange("1")))).toThrow(
      expect.objectContaining({ code: "PoliciesLimitExceededException", messageKey: "message" }),
    );
  });
});

describe("parsePolicyTimestamp", () => {
  it.each([
    ["2026-12-02T21:34:33.000Z", Date.UTC(2026, 11, 2, 21, 34, 33)],
    ["2026-12-02T21:34:33Z", Date.UTC(2026, 11, 2, 21, 34, 33)],
    ["2026-12-02T21:34Z", Date.UTC(2026, 11, 2, 21, 34)],
    ["2026-11-01T22:13:48.87+10:30", Date.UTC(2026, 10, 1, 11, 43, 48, 870)],
    ["2026-11-01T22:13:48+10:30:00", Date.UTC(2026, 10, 1, 11, 43, 48)],
    ["2026-11-01T00:00:00-05:00", Date.UTC(2026, 10, 1, 5)],
    ["2028-02-29T00:00:00.123456789Z", Date.UTC(2028, 1, 29, 0, 0, 0, 123)],
    ["0050-01-01T00:00:00Z", -60589296000000],
    // Java's formatters are lenient here too (checked against OpenJDK 17).
    ["2026-12-02t21:34:33z", Date.UTC(2026, 11, 2, 21, 34, 33)],
    ["2026-12-02T21:34:33.Z", Date.UTC(2026, 11, 2, 21, 34, 33)],
    ["2026-12-02T24:00:00Z", Date.UTC(2026, 11, 3)],
  ])("%s", (text, ms) => {
    expect(parsePolicyTimestamp(text)).toBe(ms);
  });

  it.each([
    "2026-12-02",
    "2026-12-02T21:34:33",
    "2026-12-02 21:34:33Z",
    "2026-12-02T24:00:01Z",
    "2026-12-02T25:00:00Z",
    "2026-12-02T21:34:33+19:00",
    "2026-12-02T21:34:33.1234567890Z",
    "2026-02-30T00:00:00Z",
  ])(
    "refuses %s",
    (text) => {
      expect(parsePolicyTimestamp(text)).toBeNull();
    },
  );
});
