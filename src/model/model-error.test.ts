import { describe, expect, it } from "vitest";
import { iamErrors } from "./generated/iam.js";
import { stsErrors } from "./generated/sts.js";
import { modelError } from "./model-error.js";

describe("model errors", () => {
  it("take code, status and fault from the model's error trait (iam-sts.md §1.3)", () => {
    const e = modelError(iamErrors.NoSuchEntityException, "The user with name alice cannot be found.");
    expect([e.code, e.status, e.fault, e.messageKey, e.message]).toEqual([
      "NoSuchEntity", 404, "Sender", "Message", "The user with name alice cannot be found.",
    ]);
    expect(modelError(iamErrors.ServiceFailureException, "x")).toMatchObject({ code: "ServiceFailure", status: 500, fault: "Receiver" });
    expect(modelError(iamErrors.EntityAlreadyExistsException, "x")).toMatchObject({ code: "EntityAlreadyExists", status: 409 });
    expect(modelError(iamErrors.MalformedPolicyDocumentException, "x")).toMatchObject({ code: "MalformedPolicyDocument", status: 400 });
    expect(modelError(stsErrors.PackedPolicyTooLargeException, "x")).toMatchObject({ code: "PackedPolicyTooLarge", status: 400 });
    expect(modelError(stsErrors.RegionDisabledException, "x")).toMatchObject({ code: "RegionDisabledException", status: 403 });
  });

  it("fall back to the shape name and 400 where the model gives no error trait", () => {
    expect(iamErrors.OrganizationNotFoundException).toMatchObject({ code: "OrganizationNotFoundException", status: 400, fault: "Sender" });
  });
});
