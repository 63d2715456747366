import type { Policy } from "@aws-sdk/client-iam";

/**
 * A read-only catalogue of AWS managed policies (`arn:aws:iam::aws:policy/…`) that accounts here can
 * attach. Only policies whose document, id, version and dates could be confirmed against AWS's
 * published ones (AWS Managed Policy Reference; moto's snapshot of AWS's catalogue) are listed.
 */
export interface AwsManagedPolicy {
  readonly name: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly description: string;
  readonly version: number;
  readonly createDate: string;
  readonly updateDate: string;
  readonly document: string;
}

const catalogue = (
  name: string,
  policyId: string,
  description: string,
  createDate: string,
  document: unknown,
): AwsManagedPolicy => ({
  name,
  policyId,
  arn: `arn:aws:iam::aws:policy/${name}`,
  path: "/",
  description,
  version: 1,
  createDate,
  updateDate: createDate,
  document: JSON.stringify(document, null, 4),
});

/** In name order (ListPolicies merges them with the account's own policies by name). */
export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  catalogue("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "Provides full access to AWS services and resources.", "2015-02-06T18:39:46Z", {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
  }),
  catalogue("AmazonSSMReadOnlyAccess", "ANPAJODSKQGGJTHRYZ5FC", "Provides read only access to Amazon SSM.", "2015-05-29T17:44:19Z", {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["ssm:Describe*", "ssm:Get*", "ssm:List*"], Resource: "*" }],
  }),
];

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return BY_ARN.get(arn);
}

export function awsManagedPolicyView(policy: AwsManagedPolicy, attachmentCount: number, withDescription: boolean): Policy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: `v${policy.version}`,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(withDescription ? { Description: policy.description } : {}),
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
  };
}
