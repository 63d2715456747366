import { AwsError } from "./aws-error.js";

/**
 * Every error a Parameter Store operation raises, with AWS's code, message key and text
 * (ssm-parameter-store.md §1.3 and Appendix A; policies: ssm-events-and-policies.md §1.3).
 * Texts marked "unverified" are ours, written in AWS's style; they live only here.
 */

const lower = (code: string, message: string): AwsError => new AwsError(code, message, { messageKey: "message" });
const upper = (code: string, message: string): AwsError => new AwsError(code, message, { messageKey: "Message" });
const bare = (code: string): AwsError => new AwsError(code, "", { messageKey: null });

const ADVANCED_TIER_DOC = "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";

export const validationException = (message: string): AwsError => lower("ValidationException", message);

/** One failed model constraint; `value` undefined for sensitive members, whose value AWS leaves out. */
export interface ConstraintViolation {
  readonly value: string | undefined;
  readonly path: string;
  readonly rule: string;
}

/** Coral's constraint message (§1.5): `N validation error(s) detected: Value '<v>' at '<path>' …`. */
export const constraintViolations = (violations: readonly ConstraintViolation[]): AwsError => {
  const n = violations.length;
  const each = violations.map(
    (v) => `Value${v.value === undefined ? "" : ` '${v.value}'`} at '${v.path}' failed to satisfy constraint: ${v.rule}`,
  );
  return validationException(`${n} validation error${n === 1 ? "" : "s"} detected: ${each.join("; ")}`);
};

// ---- existence -------------------------------------------------------------------------------

/** GetParameter/DeleteParameter send `{"__type":"ParameterNotFound"}` and nothing else [capture]. */
export const parameterNotFound = (): AwsError => bare("ParameterNotFound");

/** `version` is the decimal number without leading zeros. */
export const parameterVersionNotFound = (name: string, version: number | string): AwsError =>
  lower(
    "ParameterVersionNotFound",
    `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`,
  );

export const parameterVersionLabelNotFound = (name: string, label: string): AwsError =>
  lower(
    "ParameterVersionNotFound",
    `Systems Manager could not find a version of ${name} that has the specified label, ${label}. Verify the parameter label and try again.`,
  );

export const parameterAlreadyExists = (): AwsError =>
  lower(
    "ParameterAlreadyExists",
    "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
  );

// ---- names -----------------------------------------------------------------------------------

/** M1: AWS's one message for every name-syntax problem, the `ssm` prefix included (§2.1). */
export const invalidNameSyntax = (): AwsError =>
  validationException(
    `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`,
  );

/** `aws…` names (§2.2); key `Message` as the model names it (wire key unverified, §1.3). */
export const reservedParameterName = (name: string): AwsError =>
  upper("AccessDeniedException", `No access to reserved parameter name: ${name}.`);

/** Text unverified (§2.3). */
export const hierarchyLevelLimitExceeded = (): AwsError =>
  lower("HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels.");

/** Full ARN longer than 1011 characters (§2.3); text unverified. */
export const parameterNameTooLong = (maxArnLength: number): AwsError =>
  validationException(
    `Parameter name: can't be longer than ${maxArnLength} characters, counting the full parameter ARN (arn:<partition>:ssm:<region>:<account-id>:parameter/<name>).`,
  );

/**
 * Empty selector or more than one `:` (§2.6). `<name>:<version/label>` is literal: it shows the
 * syntax, it is not the requested name; note the two spaces before it.
 */
export const invalidSelectorSyntax = (): AwsError =>
  validationException(
    "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>",
  );

/** GetParametersByPath `Path` and DescribeParameters `Path` filter values (§4.4); backslashes as recorded. */
export const invalidPath = (): AwsError =>
  validationException(
    `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`,
  );

// ---- Secrets Manager references (§7.2) -------------------------------------------------------------

export const secretReferenceRequiresDecryption = (): AwsError =>
  validationException("WithDecryption flag must be True for retrieving a Secret Manager secret.");

