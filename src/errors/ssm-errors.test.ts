import { describe, expect, it } from "vitest";
import type { AwsError, MessageKey } from "./aws-error.js";
import * as e from "./ssm-errors.js";

const ADV = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";

/** [factory call, code, message key, exact message] — texts from ssm-parameter-store.md and its companion. */
const cases: [string, AwsError, string, MessageKey, string][] = [
  ["parameterNotFound", e.parameterNotFound(), "ParameterNotFound", null, ""],
  [
    "parameterVersionNotFound",
    e.parameterVersionNotFound("/p", 99),
    "ParameterVersionNotFound",
    "message",
    "Systems Manager could not find version 99 of /p. Verify the version and try again.",
  ],
  [
    "parameterVersionLabelNotFound",
    e.parameterVersionLabelNotFound("/p", "missing"),
    "ParameterVersionNotFound",
    "message",
    "Systems Manager could not find a version of /p that has the specified label, missing. Verify the parameter label and try again.",
  ],
  [
    "parameterAlreadyExists",
    e.parameterAlreadyExists(),
    "ParameterAlreadyExists",
    "message",
    "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
  ],
  [
    "reservedParameterName",
    e.reservedParameterName("awslimitschecker"),
    "AccessDeniedException",
    "Message",
    "No access to reserved parameter name: awslimitschecker.",
  ],
  [
    "invalidSelectorSyntax",
    e.invalidSelectorSyntax(),
    "ValidationException",
    "message",
    "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>",
  ],
  [
    "emptyValue",
    e.emptyValue(),
    "ValidationException",
    "message",
    "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
  ],
  [
    "standardValueTooLarge",
    e.standardValueTooLarge(),
    "ValidationException",
    "message",
    `Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADV}`,
  ],
  [
    "nestedParameterReference",
    e.nestedParameterReference("{{ssm:fixture}}"),
    "ValidationException",
    "message",
    `Parameter value: '{{ssm:fixture}}' failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`,
  ],
  [
    "nestedParameterReference (secret)",
    e.nestedParameterReference(null),
    "ValidationException",
    "message",
    `Parameter value failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`,
  ],
  [
    "invalidDataType",
    e.invalidDataType("bad"),
    "ValidationException",
    "message",
    "The following data type is not supported: bad. (Data type names are all lowercase.)",
  ],
  [
    "integrationDataTypePrefix",
    e.integrationDataTypePrefix("/d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations"),
    "ValidationException",
    "message",
    "Parameters with data type: aws:ssm:integration must start with prefix: /d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations",
  ],
  [
    "invalidAllowedPattern",
    e.invalidAllowedPattern(),
    "InvalidAllowedPatternException",
    "message",
    "The syntax of the allowedPattern parameter is invalid.",
  ],
  [
    "parameterPatternMismatch",
    e.parameterPatternMismatch("^\\d+$"),
    "ParameterPatternMismatchException",
    "message",
    "Parameter value, cannot be validated against allowedPattern: ^\\d+$",
  ],
  [
    "tagsWithOverwrite",
    e.tagsWithOverwrite(),
    "ValidationException",
    "message",
    "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
  ],
  [
    "typeRequired",
    e.typeRequired(),
    "ValidationException",
    "message",
    "A parameter type is required when you create a parameter.",
  ],
  [
    "invalidKeyId",
    e.invalidKeyId(
      e.kmsFailureText("Key 'arn:aws:kms:us-east-1:123456789012:key/k1' does not exist", "NotFoundException", "r-1"),
    ),
    "InvalidKeyId",
    "message",
    "Key 'arn:aws:kms:us-east-1:123456789012:key/k1' does not exist (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: r-1; Proxy: null)",
  ],
  [
    "tierDowngrade",
    e.tierDowngrade(),
    "ValidationException",
    "message",
    "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
  ],
  [
    "policiesRequireAdvancedTier",
    e.policiesRequireAdvancedTier(),
    "ValidationException",
    "message",
    `You can't assign parameter policies to a standard-parameter tier. You must upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADV}`,
  ],
  [
    "parameterLimitExceeded",
    e.parameterLimitExceeded("Standard"),
    "ParameterLimitExceeded",
    "message",
    "You have reached the maximum number of standard parameters for this AWS account and Region (10000). To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply).",
  ],
  [
    "parameterMaxVersionLimitExceeded",
    e.parameterMaxVersionLimitExceeded("/p", 2),
    "ParameterMaxVersionLimitExceeded",
    "message",
    "You attempted to create a new version of /p by calling the PutParameter API with the overwrite flag. Version 2, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
  ],
  [
    "parameterVersionLabelLimitExceeded",
    e.parameterVersionLabelLimitExceeded(),
    "ParameterVersionLabelLimitExceeded",
    "message",
    "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
  ],
  ["invalidResourceId", e.invalidResourceId(), "InvalidResourceId", null, ""],
  ["tooManyTagsError", e.tooManyTagsError(), "TooManyTagsError", null, ""],
  [
    "invalidNextToken",
    e.invalidNextToken("fixture-invalid-token"),
    "InvalidNextToken",
    "Message",
    "The following token is invalid: fixture-invalid-token.",
  ],
  ["invalidPolicies", e.invalidPolicies("not-json"), "ValidationException", "message", "Invalid policies input: not-json."],
  ["invalidPolicyType", e.invalidPolicyType("BadType"), "InvalidPolicyTypeException", "message", "Policy type BadType is not supported."],
  [
    "invalidPolicyAttribute notPositive",
    e.invalidPolicyAttribute({ kind: "notPositive", attribute: "After" }),
    "InvalidPolicyAttributeException",
    "message",
    "Attribute After must be a positive integer.",
  ],
  [
    "invalidPolicyAttribute notIntegerOrTooLarge",
    e.invalidPolicyAttribute({ kind: "notIntegerOrTooLarge", attribute: "After", limit: 8760000 }),
    "InvalidPolicyAttributeException",
    "message",
    "Attribute After must be a positive integer smaller than 8760000 .",
  ],
  [
    "invalidFilterKey",
    e.invalidFilterKey("Name", ["Type", "KeyId", "Label"]),
    "InvalidFilterKey",
    "Message",
    "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label].",
  ],
  [
    "invalidFilterOption",
    e.invalidFilterOption("BeginsWith", ["Equals"]),
    "InvalidFilterOption",
    "message",
    "The following filter option is not valid: BeginsWith. Valid options include: [Equals].",
  ],
  [
    "missingFilterValues",
    e.missingFilterValues("Type"),
    "InvalidFilterValue",
    "Message",
    "The following filter values are missing : null for filter key Type.",
  ],
  [
    "labelFilterSingleValue",
    e.labelFilterSingleValue(),
    "InvalidFilterValue",
    "Message",
    "The following filter Label can have only one value",
  ],
  [
    "secretReferenceRequiresDecryption",
    e.secretReferenceRequiresDecryption(),
    "ValidationException",
    "message",
    "WithDecryption flag must be True for retrieving a Secret Manager secret.",
  ],
  [
    "secretReferenceNotFound with selector",
    e.secretReferenceNotFound("/aws/reference/secretsmanager/mysecret", ":AWSPREVIOUS"),
    "ParameterNotFound",
    "message",
    "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/mysecret:AWSPREVIOUS not found.",
  ],
  [
    "secretReferenceNotFound without selector",
    e.secretReferenceNotFound("/aws/reference/secretsmanager/mysecret", null),
    "ParameterNotFound",
    "message",
    "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/mysecretnull not found.",
  ],
  [
    "secretsManagerArnNotAllowed",
    e.secretsManagerArnNotAllowed(),
    "ValidationException",
    "message",
    "Secrets manager ARN reference should not be passed in the GetParameter(s) request, please refer to https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html",
  ],
  [
    "constraintViolations (two)",
    e.constraintViolations([
      { value: "BadType", path: "type", rule: "Member must satisfy enum value set: [SecureString, StringList, String]" },
      { value: "51", path: "maxResults", rule: "Member must have value less than or equal to 50" },
    ]),
    "ValidationException",
    "message",
    "2 validation errors detected: Value 'BadType' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]; Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
  ],
];

describe("SSM error catalogue", () => {
  it.each(cases)("%s", (_name, error, code, messageKey, message) => {
    expect({ code: error.code, status: error.status, messageKey: error.messageKey, message: error.message }).toEqual({
      code,
      status: 400,
      messageKey,
      message,
    });
  });

  it("sends every unverified text under the key the model names", () => {
    expect(e.serviceSettingNotFound("/ssm/x").messageKey).toBe("Message");
    expect(e.tooManyUpdates().messageKey).toBe("Message");
    expect(e.resourcePolicyConflict().messageKey).toBe("Message");
    expect(e.policiesLimitExceeded().code).toBe("PoliciesLimitExceededException");
    expect(e.incompatiblePolicy().code).toBe("IncompatiblePolicyException");
  });
});
