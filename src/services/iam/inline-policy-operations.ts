import { inlinePolicySizeExceeded, noSuchInlinePolicy, type IamEntityKind } from "../../errors/iam-errors.js";
import type { IamOperation, NoOutput } from "./iam-operation.js";
import { requireOwner } from "./lookups.js";
import { cutPage, markerPosition, pageSize } from "./marker.js";
import { checkPolicyDocument } from "./policy-document.js";
import { INLINE_POLICY_QUOTA, policySize } from "./policy-size.js";

/*
 * Put/Get/Delete/List{User,Role,Group}Policy share one shape (iam-sts.md §7): the owner is named by
 * UserName / RoleName / GroupName; inline policy names are case-insensitive, and a re-put under
 * another spelling replaces the policy and renames it.
 */

const KIND = { user: "User", role: "Role", group: "Group" } as const;

export interface InlinePolicyInput {
  readonly owner: string;
  readonly policyName: string;
}

export function putInlinePolicy<In>(
  kind: IamEntityKind,
  read: (input: In) => InlinePolicyInput & { readonly document: string },
): IamOperation<In, NoOutput> {
  return {
    name: `Put${KIND[kind]}Policy`,
    action: `iam:Put${KIND[kind]}Policy`,
    async run(input, cx) {
      const { owner: ownerName, policyName, document } = read(input);
      checkPolicyDocument(document, "inline");
      await cx.ports.storage.write(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        // The quota counts every inline policy of the owner, the one being replaced excepted.
        const others = (await tx.inlinePolicies(owner.id)).filter((p) => p.name.toLowerCase() !== policyName.toLowerCase());
        const total = others.reduce((sum, p) => sum + policySize(p.document), policySize(document));
        if (total > INLINE_POLICY_QUOTA[kind]) throw inlinePolicySizeExceeded(kind, owner.name, INLINE_POLICY_QUOTA[kind]);
        await tx.putInlinePolicy(owner.id, { name: policyName, document });
      });
      return {};
    },
  };
}

export function getInlinePolicy<In, Out>(
  kind: IamEntityKind,
  read: (input: In) => InlinePolicyInput,
  output: (ownerName: string, policyName: string, document: string) => Out,
): IamOperation<In, Out> {
  return {
    name: `Get${KIND[kind]}Policy`,
    action: `iam:Get${KIND[kind]}Policy`,
    async run(input, cx) {
      const { owner: ownerName, policyName } = read(input);
      return cx.ports.storage.read(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        const policy = await tx.inlinePolicy(owner.id, policyName);
        if (policy === undefined) throw noSuchInlinePolicy(kind, policyName);
        return output(owner.name, policy.name, policy.document);
      });
    },
  };
}

export function deleteInlinePolicy<In>(kind: IamEntityKind, read: (input: In) => InlinePolicyInput): IamOperation<In, NoOutput> {
  return {
    name: `Delete${KIND[kind]}Policy`,
    action: `iam:Delete${KIND[kind]}Policy`,
    async run(input, cx) {
      const { owner: ownerName, policyName } = read(input);
      await cx.ports.storage.write(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        if (!(await tx.deleteInlinePolicy(owner.id, policyName))) throw noSuchInlinePolicy(kind, policyName);
      });
      return {};
    },
  };
}

export interface ListInlineInput {
  readonly owner: string;
  readonly marker: string | undefined;
  readonly maxItems: number | undefined;
}

export interface PolicyNamesPage {
  PolicyNames: string[];
  IsTruncated: boolean;
  Marker?: string;
}

export function listInlinePolicies<In>(kind: IamEntityKind, read: (input: In) => ListInlineInput): IamOperation<In, PolicyNamesPage> {
  return {
    name: `List${KIND[kind]}Policies`,
    action: `iam:List${KIND[kind]}Policies`,
    async run(input, cx) {
      const { owner: ownerName, marker, maxItems } = read(input);
      const after = markerPosition(marker);
      const limit = pageSize(maxItems);
      const rows = await cx.ports.storage.read(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        return tx.listInlinePolicies(owner.id, { limit: limit + 1, ...(after === undefined ? {} : { after }) });
      });
      const page = cutPage(rows, limit);
      return {
        PolicyNames: page.items.map((p) => p.name),
        IsTruncated: page.IsTruncated,
        ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
      };
    },
  };
}