/** The name loses its leading slash; with no selector Java prints `null` in its place (§7.2). */
export const secretReferenceNotFound = (name: string, selector: string | null): AwsError =>
  lower(
    "ParameterNotFound",
    `An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret ${name.replace(/^\//, "")}${selector ?? "null"} not found.`,
  );

/** `/aws/reference/secretsmanager/` with no secret id (§7.2). */
export const secretsManagerDependencyFailure = (): AwsError =>
  validationException("An error occurred while calling one AWS dependency service.");

export const secretsManagerArnNotAllowed = (): AwsError =>
  validationException(
    "Secrets manager ARN reference should not be passed in the GetParameter(s) request, please refer to https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html",
  );

// ---- values, types, data types -----------------------------------------------------------------

/** The value is sensitive, so AWS leaves it out of the message (§3.2). */
export const emptyValue = (): AwsError =>
  constraintViolations([{ value: undefined, path: "value", rule: "Member must have length greater than or equal to 1" }]);

export const standardValueTooLarge = (): AwsError =>
  validationException(
    `Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADVANCED_TIER_DOC}`,
  );

/** Text unverified (§3.2). */
export const advancedValueTooLarge = (): AwsError =>
  validationException("Advanced tier parameters support a maximum parameter value of 8192 characters.");

/**
 * `{{…}}` in a value (§3.2). AWS echoes the value; we never echo a SecureString value, so pass
 * `null` for those and the value is left out.
 */
export const nestedParameterReference = (value: string | null): AwsError =>
  validationException(
    `Parameter value${value === null ? "" : `: '${value}'`} failed to satisfy constraint: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`,
  );

export const typeRequired = (): AwsError =>
  validationException("A parameter type is required when you create a parameter.");

export const invalidDataType = (dataType: string): AwsError =>
  validationException(`The following data type is not supported: ${dataType}. (Data type names are all lowercase.)`);

export const integrationDataTypePrefix = (prefix: string): AwsError =>
  validationException(`Parameters with data type: aws:ssm:integration must start with prefix: ${prefix}`);

/** `aws:ec2:image` on a type other than String (§3.3); text unverified (third-party report). */
export const imageDataTypeUnsupportedForType = (type: string): AwsError =>
  validationException(`The aws:ec2:image data type is not supported for the following input type: ${type}`);

export const invalidAllowedPattern = (): AwsError =>
  lower("InvalidAllowedPatternException", "The syntax of the allowedPattern parameter is invalid.");

export const parameterPatternMismatch = (pattern: string): AwsError =>
  lower("ParameterPatternMismatchException", `Parameter value, cannot be validated against allowedPattern: ${pattern}`);

export const tagsWithOverwrite = (): AwsError =>
  validationException(
    "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
  );

/** `kmsText` is the KMS message with its `(Service: AWSKMS; …)` suffix (§3.5, kms.md §13). */
export const invalidKeyId = (kmsText: string): AwsError => lower("InvalidKeyId", kmsText);

/** How SSM quotes a KMS failure inside its own errors (§3.5, iam-policy-evaluation.md §4.3). */
export const kmsFailureText = (kmsMessage: string, kmsCode: string, requestId: string): string =>
  `${kmsMessage} (Service: AWSKMS; Status Code: 400; Error Code: ${kmsCode}; Request ID: ${requestId}; Proxy: null)`;

// ---- tiers and limits --------------------------------------------------------------------------

export const tierDowngrade = (): AwsError =>
  validationException(
    "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
  );

export const policiesRequireAdvancedTier = (): AwsError =>
  validationException(
    `You can't assign parameter policies to a standard-parameter tier. You must upgrade the parameter to use the advanced-parameter tier. For more information, see ${ADVANCED_TIER_DOC}`,
  );

