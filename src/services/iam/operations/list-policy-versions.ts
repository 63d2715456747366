import type { ListPolicyVersionsRequest, ListPolicyVersionsResponse, PolicyVersion } from "@aws-sdk/client-iam";
import type { IamOperation, Validated } from "../iam-operation.js";
import { existingPolicy } from "../managed-policy-ref.js";
import { pageList } from "../marker.js";
import { versionId } from "../views.js";

/** §9.2: every version without its document, oldest first (at most 5). */
export const ListPolicyVersions: IamOperation<Validated<ListPolicyVersionsRequest, "PolicyArn">, ListPolicyVersionsResponse> = {
  name: "ListPolicyVersions",
  action: "iam:ListPolicyVersions",
  async run(input, cx) {
    const versions = await cx.ports.storage.read(async (tx): Promise<{ n: number; view: PolicyVersion }[]> => {
      const found = await existingPolicy(tx, input.PolicyArn);
      if ("aws" in found) {
        const view = { VersionId: versionId(found.aws.version), IsDefaultVersion: true, CreateDate: new Date(found.aws.createDate) };
        return [{ n: found.aws.version, view }];
      }
      const { defaultVersion } = found.local;
      return (await tx.policyVersions(found.local.arn)).map((v) => ({
        n: v.version,
        view: { VersionId: versionId(v.version), IsDefaultVersion: v.version === defaultVersion, CreateDate: new Date(v.createDate) },
      }));
    });
    const page = pageList(versions, (v) => String(v.n).padStart(10, "0"), input.Marker, input.MaxItems);
    return {
      Versions: page.items.map((v) => v.view),
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
