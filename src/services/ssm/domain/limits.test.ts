import { describe, expect, it } from "vitest";
import * as limits from "./limits.js";

/** The quotas of ssm-parameter-store.md §8.2 and the policies companion §1.1. */
describe("Parameter Store limits", () => {
  it.each<[keyof typeof limits, number]>([
    ["MAX_PARAMETER_VERSIONS", 100],
    ["MAX_LABELS_PER_VERSION", 10],
    ["MAX_LABEL_LENGTH", 100],
    ["MAX_TAGS_PER_RESOURCE", 50],
    ["MAX_STANDARD_PARAMETERS", 10_000],
    ["MAX_ADVANCED_PARAMETERS", 100_000],
    ["MAX_STANDARD_VALUE_BYTES", 4096],
    ["MAX_ADVANCED_VALUE_BYTES", 8192],
    ["MAX_HIERARCHY_LEVELS", 15],
    ["MAX_PARAMETER_ARN_LENGTH", 1011],
    ["MAX_POLICIES_PER_PARAMETER", 10],
    ["MAX_NAMES_PER_BATCH", 10],
    ["MAX_RESULTS_DESCRIBE_PARAMETERS", 50],
    ["MAX_RESULTS_GET_PARAMETERS_BY_PATH", 10],
    ["MAX_RESULTS_GET_PARAMETER_HISTORY", 50],
    ["MAX_RESULTS_GET_RESOURCE_POLICIES", 50],
  ])("%s is %i", (name, value) => {
    expect(limits[name]).toBe(value);
  });
});
