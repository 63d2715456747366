import { describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import { iamOperations } from "../model/generated/iam.js";
import { stsOperations } from "../model/generated/sts.js";
import type { OperationModel } from "../model/shape.js";
import { validateInput } from "../model/validate.js";
import { decodeQueryInput } from "./query-decode.js";
import { queryParams } from "./query-params.js";
import { IAM_VALIDATION, STS_VALIDATION } from "./query-validation.js";

function failure(model: OperationModel, form: string, style: typeof IAM_VALIDATION) {
  try {
    validateInput(model, decodeQueryInput(model.input, queryParams("", form)), style);
  } catch (e) {
    if (isAwsError(e)) return { code: e.code, status: e.status, messageKey: e.messageKey, message: e.message };
    throw e;
  }
  return undefined;
}

const ROLE = "RoleArn=arn:aws:iam::111122223333:role/app";

describe("Query validation messages (iam-sts.md §1.3)", () => {
  it("STS quotes the value [AWS snapshot]", () => {
    expect(failure(stsOperations.AssumeRole, `${ROLE}&RoleSessionName=Session1:2`, STS_VALIDATION)).toEqual({
      code: "ValidationError",
      status: 400,
      messageKey: "Message",
      message:
        "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
  });

  it("STS reports an in-range integer outside its constraint as ValidationError, not MalformedInput", () => {
    expect(failure(stsOperations.AssumeRole, `${ROLE}&RoleSessionName=s1&DurationSeconds=0`, STS_VALIDATION)?.message).toBe(
      "1 validation error detected: Value '0' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it("STS reports a missing required member as null", () => {
    expect(failure(stsOperations.AssumeRole, "RoleSessionName=s1", STS_VALIDATION)?.message).toBe(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it("IAM leaves the value out [AWS snapshot]", () => {
    expect(failure(iamOperations.ResetServiceSpecificCredential, "ServiceSpecificCredentialId=ACCA-12345678901234567890", IAM_VALIDATION)).toEqual({
      code: "ValidationError",
      status: 400,
      messageKey: "Message",
      message:
        "1 validation error detected: Value at 'serviceSpecificCredentialId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    });
  });

  it("IAM's enum rule carries no value set [AWS snapshot]", () => {
    expect(failure(iamOperations.UpdateAccessKey, "AccessKeyId=AKIAIOSFODNN7EXAMPLE&Status=Invalid", IAM_VALIDATION)?.message).toBe(
      "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });

  it("IAM lists several violations with '; ' and keeps `Value null at` for missing members", () => {
    const longName = "u".repeat(65);
    expect(failure(iamOperations.CreateUser, `UserName=${longName}&Path=team`, IAM_VALIDATION)?.message).toBe(
      "2 validation errors detected: " +
        "Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); " +
        "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    expect(failure(iamOperations.GetUserPolicy, "UserName=bob", IAM_VALIDATION)?.message).toBe(
      "1 validation error detected: Value null at 'policyName' failed to satisfy constraint: Member must not be null",
    );
  });

  it("IAM drops the value set from enum rules inside a list element rule too", () => {
    // GetAccountAuthorizationDetails Filter: a list of entityType enum values.
    const message = failure(iamOperations.GetAccountAuthorizationDetails, "Filter.member.1=Nope", IAM_VALIDATION)?.message;
    expect(message).toBe(
      "1 validation error detected: Value at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set]",
    );
  });

  it("accepts a valid request and converts it to the SDK's types", () => {
    const model = stsOperations.AssumeRole;
    const input = validateInput(model, decodeQueryInput(model.input, queryParams("", `${ROLE}&RoleSessionName=s1&DurationSeconds=3600&Tags=`)), STS_VALIDATION);
    expect(input).toEqual({ RoleArn: "arn:aws:iam::111122223333:role/app", RoleSessionName: "s1", DurationSeconds: 3600, Tags: [] });
  });
});
