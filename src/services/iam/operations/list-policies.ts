import type { ListPoliciesRequest, ListPoliciesResponse, Policy } from "@aws-sdk/client-iam";
import type { Positioned } from "../../../storage/iam-ports.js";
import { AWS_MANAGED_POLICIES, awsManagedPolicyView } from "../aws-managed-policies.js";
import type { IamOperation } from "../iam-operation.js";
import { cutPage, markerPosition, pageSize } from "../marker.js";
import { policyView } from "../views.js";

/*
 * §9.1: the account's policies (Local), the AWS managed catalogue (AWS), or both merged by name
 * (All). A position is `<folded name>\u0000<0 local | 1 AWS>`: a customer policy sorts before an AWS
 * one of the same name, so resuming after either is a plain "greater than".
 */
const LOCAL = "0";
const AWS = "1";

export const ListPolicies: IamOperation<ListPoliciesRequest, ListPoliciesResponse> = {
  name: "ListPolicies",
  action: "iam:ListPolicies",
  async run(input, cx) {
    const scope = input.Scope ?? "All";
    const onlyAttached = input.OnlyAttached === true;
    // Boundary usage is not recorded here: no policy is in use as a permissions boundary.
    const boundaryOnly = input.PolicyUsageFilter === "PermissionsBoundary";
    const pathPrefix = input.PathPrefix ?? "/";
    const limit = pageSize(input.MaxItems);
    const after = markerPosition(input.Marker);
    const afterName = after?.split("\u0000")[0];

    const rows = await cx.ports.storage.read(async (tx) => {
      const found: Positioned<Policy>[] = [];
      if (scope !== "AWS" && !(boundaryOnly && onlyAttached)) {
        const local = await tx.listManagedPolicies({
          limit: limit + 1,
          pathPrefix,
          onlyAttached,
          ...(afterName === undefined ? {} : { after: afterName }),
        });
        for (const { position, record } of local) {
          found.push({ position: `${position}\u0000${LOCAL}`, record: policyView(record, record.attachmentCount) });
        }
      }
      if (scope !== "Local" && !(boundaryOnly && onlyAttached)) {
        for (const policy of AWS_MANAGED_POLICIES) {
          const position = `${policy.name.toLowerCase()}\u0000${AWS}`;
          if (!policy.path.startsWith(pathPrefix) || (after !== undefined && position <= after)) continue;
          const count = await tx.attachmentCount(policy.arn);
          if (onlyAttached && count === 0) continue;
          found.push({ position, record: awsManagedPolicyView(policy, count, false) });
        }
      }
      return found.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    });
    const page = cutPage(rows.slice(0, limit + 1), limit);
    return {
      Policies: page.items,
      IsTruncated: page.IsTruncated,
      ...(page.Marker === undefined ? {} : { Marker: page.Marker }),
    };
  },
};
