import { invalidArn, policyNotAttachable, policyNotFound, unmodifiableEntity } from "../../errors/iam-errors.js";
import type { ManagedPolicyRecord } from "../../storage/iam-ports.js";
import type { ReadTx } from "../../storage/ports.js";
import { isArn } from "./arns.js";
import { awsManagedPolicy, type AwsManagedPolicy } from "./aws-managed-policies.js";

/** A managed policy by ARN: one of the account's, or one of the AWS managed catalogue. */
export type PolicyRef = { readonly local: ManagedPolicyRecord } | { readonly aws: AwsManagedPolicy };

export async function findPolicy(tx: ReadTx, arn: string): Promise<PolicyRef | undefined> {
  const local = await tx.managedPolicy(arn);
  if (local !== undefined) return { local };
  const aws = awsManagedPolicy(arn);
  return aws === undefined ? undefined : { aws };
}

/** Attach / boundary targets: not an ARN → ValidationError; unknown → NoSuchEntity (§9.3). */
export async function attachablePolicy(tx: ReadTx, arn: string): Promise<PolicyRef> {
  if (!isArn(arn)) throw invalidArn();
  const found = await findPolicy(tx, arn);
  if (found === undefined) throw policyNotAttachable(arn);
  return found;
}

/** GetPolicy and the version reads: unknown → `Policy <arn> was not found.` */
export async function existingPolicy(tx: ReadTx, arn: string): Promise<PolicyRef> {
  if (!isArn(arn)) throw invalidArn();
  const found = await findPolicy(tx, arn);
  if (found === undefined) throw policyNotFound(arn);
  return found;
}

/** Changes (delete, new versions, default) apply only to the account's own policies. */
export async function ownPolicy(tx: ReadTx, arn: string): Promise<ManagedPolicyRecord> {
  const found = await existingPolicy(tx, arn);
  if ("aws" in found) throw unmodifiableEntity(arn);
  return found.local;
}
