import type { GetPolicyRequest, GetPolicyResponse } from "@aws-sdk/client-iam";
import { awsManagedPolicyView } from "../aws-managed-policies.js";
import type { IamOperation, Validated } from "../iam-operation.js";
import { existingPolicy } from "../managed-policy-ref.js";
import { policyView } from "../views.js";

/** §9.1: a customer or AWS managed policy, with its description and attachment count. */
export const GetPolicy: IamOperation<Validated<GetPolicyRequest, "PolicyArn">, GetPolicyResponse> = {
  name: "GetPolicy",
  action: "iam:GetPolicy",
  async run(input, cx) {
    return cx.ports.storage.read(async (tx) => {
      const found = await existingPolicy(tx, input.PolicyArn);
      const count = await tx.attachmentCount(input.PolicyArn);
      if ("aws" in found) return { Policy: awsManagedPolicyView(found.aws, count, true) };
      const tags = await tx.iamTags(found.local.policyId);
      return { Policy: policyView(found.local, count, { description: true, tags }) };
    });
  },
};
