import { describe, expect, it } from "vitest";
import { assertLabelCapacity, assertLabelLengths, classifyLabels, isValidLabel } from "./labels.js";

const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });

describe("isValidLabel", () => {
  it.each(["prod", "Prod", "v1.2-rc_3", "_x", ".x", "-x", "a", "x".repeat(100), "xaws", "my-aws", "Sm"])(
    "accepts %j",
    (label) => {
      expect(isValidLabel(label)).toBe(true);
    },
  );

  it.each(["1abc", "9", "aws", "AWSbad", "awsome", "Ssmbad", "ssm-x", "has space", "a/b", "a:b", "a@b", "", "x".repeat(101), "é"])(
    "rejects %j",
    (label) => {
      expect(isValidLabel(label)).toBe(false);
    },
  );
});

describe("classifyLabels", () => {
  it("splits, de-duplicates and keeps input order", () => {
    expect(classifyLabels(["b", "1x", "a", "AWSbad", "b", "1x", "c d"])).toEqual({
      valid: ["b", "a"],
      invalid: ["1x", "AWSbad", "c d"],
    });
  });
});

describe("assertLabelLengths", () => {
  it("passes labels of 1 to 100 characters", () => {
    expect(() => assertLabelLengths(["a", "x".repeat(100)])).not.toThrow();
  });

  it("reports a label over 100 characters as the model's ValidationException", () => {
    const long = "x".repeat(101);
    expect(() => assertLabelLengths([long])).toThrow(
      awsError(
        "ValidationException",
        "message",
        `1 validation error detected: Value '[${long}]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]`,
      ),
    );
  });

  it("prints the whole list", () => {
    expect(() => assertLabelLengths(["ok", ""])).toThrow(
      awsError(
        "ValidationException",
        "message",
        "1 validation error detected: Value '[ok, ]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]",
      ),
    );
  });
});

describe("assertLabelCapacity", () => {
  const labels = (n: number, prefix = "l"): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it("allows up to 10 labels on a version, counting labels already there once", () => {
    expect(() => assertLabelCapacity(labels(8), labels(2, "n"))).not.toThrow();
    expect(() => assertLabelCapacity(labels(10), labels(3))).not.toThrow();
  });

  it("refuses an 11th label", () => {
    expect(() => assertLabelCapacity(labels(9), labels(2, "n"))).toThrow(
      awsError(
        "ParameterVersionLabelLimitExceeded",
        "message",
        "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
      ),
    );
  });
});