/** Standard text from issue evidence (§3.4); the Advanced text is unverified. */
export const parameterLimitExceeded = (tier: "Standard" | "Advanced"): AwsError =>
  lower(
    "ParameterLimitExceeded",
    tier === "Standard"
      ? "You have reached the maximum number of standard parameters for this AWS account and Region (10000). To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply)."
      : "You have reached the maximum number of advanced parameters for this AWS account and Region (100000). To add more parameters, delete existing advanced parameters.",
  );

export const parameterMaxVersionLimitExceeded = (name: string, oldestVersion: number): AwsError =>
  lower(
    "ParameterMaxVersionLimitExceeded",
    `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldestVersion}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
  );

/** No space after the first period, as moto has it (§5.2, unverified). */
export const parameterVersionLabelLimitExceeded = (): AwsError =>
  lower(
    "ParameterVersionLabelLimitExceeded",
    "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
  );

/** Concurrent writers to one parameter or setting; text from the model documentation (unverified). */
export const tooManyUpdates = (): AwsError =>
  upper("TooManyUpdates", "There are concurrent updates for a resource that supports one update at a time.");

// ---- tags --------------------------------------------------------------------------------------

export const invalidResourceId = (): AwsError => bare("InvalidResourceId");
export const invalidResourceType = (): AwsError => bare("InvalidResourceType");
export const tooManyTagsError = (): AwsError => bare("TooManyTagsError");

// ---- pagination and settings ---------------------------------------------------------------------

export const invalidNextToken = (token: string): AwsError =>
  upper("InvalidNextToken", `The following token is invalid: ${token}.`);

/** Text unverified (§4.12). */
export const serviceSettingNotFound = (settingId: string): AwsError =>
  upper("ServiceSettingNotFound", `The service setting ${settingId} was not found.`);

/** Text unverified (§4.12). */
export const invalidServiceSettingValue = (settingId: string, value: string, allowed: readonly string[]): AwsError =>
  validationException(`The value ${value} is not valid for the setting ${settingId}. Valid values are: [${allowed.join(", ")}].`);

// ---- resource policies (§4.13, all texts unverified) --------------------------------------------

export const resourceNotFound = (arn: string): AwsError =>
  upper("ResourceNotFoundException", `The resource ${arn} was not found.`);

export const resourcePolicyInvalidParameter = (message: string): AwsError =>
  upper("ResourcePolicyInvalidParameterException", message);

export const resourcePolicyRequiresAdvancedTier = (): AwsError =>
  resourcePolicyInvalidParameter("Only advanced-tier parameters can be shared. Upgrade the parameter to the advanced-parameter tier and try again.");

/** ResourceArn that is not an ARN, or not an SSM one. */
export const invalidResourceArn = (arn: string): AwsError =>
  resourcePolicyInvalidParameter(`The resource ARN ${arn} is not valid. Specify the ARN of a parameter in this account and Region.`);

/** SecureString under `alias/aws/ssm`: AWS managed keys cannot be shared (§4.13). */
export const resourcePolicyAwsManagedKey = (): AwsError =>
  resourcePolicyInvalidParameter(
    "A SecureString parameter encrypted with the AWS managed key can't be shared. Encrypt the parameter with a customer managed key and try again.",
  );

/** GetResourcePolicies lists no InvalidNextToken in the model: a bad token is an invalid parameter there. */
export const invalidResourcePolicyNextToken = (token: string): AwsError =>
  resourcePolicyInvalidParameter(`The following token is invalid: ${token}.`);

export const malformedResourcePolicyDocument = (detail: string): AwsError =>
  upper("MalformedResourcePolicyDocumentException", `The resource policy document is malformed: ${detail}`);

export const resourcePolicyConflict = (): AwsError =>
  upper("ResourcePolicyConflictException", "The PolicyHash doesn't match the current policy. Get the latest policy and try again.");

export const resourcePolicyNotFound = (policyId: string): AwsError =>
  upper("ResourcePolicyNotFoundException", `No resource policy with id ${policyId} was found.`);

export const resourcePolicyLimitExceeded = (limit: number): AwsError =>
  upper("ResourcePolicyLimitExceededException", `The resource can have at most ${limit} policies.`);

// ---- parameter policies (ssm-events-and-policies.md §1.3) -----------------------------------------

export const invalidPolicies = (raw: string): AwsError => validationException(`Invalid policies input: ${raw}.`);

/** `type` is `null` when the policy has no Type (Java prints null; unverified). */
export const invalidPolicyType = (type: string | null): AwsError =>
  lower("InvalidPolicyTypeException", `Policy type ${type ?? "null"} is not supported.`);

/** Why a policy's attributes were refused; only the first two texts are recorded, the rest are ours. */
export type PolicyAttributeProblem =
  | { readonly kind: "notPositive"; readonly attribute: string }
  | { readonly kind: "notIntegerOrTooLarge"; readonly attribute: string; readonly limit: number }
  | { readonly kind: "missing"; readonly attribute: string; readonly policyType: string }
  | { readonly kind: "invalidUnit"; readonly unit: string }
  | { readonly kind: "invalidTimestamp"; readonly timestamp: string }
  | { readonly kind: "invalidVersion"; readonly version: string };

function policyAttributeText(p: PolicyAttributeProblem): string {
  switch (p.kind) {
    case "notPositive":
      return `Attribute ${p.attribute} must be a positive integer.`;
    case "notIntegerOrTooLarge":
      return `Attribute ${p.attribute} must be a positive integer smaller than ${p.limit} .`;
    case "missing":
      return `Attribute ${p.attribute} is required for policy type ${p.policyType}.`;
    case "invalidUnit":
      return `Attribute Unit has an invalid value: ${p.unit}. Valid values are: [Days, Hours].`;
    case "invalidTimestamp":
      return `Attribute Timestamp has an invalid value: ${p.timestamp}. Use the ISO-8601 format, for example 2020-05-13T00:00:00.000Z.`;
    case "invalidVersion":
      return `Policy version ${p.version} is not supported. Valid value: 1.0.`;
    default: {
      const never: never = p;
      return never;
    }
  }
}

export const invalidPolicyAttribute = (problem: PolicyAttributeProblem): AwsError =>
  lower("InvalidPolicyAttributeException", policyAttributeText(problem));

/** Text unverified; the model calls it a conflict between the supplied policies. */
export const incompatiblePolicy = (): AwsError =>
  lower(
    "IncompatiblePolicyException",
    "The policies you specified are incompatible. A parameter can have only one Expiration timestamp, and an ExpirationNotification requires an Expiration policy.",
  );

/** Text unverified. */
export const policiesLimitExceeded = (): AwsError =>
  lower("PoliciesLimitExceededException", "A parameter can have a maximum of 10 policies.");

// ---- filters (§6) --------------------------------------------------------------------------------

export const invalidFilterKey = (key: string, validKeys: readonly string[]): AwsError =>
  upper("InvalidFilterKey", `The following filter key is not valid: ${key}. Valid filter keys include: [${validKeys.join(", ")}].`);

export const duplicateFilterKey = (key: string): AwsError =>
  upper(
    "InvalidFilterKey",
    `The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`,
  );

export const invalidFilterOption = (option: string, validOptions: readonly string[]): AwsError =>
  lower("InvalidFilterOption", `The following filter option is not valid: ${option}. Valid options include: [${validOptions.join(", ")}].`);

export const missingFilterValues = (key: string): AwsError =>
  upper("InvalidFilterValue", `The following filter values are missing : null for filter key ${key}.`);

export const invalidFilterValue = (value: string, validValues: readonly string[]): AwsError =>
  upper("InvalidFilterValue", `The following filter value is not valid: ${value}. Valid values include: [${validValues.join(", ")}].`);

export const labelFilterSingleValue = (): AwsError =>
  upper("InvalidFilterValue", "The following filter Label can have only one value");

export const filtersAndParameterFilters = (): AwsError =>
  validationException("You can use either Filters or ParameterFilters in a single request.");

export const commonParameterPathFilter = (): AwsError =>
  validationException(
    `Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`,
  );
