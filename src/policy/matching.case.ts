// Action and resource matching (iam-policy-evaluation.md §2.1, §2.2), NotAction / NotResource, and
// policy variables in resources (§6). One identity policy on alice unless stated.
import { ACCOUNT, allow, bob, deny, doc, type EvalCase, param, root, session } from "./policy-fixtures.case.js";

const APP = param("app/x");

// §2.1 Actions: case-insensitive on prefix and name; `*` any run, `?` one character; an unknown
// action never matches; ssm:GetParameter* covers the four retrieval actions (SSM "Denying permissions").
const actions: EvalCase[] = [
  { name: "action match ignores case in the policy", identity: [doc(allow("SSM:getparameter", "*"))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "action match ignores case in the request", identity: [doc(allow("ssm:GetParameter", "*"))], action: "SSM:GETPARAMETER", resource: APP, expect: "allow" },
  { name: "ssm:GetParameter* covers GetParameter", identity: [doc(allow("ssm:GetParameter*", "*"))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "ssm:GetParameter* covers GetParameters", identity: [doc(allow("ssm:GetParameter*", "*"))], action: "ssm:GetParameters", resource: APP, expect: "allow" },
  { name: "ssm:GetParameter* covers GetParametersByPath", identity: [doc(allow("ssm:GetParameter*", "*"))], action: "ssm:GetParametersByPath", resource: param("app"), expect: "allow" },
  { name: "ssm:GetParameter* covers GetParameterHistory", identity: [doc(allow("ssm:GetParameter*", "*"))], action: "ssm:GetParameterHistory", resource: APP, expect: "allow" },
  { name: "ssm:GetParameter* does not cover PutParameter", identity: [doc(allow("ssm:GetParameter*", "*"))], action: "ssm:PutParameter", resource: APP, expect: "no-identity-allow" },
  { name: "ssm:GetParameter does not cover GetParameters (§8.1)", identity: [doc(allow("ssm:GetParameter", "*"))], action: "ssm:GetParameters", resource: APP, expect: "no-identity-allow" },
  { name: "* alone matches every action of every service", identity: [doc(allow("*", "*"))], action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/eve`, expect: "allow" },
  { name: "? matches exactly one character", identity: [doc(allow("ssm:?etParameter", "*"))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "? does not match two characters", identity: [doc(allow("ssm:?Parameter", "*"))], action: "ssm:GetParameter", resource: APP, expect: "no-identity-allow" },
  { name: "ssm:* does not cover kms actions", identity: [doc(allow("ssm:*", "*"))], action: "kms:Decrypt", resource: APP, expect: "no-identity-allow" },
  { name: "an action that does not exist never matches (kms:unknown)", identity: [doc(allow("kms:unknown", "*"))], action: "kms:Decrypt", resource: APP, expect: "no-identity-allow" },
  { name: "a list of actions is an OR", identity: [doc(allow(["ssm:PutParameter", "ssm:GetParameter"], "*"))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
];

// §2.2 Resources: case-sensitive; `*` and `?` over the whole ARN, crossing `/` and `:`
// (capture resource_wildcard_colon_and_slash); `*` matches the DescribeParameters resource.
const resources: EvalCase[] = [
  { name: "resource match is case-sensitive", identity: [doc(allow("ssm:GetParameter", param("App/*")))], action: "ssm:GetParameter", resource: APP, expect: "no-identity-allow" },
  { name: "* crosses / (…/folder/*/object vs …/folder/a/b/object)", identity: [doc(allow("s3:GetObject", "arn:aws:s3:::bucket/folder/*/object"))], action: "s3:GetObject", resource: "arn:aws:s3:::bucket/folder/a/b/object", expect: "allow" },
  { name: "* crosses : (…/folder/*/object vs …/folder/a:b/object)", identity: [doc(allow("s3:GetObject", "arn:aws:s3:::bucket/folder/*/object"))], action: "s3:GetObject", resource: "arn:aws:s3:::bucket/folder/a:b/object", expect: "allow" },
  { name: "…parity* matches …parity:suffix/object", identity: [doc(allow("s3:GetObject", "arn:aws:s3:::bucket/parity*"))], action: "s3:GetObject", resource: "arn:aws:s3:::bucket/parity:suffix/object", expect: "allow" },
  { name: "? matches exactly one character of the ARN", identity: [doc(allow("ssm:GetParameter", param("app/?")))], action: "ssm:GetParameter", resource: param("app/xy"), expect: "no-identity-allow" },
  { name: "a dot in a resource pattern is literal", identity: [doc(allow("ssm:GetParameter", param("app/a.b")))], action: "ssm:GetParameter", resource: param("app/aXb"), expect: "no-identity-allow" },
  { name: "regex metacharacters in a resource pattern are literal", identity: [doc(allow("ssm:GetParameter", param("app/(x)+[y]")))], action: "ssm:GetParameter", resource: param("app/(x)+[y]"), expect: "allow" },
  { name: "Resource * matches the DescribeParameters resource arn:aws:ssm:<region>:<acct>:*", identity: [doc(allow("ssm:DescribeParameters", "*"))], action: "ssm:DescribeParameters", resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:*`, expect: "allow" },
  { name: "a policy scoped to …parameter/* does not allow DescribeParameters (§8.1)", identity: [doc(allow("ssm:DescribeParameters", param("*")))], action: "ssm:DescribeParameters", resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:*`, expect: "no-identity-allow" },
  { name: "…parameter/app/* does not cover the path ARN …parameter/app (§11.2)", identity: [doc(allow("ssm:GetParametersByPath", param("app/*")))], action: "ssm:GetParametersByPath", resource: param("app"), expect: "no-identity-allow" },
  { name: "a list of resources is an OR", identity: [doc(allow("ssm:GetParameter", [param("other"), param("app/*")]))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "public parameters have an empty account field", identity: [doc(allow("ssm:GetParameter", "arn:aws:ssm:us-east-1::parameter/aws/service/*"))], action: "ssm:GetParameter", resource: "arn:aws:ssm:us-east-1::parameter/aws/service/eks/ami", expect: "allow" },
];

// §2.1/§2.2 NotAction, NotResource.
const negations: EvalCase[] = [
  { name: "Allow NotAction grants every other action of every service", identity: [doc({ Effect: "Allow", NotAction: "ssm:DeleteParameter*", Resource: "*" })], action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/eve`, expect: "allow" },
  { name: "Allow NotAction does not grant the listed actions", identity: [doc({ Effect: "Allow", NotAction: "ssm:DeleteParameter*", Resource: "*" })], action: "ssm:DeleteParameters", resource: APP, expect: "no-identity-allow" },
  { name: "Allow NotResource grants other resources", identity: [doc({ Effect: "Allow", Action: "ssm:GetParameter", NotResource: param("secret/*") })], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "Allow NotResource does not grant the listed resources", identity: [doc({ Effect: "Allow", Action: "ssm:GetParameter", NotResource: param("secret/*") })], action: "ssm:GetParameter", resource: param("secret/k"), expect: "no-identity-allow" },
  { name: "Deny NotResource denies everything outside the list", identity: [doc(allow("ssm:*", "*"), { Effect: "Deny", Action: "ssm:*", NotResource: param("app/*") })], action: "ssm:GetParameter", resource: param("other"), expect: "explicit-deny-identity" },
  { name: "Deny NotResource leaves the listed resources alone", identity: [doc(allow("ssm:*", "*"), { Effect: "Deny", Action: "ssm:*", NotResource: param("app/*") })], action: "ssm:GetParameter", resource: APP, expect: "allow" },
];

// Statement structure (§1, §3.1): Statement as one object, independence of statement order,
// an identity statement without Resource matches nothing.
const structure: EvalCase[] = [
  { name: "Statement may be a single object", identity: [{ Version: "2012-10-17", Statement: allow("ssm:GetParameter", "*") }], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "a Deny listed before the Allow still wins", identity: [doc(deny("ssm:GetParameter", "*"), allow("ssm:GetParameter", "*"))], action: "ssm:GetParameter", resource: APP, expect: "explicit-deny-identity", decidedBy: { policy: "identity[0]", index: 0 } },
  { name: "a Deny listed after the Allow still wins", identity: [doc(allow("ssm:GetParameter", "*"), deny("ssm:GetParameter", "*"))], action: "ssm:GetParameter", resource: APP, expect: "explicit-deny-identity", decidedBy: { policy: "identity[0]", index: 1 } },
  { name: "an identity statement without Resource grants nothing", identity: [doc({ Effect: "Allow", Action: "ssm:GetParameter" })], action: "ssm:GetParameter", resource: APP, expect: "no-identity-allow" },
  { name: "a statement whose condition uses an unknown operator grants nothing", identity: [doc(allow("ssm:GetParameter", "*", { Condition: { StringEqualz: { "aws:username": "alice" } } }))], action: "ssm:GetParameter", resource: APP, expect: "no-identity-allow" },
  { name: "a Deny whose condition uses an unknown operator denies nothing", identity: [doc(allow("ssm:GetParameter", "*"), deny("ssm:GetParameter", "*", { Condition: { StringEqualz: { "aws:username": "alice" } } }))], action: "ssm:GetParameter", resource: APP, expect: "allow" },
  { name: "the allowing statement is reported with its Sid", identity: [doc(allow("ssm:PutParameter", "*"), allow("ssm:GetParameter", "*", { Sid: "Read" }))], action: "ssm:GetParameter", resource: APP, expect: "allow", decidedBy: { policy: "identity[0]", index: 1, sid: "Read" } },
  { name: "a text that is not JSON grants nothing", identity: ["not a policy"], action: "ssm:GetParameter", resource: APP, expect: "no-identity-allow" },
];

// §6 Policy variables in Resource.
const HOME = param("home/${aws:username}/*");
const resourceVariables: EvalCase[] = [
  { name: "${aws:username} resolves for an IAM user", identity: [doc(allow("ssm:GetParameter", HOME))], action: "ssm:GetParameter", resource: param("home/alice/k"), expect: "allow" },
  { name: "${aws:username} does not reach another user's home", identity: [doc(allow("ssm:GetParameter", HOME))], action: "ssm:GetParameter", resource: param("home/bob/k"), expect: "no-identity-allow" },
  { name: "${aws:username} is absent for role sessions: grants nothing", principal: session, identity: [doc(allow("ssm:GetParameter", HOME))], action: "ssm:GetParameter", resource: param("home/build-42/k"), expect: "no-identity-allow" },
  { name: "${aws:username} is absent for role sessions: not even the literal", principal: session, identity: [doc(allow("ssm:GetParameter", HOME))], action: "ssm:GetParameter", resource: param("home/${aws:username}/k"), expect: "no-identity-allow" },
  { name: "${aws:username} is absent for root", principal: root, mode: "kms-key", resourcePolicy: doc({ Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "kms:*", Resource: param("home/${aws:username}/*") }), action: "kms:Decrypt", resource: param("home/root/x"), expect: "no-resource-allow" },
  { name: "Version 2008-10-17: ${aws:username} is not substituted", identity: [{ Version: "2008-10-17", Statement: [allow("ssm:GetParameter", HOME)] }], action: "ssm:GetParameter", resource: param("home/alice/k"), expect: "no-identity-allow" },
  { name: "Version 2008-10-17: the literal ${aws:username} matches itself", identity: [{ Version: "2008-10-17", Statement: [allow("ssm:GetParameter", HOME)] }], action: "ssm:GetParameter", resource: param("home/${aws:username}/k"), expect: "allow" },
  { name: "no Version: ${aws:username} is not substituted", identity: [{ Statement: [allow("ssm:GetParameter", HOME)] }], action: "ssm:GetParameter", resource: param("home/alice/k"), expect: "no-identity-allow" },
  { name: "a default applies when the tag is absent", principal: bob, identity: [doc(allow("ssm:GetParameter", param("teams/${aws:PrincipalTag/team, 'shared'}/*")))], action: "ssm:GetParameter", resource: param("teams/shared/k"), expect: "allow" },
  { name: "${*} in a resource is a literal *", identity: [doc(allow("ssm:GetParameter", param("a${*}b")))], action: "ssm:GetParameter", resource: param("axyzb"), expect: "no-identity-allow" },
  { name: "${*} in a resource matches a literal *", identity: [doc(allow("ssm:GetParameter", param("a${*}b")))], action: "ssm:GetParameter", resource: param("a*b"), expect: "allow" },
  { name: "${?} in a resource is a literal ?", identity: [doc(allow("ssm:GetParameter", param("a${?}")))], action: "ssm:GetParameter", resource: param("ab"), expect: "no-identity-allow" },
  { name: "${$} in a resource is a literal $", identity: [doc(allow("ssm:GetParameter", param("cost${$}")))], action: "ssm:GetParameter", resource: param("cost$"), expect: "allow" },
  { name: "a tag value substituted into a resource keeps its * as a wildcard", principal: { ...bob, tags: { team: "*" } }, identity: [doc(allow("ssm:GetParameter", param("teams/${aws:PrincipalTag/team}/k")))], action: "ssm:GetParameter", resource: param("teams/anything/k"), expect: "allow" },
  { name: "a multivalued key as a resource variable never resolves", context: { "aws:TagKeys": ["team"] }, identity: [doc(allow("ssm:GetParameter", param("t/${aws:TagKeys}")))], action: "ssm:GetParameter", resource: param("t/team"), expect: "no-identity-allow" },
];

export const MATCHING_CASES: readonly EvalCase[] = [...actions, ...resources, ...negations, ...structure, ...resourceVariables];
