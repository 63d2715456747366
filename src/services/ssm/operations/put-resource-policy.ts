import { createHash } from "node:crypto";
import type { PutResourcePolicyRequest, PutResourcePolicyResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import {
  resourcePolicyAwsManagedKey,
  resourcePolicyConflict,
  resourcePolicyLimitExceeded,
  resourcePolicyNotFound,
  resourcePolicyRequiresAdvancedTier,
} from "../../../errors/ssm-errors.js";
import { assertResourcePolicyDocument } from "../domain/resource-policy-document.js";
import { policyTarget, policyTargetKey, usesAwsManagedKey } from "../policy-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/** Resource policies per parameter (ours: AWS documents no number for parameters, §4.13). */
export const MAX_RESOURCE_POLICIES_PER_PARAMETER = 10;

/**
 * Shares a parameter by attaching a resource policy (ssm-parameter-store.md §4.13). Without
 * `PolicyId` it adds a policy; with `PolicyId` and that policy's current `PolicyHash` it replaces
 * it. Only Advanced parameters can be shared, and a SecureString only under a customer managed key.
 */
export const PutResourcePolicy: Operation<Validated<PutResourcePolicyRequest, "ResourceArn" | "Policy">, WireShape<PutResourcePolicyResponse>> = {
  name: "PutResourcePolicy",
  action: "ssm:PutResourcePolicy",
  access: (input, cx) => [
    parameterRequest("ssm:PutResourcePolicy", policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId }), cx),
  ],
  async run(input, cx) {
    const key = policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId });
    assertResourcePolicyDocument(input.Policy);
    const policyId = input.PolicyId ?? cx.ports.random.uuid();
    // Salted, so the hash changes on every write even when the text does not: a stale hash must lose.
    const policyHash = createHash("sha256").update(cx.ports.random.bytes(16)).update(input.Policy).digest("hex");
    await cx.ports.storage.write(async (tx) => {
      const target = await policyTarget(tx, cx.region, key, input.ResourceArn);
      if (target.tier !== "Advanced") throw resourcePolicyRequiresAdvancedTier();
      if (await usesAwsManagedKey(tx, target)) throw resourcePolicyAwsManagedKey();
      const existing = await tx.resourcePolicies(cx.region, key);
      if (input.PolicyId !== undefined) {
        const current = existing.find((p) => p.policyId === input.PolicyId);
        if (current === undefined) throw resourcePolicyNotFound(input.PolicyId);
        if (input.PolicyHash !== current.policyHash) throw resourcePolicyConflict();
      } else if (existing.length >= MAX_RESOURCE_POLICIES_PER_PARAMETER) {
        throw resourcePolicyLimitExceeded(MAX_RESOURCE_POLICIES_PER_PARAMETER);
      }
      await tx.putResourcePolicy({ region: cx.region, key, policyId, policyHash, policy: input.Policy });
    });
    return { PolicyId: policyId, PolicyHash: policyHash };
  },
};
