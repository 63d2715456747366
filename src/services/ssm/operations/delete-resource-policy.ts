import type { DeleteResourcePolicyRequest, DeleteResourcePolicyResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { resourcePolicyConflict, resourcePolicyNotFound } from "../../../errors/ssm-errors.js";
import { policyTarget, policyTargetKey } from "../policy-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/** Stops sharing: removes one policy, named by id and its current hash (ssm-parameter-store.md §4.13). */
export const DeleteResourcePolicy: Operation<
  Validated<DeleteResourcePolicyRequest, "ResourceArn" | "PolicyId" | "PolicyHash">,
  WireShape<DeleteResourcePolicyResponse>
> = {
  name: "DeleteResourcePolicy",
  action: "ssm:DeleteResourcePolicy",
  access: (input, cx) => [
    parameterRequest("ssm:DeleteResourcePolicy", policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId }), cx),
  ],
  async run(input, cx) {
    const key = policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId });
    await cx.ports.storage.write(async (tx) => {
      await policyTarget(tx, cx.region, key, input.ResourceArn);
      const current = (await tx.resourcePolicies(cx.region, key)).find((p) => p.policyId === input.PolicyId);
      if (current === undefined) throw resourcePolicyNotFound(input.PolicyId);
      if (current.policyHash !== input.PolicyHash) throw resourcePolicyConflict();
      await tx.deleteResourcePolicy(cx.region, key, input.PolicyId);
    });
    return {};
  },
};
