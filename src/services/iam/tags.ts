import type { Tag as SdkTag } from "@aws-sdk/client-iam";
import { duplicateTagKeys, invalidInput, quotaExceeded } from "../../errors/iam-errors.js";
import type { Tag } from "../../storage/ports.js";

/** Tags per user, role or managed policy [botocore model `max`]. */
export const MAX_TAGS = 50;

/**
 * The domain rules on tags the model cannot state (iam-sts.md §5.1, §5.5): keys unique
 * case-insensitively within a request; no `aws:` prefix (unverified wording).
 */
export function requestTags(tags: readonly SdkTag[] | undefined): Tag[] {
  const result: Tag[] = [];
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const key = tag.Key ?? "";
    const folded = key.toLowerCase();
    if (seen.has(folded)) throw duplicateTagKeys();
    if (folded.startsWith("aws:")) throw invalidInput(`User-defined tag keys can't start with "aws:".`);
    seen.add(folded);
    result.push({ key, value: tag.Value ?? "" });
  }
  return result;
}

/** The quota on the tags an entity would hold after adding `adding` to `existing` (unverified message). */
export function checkTagQuota(quota: string, existing: readonly Tag[], adding: readonly Tag[]): void {
  const keys = new Set(existing.map((t) => t.key.toLowerCase()));
  for (const tag of adding) keys.add(tag.key.toLowerCase());
  if (keys.size > MAX_TAGS) throw quotaExceeded(quota, MAX_TAGS);
}

export function sdkTags(tags: readonly Tag[]): SdkTag[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}
