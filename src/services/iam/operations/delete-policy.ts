import type { DeletePolicyRequest } from "@aws-sdk/client-iam";
import { policyAttached, policyHasVersions } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { ownPolicy } from "../managed-policy-ref.js";

/** §9.1: refused while attached, or while versions other than the default remain. */
export const DeletePolicy: IamOperation<Validated<DeletePolicyRequest, "PolicyArn">, NoOutput> = {
  name: "DeletePolicy",
  action: "iam:DeletePolicy",
  async run(input, cx) {
    await cx.ports.storage.write(async (tx) => {
      const policy = await ownPolicy(tx, input.PolicyArn);
      if ((await tx.attachmentCount(policy.arn)) > 0) throw policyAttached();
      if ((await tx.policyVersions(policy.arn)).length > 1) throw policyHasVersions();
      await tx.deleteManagedPolicy(policy.arn);
    });
    return {};
  },
};
