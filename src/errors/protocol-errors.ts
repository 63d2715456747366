import { AwsError } from "./aws-error.js";

/** Errors of the AWS JSON 1.1 front end that no service model lists (ssm-parameter-store.md §1.4). */
export const unknownOperation = (): AwsError =>
  new AwsError("UnknownOperationException", "", { messageKey: null });

export const serializationException = (message?: string): AwsError =>
  new AwsError("SerializationException", message ?? "", { messageKey: message === undefined ? null : "Message" });

export const internalServerError = (): AwsError =>
  new AwsError("InternalServerError", "An internal error occurred.", { status: 500, messageKey: "Message" });

/** AWS answers 413 for bodies over its limit; the SDKs surface the code. */
export const requestEntityTooLarge = (): AwsError =>
  new AwsError("RequestEntityTooLargeException", "Request entity too large", { status: 413, messageKey: "message" });
