import { AwsError } from "../errors/aws-error.js";
import type { ErrorShape } from "./shape.js";

/**
 * An error a Query-protocol model declares, as it travels (iam-sts.md §1.3):
 * `modelError(iamErrors.NoSuchEntityException, "The user with name alice cannot be found.")` is
 * code NoSuchEntity, 404, Sender.
 */
export function modelError(shape: ErrorShape, message: string): AwsError {
  return new AwsError(shape.code, message, { status: shape.status, messageKey: "Message", fault: shape.fault });
}
