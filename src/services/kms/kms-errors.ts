import { AwsError } from "../../errors/aws-error.js";
import type { KmsKeyRecord } from "../../storage/ports.js";
import { KmsFailure } from "../ports.js";

/**
 * KMS errors on the wire (kms.md §1): HTTP 400 with a lowercase `message`, no message member at all
 * when the text is empty (InvalidCiphertextException, NotAuthorizedException), KMSInternalException 500;
 * AccessDeniedException, not a modelled KMS shape, carries `Message` as SSM's does (§10).
 */
export function kmsAwsError(e: KmsFailure): AwsError {
  if (e.kmsCode === "AccessDeniedException") return new AwsError(e.kmsCode, e.message, { messageKey: "Message" });
  return new AwsError(e.kmsCode, e.message, {
    status: e.kmsCode === "KMSInternalException" ? 500 : 400,
    messageKey: e.message === "" ? null : "message",
  });
}

export const validation = (message: string): KmsFailure => new KmsFailure("ValidationException", message);

export const unsupported = (message: string): KmsFailure => new KmsFailure("UnsupportedOperationException", message);

export const dryRunSucceeded = (): KmsFailure =>
  new KmsFailure("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");

export const incorrectKey = (): KmsFailure =>
  new KmsFailure("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");

export const invalidMarker = (): KmsFailure => new KmsFailure("InvalidMarkerException", "Invalid marker");

/**
 * What the AWS managed key's policy (kms.md §11) refuses to everyone: it grants only use through SSM
 * and metadata reads, so lifecycle and alias changes end in AccessDenied under normal evaluation.
 */
export function assertCustomerManaged(key: KmsKeyRecord, action: string, callerArn: string): void {
  if (key.keyManager === "CUSTOMER") return;
  throw new KmsFailure(
    "AccessDeniedException",
    `User: ${callerArn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
  );
}
