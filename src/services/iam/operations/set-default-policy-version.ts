import type { SetDefaultPolicyVersionRequest } from "@aws-sdk/client-iam";
import { policyVersionNotFound } from "../../../errors/iam-errors.js";
import { iamNow, type IamOperation, type NoOutput, type Validated } from "../iam-operation.js";
import { ownPolicy } from "../managed-policy-ref.js";
import { versionNumber } from "../views.js";

/** §9.2: evaluation uses the default version from the next request on. */
export const SetDefaultPolicyVersion: IamOperation<Validated<SetDefaultPolicyVersionRequest, "PolicyArn" | "VersionId">, NoOutput> = {
  name: "SetDefaultPolicyVersion",
  action: "iam:SetDefaultPolicyVersion",
  async run(input, cx) {
    const number = versionNumber(input.VersionId);
    const at = iamNow(cx);
    await cx.ports.storage.write(async (tx) => {
      const policy = await ownPolicy(tx, input.PolicyArn);
      if (number === undefined || !(await tx.setDefaultPolicyVersion(policy.arn, number, at))) {
        throw policyVersionNotFound(input.PolicyArn, input.VersionId);
      }
    });
    return {};
  },
};
