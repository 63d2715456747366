import type { Tag as SdkTag } from "@aws-sdk/client-iam";
import type { ReadTx, WriteTx } from "../../storage/ports.js";
import type { IamOperation, NoOutput } from "./iam-operation.js";
import { pageList } from "./marker.js";
import { checkTagQuota, requestTags, sdkTags } from "./tags.js";

/*
 * Tag/Untag/List…Tags of users, roles (iam-sts.md §5.5) and managed policies: the entity is found
 * by `find`, which throws its NoSuchEntity and returns the unique id the tags hang off.
 */

export function tagEntity<In>(
  name: string,
  quota: string,
  read: (input: In) => { readonly entity: string; readonly tags: readonly SdkTag[] },
  find: (tx: ReadTx, entity: string) => Promise<string>,
): IamOperation<In, NoOutput> {
  return {
    name,
    action: `iam:${name}`,
    async run(input, cx) {
      const { entity, tags: given } = read(input);
      const tags = requestTags(given);
      await cx.ports.storage.write(async (tx: WriteTx) => {
        const id = await find(tx, entity);
        checkTagQuota(quota, await tx.iamTags(id), tags);
        await tx.putIamTags(id, tags);
      });
      return {};
    },
  };
}

export function untagEntity<In>(
  name: string,
  read: (input: In) => { readonly entity: string; readonly tagKeys: readonly string[] },
  find: (tx: ReadTx, entity: string) => Promise<string>,
): IamOperation<In, NoOutput> {
  return {
    name,
    action: `iam:${name}`,
    async run(input, cx) {
      const { entity, tagKeys } = read(input);
      await cx.ports.storage.write(async (tx) => tx.removeIamTags(await find(tx, entity), tagKeys));
      return {};
    },
  };
}

export interface TagsPage {
  Tags: SdkTag[];
  IsTruncated: boolean;
  Marker?: string;
}

export function listEntityTags<In>(
  name: string,
  read: (input: In) => { readonly entity: string; readonly marker: string | undefined; readonly maxItems: number | undefined },
  find: (tx: ReadTx, entity: string) => Promise<string>,
): IamOperation<In, TagsPage> {
  return {
    name,
    action: `iam:${name}`,
    async run(input, cx) {
      const { entity, marker, maxItems } = read(input);
      const tags = await cx.ports.storage.read(async (tx) => tx.iamTags(await find(tx, entity)));
      // Insertion order; the position is the index, zero-padded so that it sorts (≤ 50 tags).
      const indexed = sdkTags(tags).map((tag, i) => ({ tag, at: String(i).padStart(4, "0") }));
      const page = pageList(indexed, (t) => t.at, marker, maxItems);
      return {
        Tags: page.items.map((t) => t.tag),
        IsTruncated: page.IsTruncated,
        ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
      };
    },
  };
}
