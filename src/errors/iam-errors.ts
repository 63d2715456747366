import { AwsError } from "./aws-error.js";

/**
 * Every error an IAM operation raises, with AWS's code, status and text (iam-sts.md §1.3, §5–§12).
 * IAM's Query protocol puts the text under `Message`. Texts marked "unverified" follow the spec's
 * recommendation or, where it has none, are ours in AWS's style; they live only here.
 */

const iam = (code: string, status: number, message: string): AwsError =>
  new AwsError(code, message, { status, messageKey: "Message" });

export type IamEntityKind = "user" | "role" | "group";

// ---- NoSuchEntity (404) ----------------------------------------------------------------------

/** `The user with name alice cannot be found.` [AWS snapshot]; role and group alike. */
export const noSuchEntity = (kind: IamEntityKind, name: string): AwsError =>
  iam("NoSuchEntity", 404, `The ${kind} with name ${name} cannot be found.`);

/** `The role policy with name p cannot be found.` [moto]; user and group alike (unverified). */
export const noSuchInlinePolicy = (kind: IamEntityKind, policyName: string): AwsError =>
  iam("NoSuchEntity", 404, `The ${kind} policy with name ${policyName} cannot be found.`);

/** [moto] (unverified final punctuation: none). */
export const noSuchAccessKey = (accessKeyId: string): AwsError =>
  iam("NoSuchEntity", 404, `The Access Key with id ${accessKeyId} cannot be found`);

/** GetPolicy / DeletePolicy of an unknown ARN [AWS snapshot]; Detach of an unattached one (unverified). */
export const policyNotFound = (arn: string): AwsError => iam("NoSuchEntity", 404, `Policy ${arn} was not found.`);

/** Attaching an ARN that does not exist [AWS snapshot]. */
export const policyNotAttachable = (arn: string): AwsError =>
  iam("NoSuchEntity", 404, `Policy ${arn} does not exist or is not attachable.`);

/** [moto] */
export const policyVersionNotFound = (arn: string, versionId: string): AwsError =>
  iam("NoSuchEntity", 404, `Policy ${arn} version ${versionId} does not exist or is not attachable.`);

/** RemoveUserFromGroup of a non-member (unverified). */
export const notGroupMember = (userName: string, groupName: string): AwsError =>
  iam("NoSuchEntity", 404, `User ${userName} is not in group ${groupName}.`);

// ---- EntityAlreadyExists (409) ---------------------------------------------------------------

/** `User with name alice already exists.` (unverified; moto `User alice already exists`); role, group alike. */
export const entityAlreadyExists = (kind: IamEntityKind, name: string): AwsError => {
  const noun = kind === "user" ? "User" : kind === "role" ? "Role" : "Group";
  return iam("EntityAlreadyExists", 409, `${noun} with name ${name} already exists.`);
};

/** [moto] */
export const policyAlreadyExists = (name: string): AwsError =>
  iam("EntityAlreadyExists", 409, `A policy called ${name} already exists. Duplicate names are not allowed.`);

// ---- LimitExceeded (409) ---------------------------------------------------------------------

/** `Cannot exceed quota for AccessKeysPerUser: 2` [moto]; the same form for every count quota (unverified). */
export const quotaExceeded = (quota: string, limit: number): AwsError =>
  iam("LimitExceeded", 409, `Cannot exceed quota for ${quota}: ${limit}`);

/** Aggregate inline policy size of one owner (unverified wording, iam-sts.md §7). */
export const inlinePolicySizeExceeded = (kind: IamEntityKind, ownerName: string, limit: number): AwsError =>
  iam("LimitExceeded", 409, `Maximum policy size of ${limit} bytes exceeded for ${kind} ${ownerName}`);

/** [moto, matching the model docs] */
export const policyVersionsExceeded = (): AwsError =>
  iam(
    "LimitExceeded",
    409,
    "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
  );

// ---- DeleteConflict (409) --------------------------------------------------------------------

/** `Cannot delete entity, must <what> first.` [moto, AWS snapshot for "remove referenced objects"]. */
export const deleteConflict = (
  what:
    | "delete access keys"
    | "delete policies"
    | "detach all policies"
    | "remove users from group"
    | "remove referenced objects",
): AwsError => iam("DeleteConflict", 409, `Cannot delete entity, must ${what} first.`);

/** DeletePolicy while attached (unverified). */
export const policyAttached = (): AwsError => iam("DeleteConflict", 409, "Cannot delete a policy attached to entities.");

/** DeletePolicy with versions other than the default (unverified). */
export const policyHasVersions = (): AwsError =>
  iam("DeleteConflict", 409, "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");

/** DeletePolicyVersion of the default version [moto]. */
export const defaultVersionDelete = (): AwsError =>
  iam("DeleteConflict", 409, "Cannot delete the default version of a policy.");

// ---- 400s ------------------------------------------------------------------------------------

/** The first problem of a policy document, as policyDocumentProblem reports it (§10). */
export const malformedPolicyDocument = (message: string): AwsError => iam("MalformedPolicyDocument", 400, message);

export const validationError = (message: string): AwsError => iam("ValidationError", 400, message);

/** Not an ARN at all, two spaces after the colon [AWS snapshot]. */
export const invalidArn = (): AwsError => validationError("Invalid ARN:  Could not be parsed!");

/** GetUser and the access key operations without UserName, called by root or a session (unverified wording). */
export const userNameRequired = (): AwsError =>
  validationError("Must specify userName when calling with non-User credentials");

/** [moto] (unverified). */
export const invalidMarker = (): AwsError => validationError("Invalid Marker.");

export const invalidInput = (message: string): AwsError => iam("InvalidInput", 400, message);

/** [moto, consistent with the STS snapshot wording] */
export const duplicateTagKeys = (): AwsError =>
  invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");

/** AWS managed policies are read-only (unverified wording). */
export const unmodifiableEntity = (arn: string): AwsError =>
  iam("UnmodifiableEntity", 400, `Cannot modify AWS managed policy ${arn}.`);
