import type { DeletePolicyVersionRequest } from "@aws-sdk/client-iam";
import { defaultVersionDelete, policyVersionNotFound } from "../../../errors/iam-errors.js";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { ownPolicy } from "../managed-policy-ref.js";
import { versionNumber } from "../views.js";

/** §9.2: any version but the default. */
export const DeletePolicyVersion: IamOperation<Validated<DeletePolicyVersionRequest, "PolicyArn" | "VersionId">, NoOutput> = {
  name: "DeletePolicyVersion",
  action: "iam:DeletePolicyVersion",
  async run(input, cx) {
    const number = versionNumber(input.VersionId);
    await cx.ports.storage.write(async (tx) => {
      const policy = await ownPolicy(tx, input.PolicyArn);
      if (number === undefined || (await tx.policyVersion(policy.arn, number)) === undefined) {
        throw policyVersionNotFound(input.PolicyArn, input.VersionId);
      }
      if (number === policy.defaultVersion) throw defaultVersionDelete();
      await tx.deletePolicyVersion(policy.arn, number);
    });
    return {};
  },
};
