import { AwsError } from "../errors/aws-error.js";
import type { ValidationMessages } from "../model/validate.js";

/** Coral's constraint violations on the Query front end: ValidationError, 400 (iam-sts.md §1.3). */
const validationError = (message: string): AwsError =>
  new AwsError("ValidationError", message, { status: 400, messageKey: "Message" });

/** STS quotes the offending value: `Value 'Session1:2' at 'roleSessionName' failed to satisfy …`. */
export const STS_VALIDATION: ValidationMessages = { error: validationError, values: true, enumValueSet: true };

/** IAM never does (`Value at 'status' …`), and its enum rule carries no value list. */
export const IAM_VALIDATION: ValidationMessages = { error: validationError, values: false, enumValueSet: false };
