import type { Tag as SdkTag } from "@aws-sdk/client-sts";
import { duplicateSessionTagKeys, transitiveTagKeyNotInTags, transitiveTagOverride } from "../../errors/sts-errors.js";
import type { Tag } from "../../storage/ports.js";
import type { ConditionValues } from "../access.js";

/** The tags a new session carries, and which of them pass on to sessions it assumes in turn. */
export interface SessionTagging {
  readonly tags: readonly Tag[];
  readonly transitiveTagKeys: readonly string[];
  /** Tags or transitive keys were passed in this request (PackedPolicySize is then reported). */
  readonly requested: boolean;
}

/** What the calling session (role chaining) passes on: its transitive tags. */
export interface InheritedTags {
  readonly tags: readonly Tag[];
  readonly transitiveTagKeys: readonly string[];
}

/**
 * iam-sts.md §4.2 step 6: keys unique case-insensitively; every transitive key among the requested
 * tags. In a role chain the calling session's transitive tags come along and stay transitive; a
 * request may not re-tag one of their keys (AWS documents that they cannot be overridden).
 */
export function sessionTagging(
  requested: readonly SdkTag[] | undefined,
  transitive: readonly string[] | undefined,
  inherited: InheritedTags | undefined,
): SessionTagging {
  const tags: Tag[] = [];
  const keys = new Set<string>();
  for (const tag of requested ?? []) {
    const key = tag.Key ?? "";
    if (keys.has(key.toLowerCase())) throw duplicateSessionTagKeys();
    keys.add(key.toLowerCase());
    tags.push({ key, value: tag.Value ?? "" });
  }
  for (const key of transitive ?? []) if (!keys.has(key.toLowerCase())) throw transitiveTagKeyNotInTags();

  const passed = new Set((inherited?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  const carried = (inherited?.tags ?? []).filter((t) => passed.has(t.key.toLowerCase()));
  for (const t of carried) if (keys.has(t.key.toLowerCase())) throw transitiveTagOverride(t.key);
  const transitiveKeys = [...carried.map((t) => t.key), ...(transitive ?? [])];
  return {
    tags: [...carried, ...tags],
    transitiveTagKeys: dedupe(transitiveKeys),
    requested: (requested ?? []).length > 0 || (transitive ?? []).length > 0,
  };
}

function dedupe(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const folded = k.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The condition keys sts:TagSession is evaluated with: `aws:RequestTag/<k>`, `aws:TagKeys`, `sts:TransitiveTagKeys`. */
export function tagSessionContext(tagging: SessionTagging): ConditionValues {
  const context: Record<string, string | readonly string[]> = {
    "aws:TagKeys": tagging.tags.map((t) => t.key),
    "sts:TransitiveTagKeys": tagging.transitiveTagKeys,
  };
  for (const t of tagging.tags) context[`aws:RequestTag/${t.key}`] = t.value;
  return context;
}
