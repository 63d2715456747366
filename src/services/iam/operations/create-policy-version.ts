import type { CreatePolicyVersionRequest, CreatePolicyVersionResponse } from "@aws-sdk/client-iam";
import { policyNotFound, policyVersionsExceeded } from "../../../errors/iam-errors.js";
import { iamNow, type IamOperation, type Validated } from "../iam-operation.js";
import { checkManagedPolicyDocument } from "../managed-policy-document.js";
import { ownPolicy } from "../managed-policy-ref.js";
import { versionId } from "../views.js";

/** Versions per managed policy [botocore model docs]. */
export const MAX_POLICY_VERSIONS = 5;

/** §9.2: the next version number (never reused), the default if SetAsDefault. */
export const CreatePolicyVersion: IamOperation<Validated<CreatePolicyVersionRequest, "PolicyArn" | "PolicyDocument">, CreatePolicyVersionResponse> = {
  name: "CreatePolicyVersion",
  action: "iam:CreatePolicyVersion",
  async run(input, cx) {
    checkManagedPolicyDocument(input.PolicyDocument);
    const setAsDefault = input.SetAsDefault === true;
    const at = iamNow(cx);
    const version = await cx.ports.storage.write(async (tx) => {
      const policy = await ownPolicy(tx, input.PolicyArn);
      if ((await tx.policyVersions(policy.arn)).length >= MAX_POLICY_VERSIONS) throw policyVersionsExceeded();
      const added = await tx.addPolicyVersion(policy.arn, input.PolicyDocument, at, setAsDefault);
      if (added === undefined) throw policyNotFound(input.PolicyArn);
      return added;
    });
    return { PolicyVersion: { VersionId: versionId(version), IsDefaultVersion: setAsDefault, CreateDate: new Date(at) } };
  },
};
