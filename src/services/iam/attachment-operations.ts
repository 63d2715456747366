import type { AttachedPolicy } from "@aws-sdk/client-iam";
import { invalidArn, policyNotFound, quotaExceeded, type IamEntityKind } from "../../errors/iam-errors.js";
import { isArn, parsePolicyArn } from "./arns.js";
import type { IamOperation, NoOutput } from "./iam-operation.js";
import { requireOwner } from "./lookups.js";
import { attachablePolicy } from "./managed-policy-ref.js";
import { pageList } from "./marker.js";

/*
 * Attach/Detach/ListAttached{User,Role,Group}Policies (iam-sts.md §9.3). At most 10 managed policies
 * per owner [AWS docs quotas]; attaching twice is a no-op.
 */

const KIND = { user: "User", role: "Role", group: "Group" } as const;
export const MAX_ATTACHED_POLICIES = 10;

export interface AttachmentInput {
  readonly owner: string;
  readonly policyArn: string;
}

export function attachPolicy<In>(kind: IamEntityKind, read: (input: In) => AttachmentInput): IamOperation<In, NoOutput> {
  return {
    name: `Attach${KIND[kind]}Policy`,
    action: `iam:Attach${KIND[kind]}Policy`,
    async run(input, cx) {
      const { owner: ownerName, policyArn } = read(input);
      if (!isArn(policyArn)) throw invalidArn();
      await cx.ports.storage.write(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        await attachablePolicy(tx, policyArn);
        const attached = await tx.attachedPolicies(owner.id);
        if (attached.includes(policyArn)) return;
        if (attached.length >= MAX_ATTACHED_POLICIES) throw quotaExceeded(`PoliciesPer${KIND[kind]}`, MAX_ATTACHED_POLICIES);
        await tx.attachPolicy(owner.id, policyArn);
      });
      return {};
    },
  };
}

export function detachPolicy<In>(kind: IamEntityKind, read: (input: In) => AttachmentInput): IamOperation<In, NoOutput> {
  return {
    name: `Detach${KIND[kind]}Policy`,
    action: `iam:Detach${KIND[kind]}Policy`,
    async run(input, cx) {
      const { owner: ownerName, policyArn } = read(input);
      if (!isArn(policyArn)) throw invalidArn();
      await cx.ports.storage.write(async (tx) => {
        const owner = await requireOwner(tx, kind, ownerName);
        if (!(await tx.detachPolicy(owner.id, policyArn))) throw policyNotFound(policyArn);
      });
      return {};
    },
  };
}

export interface ListAttachedInput {
  readonly owner: string;
  readonly pathPrefix: string | undefined;
  readonly marker: string | undefined;
  readonly maxItems: number | undefined;
}

export interface AttachedPoliciesPage {
  AttachedPolicies: AttachedPolicy[];
  IsTruncated: boolean;
  Marker?: string;
}

export function listAttachedPolicies<In>(kind: IamEntityKind, read: (input: In) => ListAttachedInput): IamOperation<In, AttachedPoliciesPage> {
  return {
    name: `ListAttached${KIND[kind]}Policies`,
    action: `iam:ListAttached${KIND[kind]}Policies`,
    async run(input, cx) {
      const { owner: ownerName, pathPrefix, marker, maxItems } = read(input);
      const arns = await cx.ports.storage.read(async (tx) => tx.attachedPolicies((await requireOwner(tx, kind, ownerName)).id));
      // At most 10 by quota: filtering and paging in memory costs nothing.
      const attached = arns.flatMap((arn) => {
        const parts = parsePolicyArn(arn);
        if (parts === undefined || (pathPrefix !== undefined && !parts.path.startsWith(pathPrefix))) return [];
        return [{ PolicyName: parts.name, PolicyArn: arn }];
      });
      const page = pageList(attached, (p) => p.PolicyArn, marker, maxItems);
      return {
        AttachedPolicies: page.items,
        IsTruncated: page.IsTruncated,
        ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
      };
    },
  };
}
