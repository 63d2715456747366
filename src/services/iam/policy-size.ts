/**
 * IAM counts policy sizes in characters without whitespace (iam-sts.md §7, §12: "IAM doesn't count
 * white space when calculating the size of a policy against these limits").
 */
export function policySize(document: string): number {
  return document.replace(/\s/g, "").length;
}

/** Aggregate inline policy quotas per owner kind [AWS docs quotas]. */
export const INLINE_POLICY_QUOTA = { user: 2048, role: 10240, group: 5120 } as const;
/** Managed policy document size [AWS docs quotas]. */
export const MANAGED_POLICY_QUOTA = 6144;
/** Role trust policy size (default quota) [AWS docs quotas]. */
export const TRUST_POLICY_QUOTA = 2048;
