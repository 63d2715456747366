import { describe, expect, it } from "vitest";
import type { ParameterVersionRecord } from "../../storage/ports.js";
import { planPut, type PutState } from "./put-plan.js";
import { parsePutRequest, type PutParameterInput } from "./put-request.js";

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const POLICY = { text: '{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"1","Unit":"Days"}}', type: "NoChangeNotification", status: "Pending" } as const;

const existing = (over: Partial<ParameterVersionRecord> = {}): ParameterVersionRecord => ({
  region: "us-east-1",
  key: "/p",
  name: "p",
  version: 4,
  type: "SecureString",
  value: new Uint8Array([1]),
  keyId: "alias/custom",
  description: "kept",
  allowedPattern: "^[a-z0-9]+$",
  tier: "Advanced",
  dataType: "text",
  policies: [POLICY],
  lastModifiedDate: 0,
  lastModifiedUser: "arn:aws:iam::111122223333:root",
  ...over,
});

const state = (latest: ParameterVersionRecord | undefined, over: Partial<PutState> = {}): PutState => ({
  latest,
  defaultTier: "Standard",
  standardCount: 0,
  ...over,
});

const plan = (input: Partial<PutParameterInput>, s: PutState) =>
  planPut(parsePutRequest({ Name: "/p", Value: "v2", ...input }, scope), s);

describe("planPut", () => {
  it("inherits every omitted member on overwrite and keeps the creation spelling", () => {
    expect(plan({ Overwrite: true }, state(existing()))).toEqual({
      key: "/p",
      name: "p",
      version: 5,
      overwrites: true,
      type: "SecureString",
      keyId: "alias/custom",
      description: "kept",
      allowedPattern: "^[a-z0-9]+$",
      tier: "Advanced",
      dataType: "text",
      policies: [POLICY],
      entersTier: null,
    });
  });

  it("starts a new SecureString on alias/aws/ssm and drops the key of a String", () => {
    const fromString = plan({ Overwrite: true, Type: "SecureString" }, state(existing({ type: "String", keyId: null })));
    expect(fromString.keyId).toBe("alias/aws/ssm");
    expect(plan({ Overwrite: true, Type: "String" }, state(existing())).keyId).toBeNull();
  });

  it("counts an upgrade and a create against the tier they enter", () => {
    expect(plan({ Overwrite: true, Tier: "Advanced" }, state(existing({ tier: "Standard", policies: [] }))).entersTier).toBe("Advanced");
    expect(plan({ Type: "String" }, state(undefined)).entersTier).toBe("Standard");
  });

  it("lets Intelligent-Tiering go Advanced when the Standard quota is full", () => {
    const full = state(undefined, { defaultTier: "Intelligent-Tiering", standardCount: 10_000 });
    expect(plan({ Type: "String" }, full).tier).toBe("Advanced");
  });

  it("checks a value against the inherited pattern and type", () => {
    expect(() => plan({ Overwrite: true, Value: "NOPE" }, state(existing()))).toThrow(
      expect.objectContaining({ code: "ParameterPatternMismatchException" }),
    );
    // The nesting check waits for the inherited type: a SecureString value is never echoed.
    expect(() => plan({ Overwrite: true, Value: "{{x}}" }, state(existing({ allowedPattern: null })))).toThrow(
      expect.objectContaining({ message: `Parameter value failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.` }),
    );
  });

  it("raises a malformed Policies string only after the tier checks", () => {
    expect(() => plan({ Type: "String", Value: "x".repeat(5000), Policies: "nope" }, state(undefined))).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^Standard tier parameters support/) }),
    );
    expect(() => plan({ Type: "String", Tier: "Advanced", Policies: "nope" }, state(undefined))).toThrow(
      expect.objectContaining({ message: "Invalid policies input: nope." }),
    );
  });
});
