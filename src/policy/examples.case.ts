// iam-policy-evaluation.md §9, every worked example, row by row. Messages are checked where the
// example quotes one (`message`).
import { ACCOUNT, bob, type EvalCase, KEY_ARN, param, ROLE_ARN, session, viaSsm, AWS_SSM_KEY_POLICY } from "./policy-fixtures.case.js";

export interface ExampleCase extends EvalCase {
  readonly message?: string;
}

const example1 = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParametersByPath"], Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/*" }],
};

const example2 = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "ssm:*", Resource: "*" },
    { Effect: "Deny", Action: "ssm:GetParameter*", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/secrets/*" },
  ],
};

const example3 = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/teams/${aws:PrincipalTag/team}/*" },
    {
      Effect: "Allow",
      Action: "ssm:PutParameter",
      Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/*",
      Condition: { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "owner"] } },
    },
  ],
};

const example4 = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "ssm:*", Resource: "*" },
    { Effect: "Deny", NotAction: ["ssm:Get*", "ssm:Describe*", "ssm:List*"], Resource: "*" },
  ],
};

const example5 = (operator: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Condition: { [operator]: { "aws:ResourceTag/release": "v?.*" } } }],
});

const example6KeyPolicy = {
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [
    { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
    {
      Sid: "Reader role",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:role/app-reader" },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" },
        StringLike: { "kms:EncryptionContext:PARAMETER_ARN": "arn:aws:ssm:us-east-1:123456789012:parameter/app/*" },
      },
    },
  ],
};
const appReaderIdentity = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/app/*" }] };

const example7 = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "ssm:PutParameter", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/*" },
    { Effect: "Deny", Action: "ssm:PutParameter", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/*", Condition: { StringEquals: { "ssm:Overwrite": ["true"] } } },
  ],
};

const example8 = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "ssm:*", Resource: "*" },
    { Effect: "Deny", Action: "ssm:*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/clearance": "high" } } },
  ],
};
const example8IfExists = { ...example8, Statement: [example8.Statement[0], { ...example8.Statement[1], Condition: { StringNotEqualsIfExists: { "aws:PrincipalTag/clearance": "high" } } }] };

const ALICE = "arn:aws:iam::123456789012:user/alice";

export const EXAMPLE_CASES: readonly ExampleCase[] = [
  // Example 1 — Allow by path wildcard.
  { name: "Ex1: GetParameter /app/prod/db/password is allowed (* spans /)", identity: [example1], action: "ssm:GetParameter", resource: param("app/prod/db/password"), expect: "allow" },
  {
    name: "Ex1: GetParameter /app/dev/db/password is an implicit deny",
    identity: [example1],
    action: "ssm:GetParameter",
    resource: param("app/dev/db/password"),
    expect: "no-identity-allow",
    message: `User: ${ALICE} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/dev/db/password because no identity-based policy allows the ssm:GetParameter action`,
  },
  { name: "Ex1: GetParametersByPath /app/prod is an implicit deny (no trailing /)", identity: [example1], action: "ssm:GetParametersByPath", resource: param("app/prod"), expect: "no-identity-allow" },
  { name: "Ex1: GetParameters is a different action", identity: [example1], action: "ssm:GetParameters", resource: param("app/prod/a"), expect: "no-identity-allow" },
  // Example 2 — Deny overrides Allow.
  {
    name: "Ex2: GetParameter /app/prod/secrets/stripe is an explicit deny",
    identity: [example2],
    action: "ssm:GetParameter",
    resource: param("app/prod/secrets/stripe"),
    expect: "explicit-deny-identity",
    decidedBy: { policy: "identity[0]", index: 1 },
    message: `User: ${ALICE} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/secrets/stripe with an explicit deny in an identity-based policy`,
  },
  { name: "Ex2: GetParameter /app/prod/config is allowed", identity: [example2], action: "ssm:GetParameter", resource: param("app/prod/config"), expect: "allow" },
  { name: "Ex2: GetParametersByPath /app/prod is allowed (path authorisation)", identity: [example2], action: "ssm:GetParametersByPath", resource: param("app/prod"), context: { "ssm:Recursive": "true" }, expect: "allow" },
  // Example 3 — PrincipalTag condition and policy variable (alice has team=payments).
  { name: "Ex3: alice GetParameter /teams/payments/key is allowed", identity: [example3], action: "ssm:GetParameter", resource: param("teams/payments/key"), expect: "allow" },
  { name: "Ex3: alice GetParameter /teams/search/key is denied", identity: [example3], action: "ssm:GetParameter", resource: param("teams/search/key"), expect: "no-identity-allow" },
  { name: "Ex3: a user without a team tag: the Resource cannot resolve", principal: bob, identity: [example3], action: "ssm:GetParameter", resource: param("teams/payments/key"), expect: "no-identity-allow" },
  { name: "Ex3: PutParameter with Tags team=payments is allowed", identity: [example3], action: "ssm:PutParameter", resource: param("x"), context: { "aws:RequestTag/team": "payments", "aws:TagKeys": ["team"] }, expect: "allow" },
  { name: "Ex3: PutParameter with Tags team=search is denied", identity: [example3], action: "ssm:PutParameter", resource: param("x"), context: { "aws:RequestTag/team": "search", "aws:TagKeys": ["team"] }, expect: "no-identity-allow" },
  { name: "Ex3: PutParameter without tags is denied (StringEquals on an absent key)", identity: [example3], action: "ssm:PutParameter", resource: param("x"), expect: "no-identity-allow" },
  { name: "Ex3: PutParameter with an extra tag key outside [team, owner] is denied", identity: [example3], action: "ssm:PutParameter", resource: param("x"), context: { "aws:RequestTag/team": "payments", "aws:RequestTag/env": "prod", "aws:TagKeys": ["team", "env"] }, expect: "no-identity-allow" },
  // Example 4 — NotAction.
  { name: "Ex4: GetParameter is allowed", identity: [example4], action: "ssm:GetParameter", resource: param("a"), expect: "allow" },
  { name: "Ex4: DescribeParameters is allowed", identity: [example4], action: "ssm:DescribeParameters", resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:*`, expect: "allow" },
  { name: "Ex4: ListTagsForResource is allowed", identity: [example4], action: "ssm:ListTagsForResource", resource: param("a"), expect: "allow" },
  { name: "Ex4: PutParameter is an explicit deny", identity: [example4], action: "ssm:PutParameter", resource: param("a"), expect: "explicit-deny-identity" },
  { name: "Ex4: kms:Decrypt under a customer key is denied too, despite a kms Allow", identity: [example4, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }], mode: "kms-key", resourcePolicy: example6KeyPolicy, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("a"), expect: "explicit-deny-identity" },
  { name: "Ex4: decrypting under aws/ssm is blocked by the same explicit deny", identity: [example4], mode: "kms-key", resourcePolicy: AWS_SSM_KEY_POLICY, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("a"), expect: "explicit-deny-identity" },
  { name: "Ex4 contrast: Allow NotAction ssm:DeleteParameter* allows IAM actions", identity: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "ssm:DeleteParameter*", Resource: "*" }] }], action: "iam:DeleteUser", resource: `arn:aws:iam::${ACCOUNT}:user/bob`, expect: "allow" },
  // Example 5 — StringLike with ?.
  { name: "Ex5: release v1.4 is allowed", identity: [example5("StringLike")], action: "ssm:GetParameter", resource: param("a"), context: { "aws:ResourceTag/release": "v1.4" }, expect: "allow" },
  { name: "Ex5: release v1. is allowed (* may be empty)", identity: [example5("StringLike")], action: "ssm:GetParameter", resource: param("a"), context: { "aws:ResourceTag/release": "v1." }, expect: "allow" },
  { name: "Ex5: release v10.2 is denied", identity: [example5("StringLike")], action: "ssm:GetParameter", resource: param("a"), context: { "aws:ResourceTag/release": "v10.2" }, expect: "no-identity-allow" },
  { name: "Ex5: release V1.4 is denied (case-sensitive)", identity: [example5("StringLike")], action: "ssm:GetParameter", resource: param("a"), context: { "aws:ResourceTag/release": "V1.4" }, expect: "no-identity-allow" },
  { name: "Ex5: no release tag is denied", identity: [example5("StringLike")], action: "ssm:GetParameter", resource: param("a"), expect: "no-identity-allow" },
  { name: "Ex5: with StringLikeIfExists the untagged parameter is allowed", identity: [example5("StringLikeIfExists")], action: "ssm:GetParameter", resource: param("a"), expect: "allow" },
  // Example 6 — the key policy grants the role directly.
  { name: "Ex6: app-reader reads /app/db/pw through SSM: GetParameter allowed", principal: session, identity: [appReaderIdentity], action: "ssm:GetParameter", resource: param("app/db/pw"), expect: "allow" },
  { name: "Ex6: app-reader's kms:Decrypt through SSM is allowed by the key policy", principal: session, identity: [appReaderIdentity], mode: "kms-key", resourcePolicy: example6KeyPolicy, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("app/db/pw"), expect: "allow", decidedBy: { policy: "resource", index: 1, sid: "Reader role" } },
  {
    name: "Ex6: the same session calling Decrypt directly is refused",
    principal: session,
    identity: [appReaderIdentity],
    mode: "kms-key",
    resourcePolicy: example6KeyPolicy,
    action: "kms:Decrypt",
    resource: KEY_ARN,
    context: { "kms:CallerAccount": ACCOUNT },
    expect: "no-identity-allow",
    message: `User: arn:aws:sts::123456789012:assumed-role/app-reader/build-42 is not authorized to perform: kms:Decrypt on resource: ${KEY_ARN} because no identity-based policy allows the kms:Decrypt action`,
  },
  { name: "Ex6: a parameter outside /app/* is not covered by the role's key-policy statement", principal: session, identity: [appReaderIdentity], mode: "kms-key", resourcePolicy: example6KeyPolicy, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("other/pw"), expect: "no-identity-allow" },
  { name: "Ex6: alice with ssm:GetParameter on * but no KMS permission is refused by KMS", identity: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] }], mode: "kms-key", resourcePolicy: example6KeyPolicy, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("app/db/pw"), expect: "no-identity-allow" },
  { name: "Ex6: under alias/aws/ssm alice's read succeeds", identity: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] }], mode: "kms-key", resourcePolicy: AWS_SSM_KEY_POLICY, action: "kms:Decrypt", resource: KEY_ARN, context: viaSsm("app/db/pw"), expect: "allow" },
  { name: "Ex6: the role itself is named by ARN (aws:PrincipalArn is the role)", principal: session, mode: "kms-key", resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROLE_ARN }, Action: "kms:Decrypt", Resource: "*" }] }, action: "kms:Decrypt", resource: KEY_ARN, expect: "allow" },
  // Example 7 — ssm:Overwrite.
  { name: "Ex7: PutParameter of a new name without --overwrite is allowed", identity: [example7], action: "ssm:PutParameter", resource: param("new"), expect: "allow" },
  { name: "Ex7: PutParameter with Overwrite=true is an explicit deny", identity: [example7], action: "ssm:PutParameter", resource: param("new"), context: { "ssm:Overwrite": "true" }, expect: "explicit-deny-identity" },
  // Example 8 — negated operator on a missing key.
  { name: "Ex8: a principal without the clearance tag is denied", identity: [example8], action: "ssm:GetParameter", resource: param("a"), expect: "explicit-deny-identity" },
  { name: "Ex8: a principal with clearance=high is not denied", principal: { ...bob, tags: { clearance: "high" } }, identity: [example8], action: "ssm:GetParameter", resource: param("a"), expect: "allow" },
  // Ex8's last sentence says StringNotEqualsIfExists "would exempt untagged principals"; §5.2 (AWS docs
  // and capture) says …IfExists on an absent key is true, so the Deny still applies. §5.2 is followed.
  { name: "Ex8: StringNotEqualsIfExists on an absent tag is true, so the Deny still applies (§5.2)", identity: [example8IfExists], action: "ssm:GetParameter", resource: param("a"), expect: "explicit-deny-identity" },
  { name: "Ex8: StringNotEqualsIfExists with clearance=high does not deny", principal: { ...bob, tags: { clearance: "high" } }, identity: [example8IfExists], action: "ssm:GetParameter", resource: param("a"), expect: "allow" },
];
