import { packedPolicyTooLarge } from "../../errors/sts-errors.js";
import type { Tag } from "../../storage/ports.js";
import { policySize } from "../iam/policy-size.js";

/**
 * The space AWS allows session policies and session tags together. AWS packs them in an unpublished
 * compressed form; this counts characters (whitespace excluded, as IAM counts policy sizes) against
 * the documented 2,048-character session policy limit, so the figure is never more lenient than the
 * plain-text limit.
 */
export const PACKED_SPACE = 2048;

/**
 * `PackedPolicySize` (iam-sts.md §4.2 step 8): the percentage of the packed space used by the session
 * policy, the policy ARNs and the session tags; over 100 → PackedPolicyTooLarge.
 */
export function packedPolicySize(policy: string | undefined, policyArns: readonly string[], tags: readonly Tag[]): number {
  let used = policy === undefined ? 0 : policySize(policy);
  for (const arn of policyArns) used += arn.length;
  for (const t of tags) used += t.key.length + t.value.length;
  const percent = Math.ceil((100 * used) / PACKED_SPACE);
  if (percent > 100) throw packedPolicyTooLarge(percent);
  return percent;
}
