import type { CreatePolicyRequest, CreatePolicyResponse } from "@aws-sdk/client-iam";
import { policyAlreadyExists } from "../../../errors/iam-errors.js";
import type { ManagedPolicyRecord } from "../../../storage/iam-ports.js";
import { iamArn } from "../arns.js";
import { iamNow, type IamOperation, type Validated } from "../iam-operation.js";
import { newUniqueId } from "../ids.js";
import { checkManagedPolicyDocument } from "../managed-policy-document.js";
import { requestTags } from "../tags.js";
import { policyView } from "../views.js";

/** §9.1: a customer managed policy with version v1 as its default; names unique case-insensitively. */
export const CreatePolicy: IamOperation<Validated<CreatePolicyRequest, "PolicyName" | "PolicyDocument">, CreatePolicyResponse> = {
  name: "CreatePolicy",
  action: "iam:CreatePolicy",
  async run(input, cx) {
    checkManagedPolicyDocument(input.PolicyDocument);
    const tags = requestTags(input.Tags);
    const path = input.Path ?? "/";
    const now = iamNow(cx);
    const policy: ManagedPolicyRecord = {
      arn: iamArn(cx, "policy", path, input.PolicyName),
      policyId: newUniqueId(cx.ports.random, "ANPA"),
      name: input.PolicyName,
      path,
      ...(input.Description === undefined ? {} : { description: input.Description }),
      createDate: now,
      updateDate: now,
      defaultVersion: 1,
      lastVersion: 1,
    };
    await cx.ports.storage.write(async (tx) => {
      if (!(await tx.insertManagedPolicy(policy, input.PolicyDocument, tags))) throw policyAlreadyExists(input.PolicyName);
    });
    return { Policy: policyView(policy, 0, { tags }) };
  },
};
