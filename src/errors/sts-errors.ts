import { AwsError } from "./aws-error.js";

/**
 * Every error an STS operation raises beyond the model's constraint messages, with AWS's code, status
 * and text (iam-sts.md §4.2, §4.3). Query errors carry the text under `Message`. Texts marked
 * "unverified" are ours in AWS's style; they live only here.
 */

const sts = (code: string, status: number, message: string): AwsError => new AwsError(code, message, { status, messageKey: "Message" });

const validationError = (message: string): AwsError => sts("ValidationError", 400, message);

/** A RoleArn (or session policy ARN) that does not parse as an ARN [AWS snapshot]. */
export const invalidArnParameter = (arn: string): AwsError => validationError(`${arn} is invalid`);

/** [issue evidence: public CLI transcripts; 403 from the Java SDK] */
export const rootCannotAssumeRole = (): AwsError => sts("AccessDenied", 403, "Roles may not be assumed by root accounts.");

/**
 * The trust policy (or the identity side it delegates to) does not allow `action` on the role, or the
 * role does not exist [issue: Netflix/security_monkey#77]. AWS's STS text has no `because …` tail.
 */
export const notAuthorizedOnRole = (callerArn: string, action: string, roleArn: string): AwsError =>
  sts("AccessDenied", 403, `User: ${callerArn} is not authorized to perform: ${action} on resource: ${roleArn}`);

/** [issue: kreuzwerker/awsu#27, prowler-cloud/prowler#923] */
export const durationExceedsMaxSessionDuration = (): AwsError =>
  validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

/** [issue evidence: public CLI/SDK transcripts, HTTP 400] */
export const durationExceedsChainingLimit = (): AwsError =>
  validationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");

/** [AWS snapshot] */
export const duplicateSessionTagKeys = (): AwsError =>
  sts("InvalidParameterValue", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");

/** [AWS snapshot] */
export const transitiveTagKeyNotInTags = (): AwsError =>
  sts("InvalidParameterValue", 400, "The specified transitive tag key must be included in the requested tags.");

/** A role-chaining request re-tagging a key the calling session passes on as transitive (unverified wording). */
export const transitiveTagOverride = (key: string): AwsError =>
  sts("InvalidParameterValue", 400, `The session tag ${key} is transitive in the calling session and cannot be overridden.`);

/** More than 10 session policy ARNs (unverified wording; AWS documents the limit of 10). */
export const tooManyPolicyArns = (): AwsError =>
  validationError("1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10");

/** The session policy's first problem, in the words of the policy validator (iam-sts.md §10). */
export const malformedSessionPolicy = (message: string): AwsError => sts("MalformedPolicyDocument", 400, message);

/** Session policies and tags beyond the packed size (unverified wording). */
export const packedPolicyTooLarge = (percent: number): AwsError =>
  sts("PackedPolicyTooLarge", 400, `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`);

/** [issue evidence: public CLI transcripts] No final period. */
export const getSessionTokenWithSessionCredentials = (): AwsError =>
  sts("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
