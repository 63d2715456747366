// iam-sts.md §10, rule by rule and kind by kind; messages are moto's except where §10 gives AWS's.
import { AWS_SSM_KEY_POLICY, DEFAULT_KEY_POLICY } from "./policy-fixtures.case.js";
import type { PolicyDocumentKind } from "./validate-document.js";

export interface ValidationCase {
  readonly name: string;
  readonly kind: PolicyDocumentKind;
  readonly document: string | Record<string, unknown>;
  /** The MalformedPolicyDocument message, or undefined for an accepted document. */
  readonly problem: string | undefined;
}

const SYNTAX = "Syntax errors in policy.";
const V = "2012-10-17";
const ok = { Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/app/*" };
const id = (...statements: Record<string, unknown>[]) => ({ Version: V, Statement: statements });
const trustOk = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:user/alice" }, Action: "sts:AssumeRole" };

// Rule 1: JSON and structure.
const rule1: ValidationCase[] = [
  { name: "not JSON (trailing comma): AWS's text", kind: "inline", document: '{"Version":"2012-10-17","Statement":[],}', problem: "This policy contains invalid Json" },
  { name: "plain text is not JSON", kind: "managed", document: "my policy", problem: "This policy contains invalid Json" },
  { name: "a JSON array is not a policy", kind: "inline", document: "[]", problem: SYNTAX },
  { name: "a JSON string is not a policy", kind: "inline", document: '"policy"', problem: SYNTAX },
  { name: "an unknown top-level key", kind: "inline", document: { Version: V, Statement: [ok], Extra: 1 }, problem: SYNTAX },
  { name: "an unknown Version string", kind: "inline", document: { Version: "2020-01-01", Statement: [ok] }, problem: SYNTAX },
  { name: "an Id that is not a string", kind: "inline", document: { Version: V, Id: 7, Statement: [ok] }, problem: SYNTAX },
  { name: "no Statement", kind: "inline", document: { Version: V }, problem: SYNTAX },
  { name: "an empty Statement array", kind: "inline", document: { Version: V, Statement: [] }, problem: SYNTAX },
  { name: "a statement that is not an object", kind: "inline", document: { Version: V, Statement: ["Allow"] }, problem: SYNTAX },
  { name: "an unknown statement element", kind: "inline", document: id({ ...ok, Actions: "ssm:*" }), problem: SYNTAX },
  { name: "no Effect", kind: "inline", document: id({ Action: "ssm:*", Resource: "*" }), problem: SYNTAX },
  { name: "an Effect that is neither Allow nor Deny in any case", kind: "inline", document: id({ ...ok, Effect: "Permit" }), problem: SYNTAX },
  { name: "an Action that is a number", kind: "inline", document: id({ ...ok, Action: 5 }), problem: SYNTAX },
  { name: "an empty Action array", kind: "inline", document: id({ ...ok, Action: [] }), problem: SYNTAX },
  { name: "an empty Resource array", kind: "inline", document: id({ ...ok, Resource: [] }), problem: SYNTAX },
  { name: "both Action and NotAction", kind: "inline", document: id({ ...ok, NotAction: "ssm:PutParameter" }), problem: SYNTAX },
  { name: "both Resource and NotResource", kind: "inline", document: id({ ...ok, NotResource: "*" }), problem: SYNTAX },
  { name: "a Condition that is not an object", kind: "inline", document: id({ ...ok, Condition: "StringEquals" }), problem: SYNTAX },
  { name: "an unknown condition operator", kind: "inline", document: id({ ...ok, Condition: { StringEqualz: { "aws:username": "alice" } } }), problem: SYNTAX },
  { name: "NullIfExists is not an operator", kind: "inline", document: id({ ...ok, Condition: { NullIfExists: { "aws:username": "true" } } }), problem: SYNTAX },
  { name: "a condition value that is an object", kind: "inline", document: id({ ...ok, Condition: { StringEquals: { "aws:username": { a: 1 } } } }), problem: SYNTAX },
  { name: "a Sid that is not a string", kind: "inline", document: id({ ...ok, Sid: 1 }), problem: SYNTAX },
  { name: "a Principal string other than *", kind: "resource", document: id({ ...ok, Resource: "*", Principal: "arn:aws:iam::123456789012:root" }), problem: SYNTAX },
  { name: "a Statement given as one object is accepted", kind: "inline", document: { Version: V, Statement: ok }, problem: undefined },
  { name: "Action and Resource as arrays are accepted", kind: "inline", document: id({ ...ok, Action: ["ssm:GetParameter", "ssm:GetParameters"], Resource: ["*"] }), problem: undefined },
  { name: "known operators with ForAnyValue / IfExists and numeric and boolean values are accepted", kind: "inline", document: id({ ...ok, Condition: { "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*", 1, true] }, Bool: { "aws:SecureTransport": true } } }), problem: undefined },
];

// Rule 2: managed policies must say 2012-10-17; inline and trust accept an absent Version or 2008-10-17.
const rule2: ValidationCase[] = [
  { name: "managed without Version", kind: "managed", document: { Statement: [ok] }, problem: "Policy document must be version 2012-10-17 or greater." },
  { name: "managed with 2008-10-17", kind: "managed", document: { Version: "2008-10-17", Statement: [ok] }, problem: "Policy document must be version 2012-10-17 or greater." },
  { name: "managed with 2012-10-17", kind: "managed", document: id(ok), problem: undefined },
  { name: "inline without Version", kind: "inline", document: { Statement: [ok] }, problem: undefined },
  { name: "inline with 2008-10-17", kind: "inline", document: { Version: "2008-10-17", Statement: [ok] }, problem: undefined },
  { name: "trust with 2008-10-17", kind: "trust", document: { Version: "2008-10-17", Statement: [trustOk] }, problem: undefined },
  { name: "rule 1 comes before rule 2: an unknown key in a managed policy without Version", kind: "managed", document: { Statement: [ok], Extra: 1 }, problem: SYNTAX },
];

// Rule 3: legacy parsing — the exact Effect spelling, dates and numbers in conditions.
const LEGACY = "The policy failed legacy parsing";
const rule3: ValidationCase[] = [
  { name: "Effect allow in lower case", kind: "inline", document: id({ ...ok, Effect: "allow" }), problem: LEGACY },
  { name: "Effect DENY in upper case", kind: "inline", document: id({ ...ok, Effect: "DENY" }), problem: LEGACY },
  { name: "a Date value that is not a date", kind: "inline", document: id({ ...ok, Condition: { DateGreaterThan: { "aws:CurrentTime": "yesterday" } } }), problem: LEGACY },
  { name: "a Date value with a month 13", kind: "inline", document: id({ ...ok, Condition: { DateLessThan: { "aws:CurrentTime": "2024-13-01T00:00:00Z" } } }), problem: LEGACY },
  { name: "a Numeric value that is not a number", kind: "inline", document: id({ ...ok, Condition: { NumericLessThan: { "s3:max-keys": "ten" } } }), problem: LEGACY },
  { name: "ISO 8601, date-only and epoch dates are accepted", kind: "inline", document: id({ ...ok, Condition: { DateGreaterThan: { "aws:CurrentTime": ["2024-01-01T00:00:00Z", "2024-01-01", "1704067200"] } } }), problem: undefined },
  { name: "rule 2 comes before rule 3", kind: "managed", document: { Statement: [{ ...ok, Effect: "allow" }] }, problem: "Policy document must be version 2012-10-17 or greater." },
];

// Rule 4: Sid unique within the policy.
const rule4: ValidationCase[] = [
  { name: "duplicate Sid", kind: "inline", document: id({ ...ok, Sid: "A" }, { ...ok, Sid: "A" }), problem: "Statement IDs (SID) in a single policy must be unique." },
  { name: "distinct Sids", kind: "inline", document: id({ ...ok, Sid: "A" }, { ...ok, Sid: "B" }), problem: undefined },
  { name: "rule 3 comes before rule 4", kind: "inline", document: id({ ...ok, Sid: "A", Effect: "allow" }, { ...ok, Sid: "A" }), problem: LEGACY },
];

// Rule 5: actions required (not in KMS key policies, where such a statement is accepted and grants nothing).
const noAction = { Effect: "Allow", Resource: "*" };
const rule5: ValidationCase[] = [
  { name: "inline statement without Action", kind: "inline", document: id(noAction), problem: "Policy statement must contain actions." },
  { name: "trust statement without Action", kind: "trust", document: id({ Effect: "Allow", Principal: { AWS: "123456789012" } }), problem: "Policy statement must contain actions." },
  { name: "key policy statement without Action is accepted", kind: "resource", document: id({ ...noAction, Principal: { AWS: "123456789012" } }), problem: undefined },
  { name: "NotAction satisfies the rule", kind: "inline", document: id({ Effect: "Deny", NotAction: "ssm:Get*", Resource: "*" }), problem: undefined },
  { name: "rule 4 comes before rule 5", kind: "inline", document: id({ ...noAction, Sid: "A" }, { ...ok, Sid: "A" }), problem: "Statement IDs (SID) in a single policy must be unique." },
];

// Rule 6: resource formats.
const rule6: ValidationCase[] = [
  { name: "a resource that is not an ARN", kind: "inline", document: id({ ...ok, Resource: "parameter/app" }), problem: 'Resource parameter/app must be in ARN format or "*".' },
  { name: "an ARN cut after the partition", kind: "inline", document: id({ ...ok, Resource: "arn:aws" }), problem: "Resource vendor must be fully qualified and cannot contain regexes." },
  { name: "an IAM resource with a region", kind: "inline", document: id({ ...ok, Resource: "arn:aws:iam:us-east-1:123456789012:user/alice" }), problem: "IAM resource arn:aws:iam:us-east-1:123456789012:user/alice cannot contain region information." },
  { name: "an unknown partition (moto's message)", kind: "inline", document: id({ ...ok, Resource: "arn:foo:s3:::bucket" }), problem: 'Partition "foo" is not valid for resource "arn:foo:s3:::bucket".' },
  { name: "an IAM resource of an unknown type (moto's message)", kind: "inline", document: id({ ...ok, Resource: "arn:aws:iam::123456789012:widget/x" }), problem: 'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.' },
  { name: "a NotResource is checked too", kind: "inline", document: id({ Effect: "Allow", Action: "ssm:*", NotResource: "secret" }), problem: 'Resource secret must be in ARN format or "*".' },
  { name: "IAM, wildcard and variable resources are accepted", kind: "inline", document: id({ ...ok, Resource: ["arn:aws:iam::*:role/app-*", "arn:aws:iam::123456789012:*", "arn:aws:ssm:*:*:parameter/home/${aws:username}/*", "*"] }), problem: undefined },
  { name: "rule 5 comes before rule 6", kind: "inline", document: id({ Effect: "Allow", Resource: "bad" }), problem: "Policy statement must contain actions." },
];

// Rule 7: action prefixes.
const rule7: ValidationCase[] = [
  { name: "an action without a vendor", kind: "inline", document: id({ ...ok, Action: "GetParameter" }), problem: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc." },
  { name: "an action with two colons", kind: "inline", document: id({ ...ok, Action: "ssm:Get:Parameter" }), problem: "Actions/Condition can contain only one colon." },
  { name: "a vendor with invalid characters", kind: "inline", document: id({ ...ok, Action: "s_sm:GetParameter" }), problem: "Vendor s_sm is not valid" },
  { name: "a NotAction without a vendor", kind: "inline", document: id({ Effect: "Deny", NotAction: "Get*", Resource: "*" }), problem: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc." },
  { name: "* alone and wildcards in names are accepted", kind: "inline", document: id({ ...ok, Action: ["*", "ssm:Get*", "kms:*"] }), problem: undefined },
  { name: "rule 6 comes before rule 7", kind: "inline", document: id({ ...ok, Action: "GetParameter", Resource: "bad" }), problem: 'Resource bad must be in ARN format or "*".' },
];

// Rule 8: identity policies need resources.
const noResource = { Effect: "Allow", Action: "ssm:GetParameter" };
const rule8: ValidationCase[] = [
  { name: "inline statement without Resource", kind: "inline", document: id(noResource), problem: "Policy statement must contain resources." },
  { name: "managed statement without Resource", kind: "managed", document: id(noResource), problem: "Policy statement must contain resources." },
  { name: "session policy statement without Resource", kind: "session", document: id(noResource), problem: "Policy statement must contain resources." },
  { name: "rule 7 comes before rule 8", kind: "inline", document: id({ Effect: "Allow", Action: "GetParameter" }), problem: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc." },
];

// Rule 9: trust policies.
const TRUST_ACTIONS = "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity";
const rule9: ValidationCase[] = [
  { name: "a valid trust policy", kind: "trust", document: id(trustOk), problem: undefined },
  { name: "a trust policy for a service with sts:TagSession", kind: "trust", document: id({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }), problem: undefined },
  { name: "a trust statement without Principal", kind: "trust", document: id({ Effect: "Allow", Action: "sts:AssumeRole" }), problem: "Missing required field Principal." },
  { name: "a trust statement with NotPrincipal instead of Principal", kind: "trust", document: id({ Effect: "Deny", NotPrincipal: { AWS: "123456789012" }, Action: "sts:AssumeRole" }), problem: "Missing required field Principal." },
  { name: "a trust statement with Resource", kind: "trust", document: id({ ...trustOk, Resource: "*" }), problem: "Has prohibited field Resource." },
  { name: "a trust statement allowing an SSM action (two spaces before and)", kind: "trust", document: id({ ...trustOk, Action: "ssm:GetParameter" }), problem: TRUST_ACTIONS },
  { name: "a trust statement with NotAction", kind: "trust", document: id({ Effect: "Allow", Principal: { AWS: "123456789012" }, NotAction: "sts:AssumeRole" }), problem: TRUST_ACTIONS },
  { name: "rule 7 comes before rule 9", kind: "trust", document: id({ ...trustOk, Action: "AssumeRole" }), problem: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc." },
];

// Rule 10: identity policies name no principal.
const rule10: ValidationCase[] = [
  { name: "inline policy with Principal", kind: "inline", document: id({ ...ok, Principal: { AWS: "123456789012" } }), problem: "Policy document should not specify a principal." },
  { name: "managed policy with NotPrincipal", kind: "managed", document: id({ ...ok, Effect: "Deny", NotPrincipal: { AWS: "123456789012" } }), problem: "Policy document should not specify a principal." },
  { name: "session policy with Principal", kind: "session", document: id({ ...ok, Principal: "*" }), problem: "Policy document should not specify a principal." },
  { name: "rule 8 comes before rule 10", kind: "inline", document: id({ ...noResource, Principal: "*" }), problem: "Policy statement must contain resources." },
];

// KMS key policies (kms.md §9.2, §11): every statement names a principal.
const resource: ValidationCase[] = [
  { name: "the default key policy", kind: "resource", document: DEFAULT_KEY_POLICY, problem: undefined },
  { name: "the aws/ssm key policy", kind: "resource", document: AWS_SSM_KEY_POLICY, problem: undefined },
  { name: "a key policy statement without Principal", kind: "resource", document: id({ Effect: "Allow", Action: "kms:*", Resource: "*" }), problem: "Policy contains a statement with one or more invalid principals." },
  { name: "a key policy with a Deny NotPrincipal", kind: "resource", document: id({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }), problem: undefined },
];

export const VALIDATION_CASES: readonly ValidationCase[] = [
  ...rule1,
  ...rule2,
  ...rule3,
  ...rule4,
  ...rule5,
  ...rule6,
  ...rule7,
  ...rule8,
  ...rule9,
  ...rule10,
  ...resource,
];
