import { describe, expect, it } from "vitest";
import { VALIDATION_CASES } from "./validate-document.case.js";
import { policyDocumentProblem } from "./validate-document.js";

describe("policyDocumentProblem (iam-sts.md §10)", () => {
  it.each(VALIDATION_CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const text = typeof c.document === "string" ? c.document : JSON.stringify(c.document);
    expect(policyDocumentProblem(text, c.kind)).toBe(c.problem);
  });
});
