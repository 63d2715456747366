import type { Tag as KmsTag } from "@aws-sdk/client-kms";
import type { Tag } from "../../storage/ports.js";
import { KmsFailure } from "../ports.js";

/** AWS quota (kms.md §8): tags one key may carry. */
export const MAX_KEY_TAGS = 50;

const tagException = (message: string): KmsFailure => new KmsFailure("TagException", message);

/**
 * §8 rules the model cannot state (lengths it does): no `aws:` prefix in any case, no key twice in
 * one request. Returns the tags in storage form.
 */
export function requestTags(tags: readonly KmsTag[]): Tag[] {
  const seen = new Set<string>();
  const result: Tag[] = [];
  for (const tag of tags) {
    // The model validator has proved both members present.
    const key = tag.TagKey ?? "";
    if (key.toLowerCase().startsWith("aws:")) throw tagException("Tags beginning with aws: are reserved");
    if (seen.has(key)) throw tagException("Duplicate tag keys");
    seen.add(key);
    result.push({ key, value: tag.TagValue ?? "" });
  }
  return result;
}

/** After merging `adding` into `existing` (same key overwrites), the key must stay within the quota. */
export function assertTagRoom(existing: readonly Tag[], adding: readonly Tag[]): void {
  const keys = new Set(existing.map((t) => t.key));
  for (const tag of adding) keys.add(tag.key);
  if (keys.size > MAX_KEY_TAGS) throw tagException("Too many tags");
}
