import type { GetResourcePoliciesRequest, GetResourcePoliciesResponse } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { invalidResourcePolicyNextToken } from "../../../errors/ssm-errors.js";
import { MAX_RESULTS_GET_RESOURCE_POLICIES } from "../domain/limits.js";
import { decodeKeyToken, encodeNextToken, type TokenQuery } from "../domain/next-token.js";
import { policyTarget, policyTargetKey } from "../policy-target.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/**
 * The parameter's resource policies, by policy id, paged (ssm-parameter-store.md §4.13). The model
 * gives no default page size; we use the maximum, 50.
 */
export const GetResourcePolicies: Operation<Validated<GetResourcePoliciesRequest, "ResourceArn">, WireShape<GetResourcePoliciesResponse>> = {
  name: "GetResourcePolicies",
  action: "ssm:GetResourcePolicies",
  access: (input, cx) => [
    parameterRequest("ssm:GetResourcePolicies", policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId }), cx),
  ],
  async run(input, cx) {
    const key = policyTargetKey(input.ResourceArn, { partition: cx.partition, region: cx.region, account: cx.accountId });
    const query: TokenQuery = { operation: "GetResourcePolicies", members: { region: cx.region, key } };
    const afterId = input.NextToken === undefined ? undefined : decodeToken(cx.ports.tokenKey, query, input.NextToken);
    const pageSize = input.MaxResults ?? MAX_RESULTS_GET_RESOURCE_POLICIES;
    const policies = await cx.ports.storage.read(async (tx) => {
      await policyTarget(tx, cx.region, key, input.ResourceArn);
      return tx.resourcePolicies(cx.region, key);
    });
    const rest = policies
      .filter((p) => afterId === undefined || p.policyId > afterId)
      .sort((a, b) => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0));
    const page = rest.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      Policies: page.map((p) => ({ PolicyId: p.policyId, PolicyHash: p.policyHash, Policy: p.policy })),
      ...(rest.length > pageSize && last !== undefined ? { NextToken: encodeNextToken(cx.ports.tokenKey, query, last.policyId) } : {}),
    };
  },
};

/** The model lists no InvalidNextToken for this operation: a bad token is an invalid parameter. */
function decodeToken(macKey: Buffer, query: TokenQuery, token: string): string {
  try {
    return decodeKeyToken(macKey, query, token);
  } catch {
    throw invalidResourcePolicyNextToken(token);
  }
}
