import type { UpdateAssumeRolePolicyRequest } from "@aws-sdk/client-iam";
import type { IamOperation, NoOutput, Validated } from "../iam-operation.js";
import { requireRole } from "../lookups.js";
import { checkTrustPolicy } from "../trust-policy.js";
import { trustPrincipals } from "../trust-principals.js";

/** §8.2: replaces the trust policy (verbatim) and the unique ids it names. */
export const UpdateAssumeRolePolicy: IamOperation<Validated<UpdateAssumeRolePolicyRequest, "RoleName" | "PolicyDocument">, NoOutput> = {
  name: "UpdateAssumeRolePolicy",
  action: "iam:UpdateAssumeRolePolicy",
  async run(input, cx) {
    checkTrustPolicy(input.PolicyDocument);
    await cx.ports.storage.write(async (tx) => {
      const role = await requireRole(tx, input.RoleName);
      const principals = await trustPrincipals(tx, input.PolicyDocument, cx);
      await tx.updateIamRole(role.roleId, { trustPolicy: input.PolicyDocument, trustPrincipals: principals });
    });
    return {};
  },
};
