import type { GetPolicyVersionRequest, GetPolicyVersionResponse } from "@aws-sdk/client-iam";
import { policyVersionNotFound } from "../../../errors/iam-errors.js";
import type { IamOperation, Validated } from "../iam-operation.js";
import { existingPolicy } from "../managed-policy-ref.js";
import { versionId, versionNumber } from "../views.js";

/** §9.2: one version with its document as stored. */
export const GetPolicyVersion: IamOperation<Validated<GetPolicyVersionRequest, "PolicyArn" | "VersionId">, GetPolicyVersionResponse> = {
  name: "GetPolicyVersion",
  action: "iam:GetPolicyVersion",
  async run(input, cx) {
    const number = versionNumber(input.VersionId);
    return cx.ports.storage.read(async (tx) => {
      const found = await existingPolicy(tx, input.PolicyArn);
      if ("aws" in found) {
        if (number !== found.aws.version) throw policyVersionNotFound(input.PolicyArn, input.VersionId);
        const { document, createDate } = found.aws;
        return { PolicyVersion: { Document: document, VersionId: input.VersionId, IsDefaultVersion: true, CreateDate: new Date(createDate) } };
      }
      const version = number === undefined ? undefined : await tx.policyVersion(found.local.arn, number);
      if (version === undefined) throw policyVersionNotFound(input.PolicyArn, input.VersionId);
      return {
        PolicyVersion: {
          Document: version.document,
          VersionId: versionId(version.version),
          IsDefaultVersion: version.version === found.local.defaultVersion,
          CreateDate: new Date(version.createDate),
        },
      };
    });
  },
};
