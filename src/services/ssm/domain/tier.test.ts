import { describe, expect, it } from "vitest";
import { assertPoliciesAllowed, assertRoomInTier, resolveTier, type TierRequest } from "./tier.js";

const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });
const ADV = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";

const request = (over: Partial<TierRequest>): TierRequest => ({
  requested: undefined,
  defaultTier: "Standard",
  existing: undefined,
  valueBytes: 10,
  hasPolicies: false,
  standardCount: 0,
  ...over,
});

describe("resolveTier", () => {
  it.each<[string, Partial<TierRequest>, "Standard" | "Advanced"]>([
    ["create, no tier, default Standard", {}, "Standard"],
    ["create, no tier, default Advanced", { defaultTier: "Advanced" }, "Advanced"],
    ["create, explicit Advanced", { requested: "Advanced" }, "Advanced"],
    ["upgrade Standard → Advanced", { requested: "Advanced", existing: "Standard" }, "Advanced"],
    ["overwrite Advanced, tier omitted", { existing: "Advanced" }, "Advanced"],
    ["overwrite Standard, tier omitted, default Advanced", { existing: "Standard", defaultTier: "Advanced" }, "Standard"],
    ["Intelligent-Tiering, small value", { requested: "Intelligent-Tiering" }, "Standard"],
    ["Intelligent-Tiering, 4096 bytes", { requested: "Intelligent-Tiering", valueBytes: 4096 }, "Standard"],
    ["Intelligent-Tiering, 4097 bytes", { requested: "Intelligent-Tiering", valueBytes: 4097 }, "Advanced"],
    ["Intelligent-Tiering, policies", { requested: "Intelligent-Tiering", hasPolicies: true }, "Advanced"],
    ["Intelligent-Tiering, Standard quota full", { requested: "Intelligent-Tiering", standardCount: 10_000 }, "Advanced"],
    [
      "Intelligent-Tiering overwrite of a Standard parameter, quota full",
      { requested: "Intelligent-Tiering", existing: "Standard", standardCount: 10_000 },
      "Standard",
    ],
    ["Intelligent-Tiering never downgrades", { requested: "Intelligent-Tiering", existing: "Advanced" }, "Advanced"],
    ["default Intelligent-Tiering decides an overwrite", { defaultTier: "Intelligent-Tiering", existing: "Standard", valueBytes: 5000 }, "Advanced"],
    ["default Intelligent-Tiering, small create", { defaultTier: "Intelligent-Tiering" }, "Standard"],
  ])("%s", (_name, over, tier) => {
    expect(resolveTier(request(over))).toBe(tier);
  });

  it("refuses to downgrade an Advanced parameter", () => {
    expect(() => resolveTier(request({ requested: "Standard", existing: "Advanced" }))).toThrow(
      awsError(
        "ValidationException",
        "message",
        "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
      ),
    );
  });
});

describe("assertPoliciesAllowed", () => {
  it("refuses policies on a Standard parameter", () => {
    expect(() => assertPoliciesAllowed("Standard", true)).toThrow(
      awsError(
        "ValidationException",
        "message",
        `You can't assign parameter policies to a standard-parameter tier. You must upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADV}`,
      ),
    );
  });

  it("allows no policies on Standard and policies on Advanced", () => {
    expect(() => assertPoliciesAllowed("Standard", false)).not.toThrow();
    expect(() => assertPoliciesAllowed("Advanced", true)).not.toThrow();
  });
});

describe("assertRoomInTier", () => {
  it("refuses the 10,001st Standard parameter", () => {
    expect(() => assertRoomInTier("Standard", 9_999)).not.toThrow();
    expect(() => assertRoomInTier("Standard", 10_000)).toThrow(
      awsError(
        "ParameterLimitExceeded",
        "message",
        "You have reached the maximum number of standard parameters for this AWS account and Region (10000). To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply).",
      ),
    );
  });

  it("refuses the 100,001st Advanced parameter", () => {
    expect(() => assertRoomInTier("Advanced", 99_999)).not.toThrow();
    expect(() => assertRoomInTier("Advanced", 100_000)).toThrow(expect.objectContaining({ code: "ParameterLimitExceeded" }));
  });
});
