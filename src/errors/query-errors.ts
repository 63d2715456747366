import { AwsError } from "./aws-error.js";

/**
 * Errors of AWS's Query front end (IAM, STS) that no service model lists (iam-sts.md §1.1, §1.3).
 * Query errors always travel as XML `<Message>`.
 */

/** No `Action` parameter; wording unverified. */
export const missingAction = (): AwsError => new AwsError("MissingAction", "Missing Action", { status: 400, messageKey: "Message" });

/**
 * An Action the Version's service does not have, or a Version no service answers (wording
 * unverified). A request without Version names `NO_VERSION_SPECIFIED`, as Coral is reported to.
 */
export const invalidAction = (action: string, version: string | undefined): AwsError =>
  new AwsError("InvalidAction", `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`, {
    status: 400,
    messageKey: "Message",
  });

/**
 * A parameter that does not parse as its member's type (iam-sts.md §1.1). Coral reads Query scalars
 * as XML Schema types: SES answers `boolean must follow xsd1.1 definition` for `Enabled=yes`; the
 * other types' texts are written after it (unverified).
 */
export const malformedInput = (xsdType: string): AwsError =>
  new AwsError("MalformedInput", `${xsdType} must follow xsd1.1 definition`, { status: 400, messageKey: "Message" });

/** AWS's Query services answer an unexpected failure with InternalFailure (Common Errors). */
export const internalFailure = (): AwsError =>
  new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", {
    status: 500,
    messageKey: "Message",
  });
