// Condition operators, written from iam-policy-evaluation.md §5 (and §6 for variables in values).
import type { ConditionCase } from "./policy-fixtures.case.js";

const TEAM = "aws:RequestTag/team";

// §5.2 String operators: exact and case-sensitive; IgnoreCase lower-cases both sides with
// JavaScript's toLowerCase (AWS capture list in the table); §5.1 several values OR, negated: none.
const strings: ConditionCase[] = [
  { name: "StringEquals matches the exact value", condition: { StringEquals: { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "StringEquals is case-sensitive", condition: { StringEquals: { [TEAM]: "payments" } }, context: { [TEAM]: "Payments" }, holds: false },
  { name: "StringEquals with several values is an OR", condition: { StringEquals: { [TEAM]: ["search", "payments"] } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "StringEquals on an absent key is false", condition: { StringEquals: { [TEAM]: "payments" } }, context: {}, holds: false },
  { name: "StringEquals \"\" matches a tag whose value is empty (§5.2 capture)", condition: { StringEquals: { [TEAM]: "" } }, context: { [TEAM]: "" }, holds: true },
  { name: "condition keys are case-insensitive (§5.1)", condition: { StringEquals: { "AWS:REQUESTTAG/Team": "payments" } }, context: { "aws:requesttag/team": "payments" }, holds: true },
  { name: "numeric policy values compare on their string form (§5.1)", condition: { StringEquals: { "ssm:Version": 10 } }, context: { "ssm:Version": "10" }, holds: true },
  { name: "boolean policy values compare on their string form (§5.1)", condition: { StringEquals: { "ssm:Overwrite": true } }, context: { "ssm:Overwrite": "true" }, holds: true },
  { name: "StringNotEquals with an equal value is false", condition: { StringNotEquals: { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "StringNotEquals with another value is true", condition: { StringNotEquals: { [TEAM]: "payments" } }, context: { [TEAM]: "search" }, holds: true },
  { name: "StringNotEquals on an absent key is true (§5.2 absent key)", condition: { StringNotEquals: { [TEAM]: "payments" } }, context: {}, holds: true },
  { name: "StringNotEquals with several values: matching one of them is false", condition: { StringNotEquals: { [TEAM]: ["search", "payments"] } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "StringNotEquals with several values: matching none is true", condition: { StringNotEquals: { [TEAM]: ["search", "payments"] } }, context: { [TEAM]: "ops" }, holds: true },
  { name: "StringEqualsIgnoreCase ignores ASCII case", condition: { StringEqualsIgnoreCase: { [TEAM]: "PAYMENTS" } }, context: { [TEAM]: "Payments" }, holds: true },
  { name: "StringEqualsIgnoreCase: KELVIN SIGN ≡ k", condition: { StringEqualsIgnoreCase: { [TEAM]: "\u212A" } }, context: { [TEAM]: "k" }, holds: true },
  { name: "StringEqualsIgnoreCase: ẞ ≡ ß", condition: { StringEqualsIgnoreCase: { [TEAM]: "ẞ" } }, context: { [TEAM]: "ß" }, holds: true },
  { name: "StringEqualsIgnoreCase: Σ ≡ σ", condition: { StringEqualsIgnoreCase: { [TEAM]: "Σ" } }, context: { [TEAM]: "σ" }, holds: true },
  { name: "StringEqualsIgnoreCase: Σ ≢ ς", condition: { StringEqualsIgnoreCase: { [TEAM]: "Σ" } }, context: { [TEAM]: "ς" }, holds: false },
  { name: "StringEqualsIgnoreCase: ΟΣ ≡ ος (final sigma)", condition: { StringEqualsIgnoreCase: { [TEAM]: "ΟΣ" } }, context: { [TEAM]: "ος" }, holds: true },
  { name: "StringEqualsIgnoreCase: ß ≢ SS (lower-casing, not case folding)", condition: { StringEqualsIgnoreCase: { [TEAM]: "ß" } }, context: { [TEAM]: "SS" }, holds: false },
  { name: "StringEqualsIgnoreCase: I ≢ ı (locale-independent)", condition: { StringEqualsIgnoreCase: { [TEAM]: "I" } }, context: { [TEAM]: "ı" }, holds: false },
  { name: "StringEqualsIgnoreCase: ſ ≢ s", condition: { StringEqualsIgnoreCase: { [TEAM]: "ſ" } }, context: { [TEAM]: "s" }, holds: false },
  { name: "StringNotEqualsIgnoreCase with the same word in other case is false", condition: { StringNotEqualsIgnoreCase: { [TEAM]: "payments" } }, context: { [TEAM]: "PAYMENTS" }, holds: false },
  { name: "StringNotEqualsIgnoreCase with another word is true", condition: { StringNotEqualsIgnoreCase: { [TEAM]: "payments" } }, context: { [TEAM]: "search" }, holds: true },
  { name: "StringNotEqualsIgnoreCase on an absent key is true", condition: { StringNotEqualsIgnoreCase: { [TEAM]: "payments" } }, context: {}, holds: true },
];

// §5.2 StringLike / StringNotLike: glob, case-sensitive, `*` any run, `?` one character.
const likes: ConditionCase[] = [
  { name: "StringLike * spans / and :", condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:user/a/b" }, holds: true },
  { name: "StringLike * in the middle", condition: { StringLike: { [TEAM]: "pay*ts" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "StringLike ? is exactly one character", condition: { StringLike: { [TEAM]: "team-?" } }, context: { [TEAM]: "team-12" }, holds: false },
  { name: "StringLike is case-sensitive", condition: { StringLike: { [TEAM]: "Pay*" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "StringLike treats regex metacharacters literally", condition: { StringLike: { [TEAM]: "a.c" } }, context: { [TEAM]: "abc" }, holds: false },
  { name: "StringLike on an absent key is false", condition: { StringLike: { [TEAM]: "*" } }, context: {}, holds: false },
  { name: "StringNotLike with a matching value is false", condition: { StringNotLike: { [TEAM]: "pay*" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "StringNotLike with a non-matching value is true", condition: { StringNotLike: { [TEAM]: "pay*" } }, context: { [TEAM]: "search" }, holds: true },
  { name: "StringNotLike on an absent key is true", condition: { StringNotLike: { [TEAM]: "pay*" } }, context: {}, holds: true },
];

// §5.2 Numeric operators (integers and decimals); a non-numeric context value matches nothing
// (unverified in the spec; project decision: also for NumericNotEquals).
const numerics: ConditionCase[] = [
  { name: "NumericEquals compares numbers, not text", condition: { NumericEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "10.0" }, holds: true },
  { name: "NumericEquals with another number is false", condition: { NumericEquals: { "s3:max-keys": 10 } }, context: { "s3:max-keys": "11" }, holds: false },
  { name: "NumericNotEquals with another number is true", condition: { NumericNotEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "11" }, holds: true },
  { name: "NumericNotEquals on an absent key is true", condition: { NumericNotEquals: { "s3:max-keys": "10" } }, context: {}, holds: true },
  { name: "NumericLessThan 5 < 10", condition: { NumericLessThan: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "5" }, holds: true },
  { name: "NumericLessThan 10 < 10 is false", condition: { NumericLessThan: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "10" }, holds: false },
  { name: "NumericLessThanEquals 10 <= 10", condition: { NumericLessThanEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "10" }, holds: true },
  { name: "NumericGreaterThan with decimals 2.5 > 2.25", condition: { NumericGreaterThan: { "s3:max-keys": "2.25" } }, context: { "s3:max-keys": "2.5" }, holds: true },
  { name: "NumericGreaterThanEquals 9 >= 10 is false", condition: { NumericGreaterThanEquals: { "s3:max-keys": "10" } }, context: { "s3:max-keys": "9" }, holds: false },
  { name: "NumericGreaterThan on a non-numeric context value is false", condition: { NumericGreaterThan: { "s3:max-keys": "1" } }, context: { "s3:max-keys": "many" }, holds: false },
  { name: "NumericNotEquals on a non-numeric context value is false", condition: { NumericNotEquals: { "s3:max-keys": "1" } }, context: { "s3:max-keys": "many" }, holds: false },
  { name: "NumericLessThan on an absent key is false", condition: { NumericLessThan: { "s3:max-keys": "10" } }, context: {}, holds: false },
];

// §5.2 Date operators: ISO 8601 (date-only allowed) or epoch seconds, compared as instants;
// aws:CurrentTime is ISO 8601, aws:EpochTime epoch seconds (§7).
const dates: ConditionCase[] = [
  { name: "DateGreaterThan with ISO 8601 on both sides", condition: { DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } }, context: { "aws:CurrentTime": "2024-05-01T12:00:00Z" }, holds: true },
  { name: "DateLessThan with ISO 8601 on both sides, later time is false", condition: { DateLessThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } }, context: { "aws:CurrentTime": "2024-05-01T12:00:00Z" }, holds: false },
  { name: "DateLessThan with a date-only policy value", condition: { DateLessThan: { "aws:CurrentTime": "2024-06-01" } }, context: { "aws:CurrentTime": "2024-05-31T23:59:59Z" }, holds: true },
  { name: "DateEquals: epoch seconds and ISO 8601 of the same instant", condition: { DateEquals: { "aws:CurrentTime": "1704067200" } }, context: { "aws:CurrentTime": "2024-01-01T00:00:00Z" }, holds: true },
  { name: "DateEquals: an offset names the same instant", condition: { DateEquals: { "aws:CurrentTime": "2024-01-01T01:00:00+01:00" } }, context: { "aws:CurrentTime": "2024-01-01T00:00:00Z" }, holds: true },
  { name: "DateGreaterThanEquals with aws:EpochTime against an ISO policy value", condition: { DateGreaterThanEquals: { "aws:EpochTime": "2024-01-01T00:00:00Z" } }, context: { "aws:EpochTime": "1704067200" }, holds: true },
  { name: "DateLessThanEquals at the boundary instant", condition: { DateLessThanEquals: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } }, context: { "aws:CurrentTime": "2024-01-01T00:00:00Z" }, holds: true },
  { name: "DateNotEquals with another instant is true", condition: { DateNotEquals: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" } }, context: { "aws:TokenIssueTime": "2024-01-02T00:00:00Z" }, holds: true },
  { name: "DateNotEquals on an absent key is true", condition: { DateNotEquals: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" } }, context: {}, holds: true },
  { name: "DateGreaterThan on an absent key is false", condition: { DateGreaterThan: { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" } }, context: {}, holds: false },
];

// §5.2 Bool, BinaryEquals.
const bools: ConditionCase[] = [
  { name: "Bool true matches \"true\"", condition: { Bool: { "aws:SecureTransport": "true" } }, context: { "aws:SecureTransport": "true" }, holds: true },
  { name: "Bool true does not match \"false\"", condition: { Bool: { "aws:SecureTransport": "true" } }, context: { "aws:SecureTransport": "false" }, holds: false },
  { name: "Bool with a JSON boolean policy value", condition: { Bool: { "aws:ViaAWSService": true } }, context: { "aws:ViaAWSService": "true" }, holds: true },
  { name: "Bool on an absent key is false", condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } }, context: {}, holds: false },
  { name: "BoolIfExists on an absent key is true", condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, context: {}, holds: true },
  { name: "BinaryEquals compares the base64 bytes", condition: { BinaryEquals: { "test:blob": "QmluYXJ5VmFsdWU=" } }, context: { "test:blob": "QmluYXJ5VmFsdWU=" }, holds: true },
  { name: "BinaryEquals with other bytes is false", condition: { BinaryEquals: { "test:blob": "QmluYXJ5VmFsdWU=" } }, context: { "test:blob": "T3RoZXI=" }, holds: false },
];

// §5.2 IpAddress / NotIpAddress: IPv4 or IPv6 CIDR, a single address = /32 or /128.
const ips: ConditionCase[] = [
  { name: "IpAddress: IPv4 address inside the CIDR", condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.113.77" }, holds: true },
  { name: "IpAddress: IPv4 address outside the CIDR", condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.114.1" }, holds: false },
  { name: "IpAddress: a single address is a /32", condition: { IpAddress: { "aws:SourceIp": "198.51.100.7" } }, context: { "aws:SourceIp": "198.51.100.8" }, holds: false },
  { name: "IpAddress: several ranges are an OR", condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "198.51.100.7"] } }, context: { "aws:SourceIp": "198.51.100.7" }, holds: true },
  { name: "IpAddress: IPv6 address inside the CIDR", condition: { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, context: { "aws:SourceIp": "2001:db8:1234::5" }, holds: true },
  { name: "IpAddress: IPv6 address outside the CIDR", condition: { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, context: { "aws:SourceIp": "2001:db9::1" }, holds: false },
  { name: "IpAddress: a single IPv6 address is a /128", condition: { IpAddress: { "aws:SourceIp": "2001:db8::1" } }, context: { "aws:SourceIp": "2001:0db8:0:0:0:0:0:1" }, holds: true },
  { name: "IpAddress: an IPv4 address is not in an IPv6 range", condition: { IpAddress: { "aws:SourceIp": "::/0" } }, context: { "aws:SourceIp": "203.0.113.5" }, holds: false },
  { name: "IpAddress: an IPv4-mapped IPv6 address is its IPv4 address (project decision)", condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "::ffff:203.0.113.5" }, holds: true },
  { name: "IpAddress on an absent key is false", condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, context: {}, holds: false },
  { name: "NotIpAddress: inside the range is false", condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.113.5" }, holds: false },
  { name: "NotIpAddress: outside the range is true", condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "192.0.2.1" }, holds: true },
  { name: "NotIpAddress on an absent key is true (§5.2 absent key)", condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: {}, holds: true },
];

// §5.2 Arn operators: the six colon-separated parts compared part by part, each with wildcards.
const arns: ConditionCase[] = [
  { name: "ArnEquals with an exact ARN", condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: true },
  { name: "ArnEquals also honours wildcards", condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::*:role/app-*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: true },
  { name: "ArnLike: * in the resource part spans /", condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/team/app-reader" }, holds: true },
  { name: "ArnLike: * in the resource part spans :", condition: { ArnLike: { "aws:SourceArn": "arn:aws:ssm:us-east-1:123456789012:parameter/*" } }, context: { "aws:SourceArn": "arn:aws:ssm:us-east-1:123456789012:parameter/a:b" }, holds: true },
  { name: "ArnLike: * cannot span the first five colons", condition: { ArnLike: { "aws:SourceArn": "arn:aws:ssm:*:parameter/x" } }, context: { "aws:SourceArn": "arn:aws:ssm:us-east-1:123456789012:parameter/x" }, holds: false },
  { name: "ArnLike: * in the region part cannot swallow the next part", condition: { ArnLike: { "aws:SourceArn": "arn:aws:ssm:*:123456789012:parameter/x" } }, context: { "aws:SourceArn": "arn:aws:ssm:us-east-1:extra:123456789012:parameter/x" }, holds: false },
  { name: "StringLike with the same pattern does span them (contrast)", condition: { StringLike: { "aws:SourceArn": "arn:aws:ssm:*:parameter/x" } }, context: { "aws:SourceArn": "arn:aws:ssm:us-east-1:123456789012:parameter/x" }, holds: true },
  { name: "ArnLike: a wrong account part does not match", condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::210987654321:role/*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: false },
  { name: "ArnLike is case-sensitive", condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/App-*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: false },
  { name: "ArnNotEquals with another ARN is true", condition: { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/admin" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: true },
  { name: "ArnNotLike with a matching ARN is false", condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-*" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-reader" }, holds: false },
  { name: "ArnNotLike on an absent key is true", condition: { ArnNotLike: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }, context: {}, holds: true },
  { name: "ArnLike on an absent key is false", condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }, context: {}, holds: false },
];

// §5.2 Null and …IfExists.
const nulls: ConditionCase[] = [
  { name: "Null true: the key is absent", condition: { Null: { [TEAM]: "true" } }, context: {}, holds: true },
  { name: "Null true: the key is present", condition: { Null: { [TEAM]: "true" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "Null false: the key is present", condition: { Null: { [TEAM]: "false" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "Null false: the key is absent", condition: { Null: { [TEAM]: "false" } }, context: {}, holds: false },
  { name: "Null true: a present key with value \"\" counts as present (capture)", condition: { Null: { [TEAM]: "true" } }, context: { [TEAM]: "" }, holds: false },
  { name: "Null with a JSON boolean value", condition: { Null: { [TEAM]: true } }, context: {}, holds: true },
  { name: "StringEqualsIfExists on an absent key is true", condition: { StringEqualsIfExists: { [TEAM]: "payments" } }, context: {}, holds: true },
  { name: "StringEqualsIfExists on a present matching key is true", condition: { StringEqualsIfExists: { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "StringEqualsIfExists on a present other value is false", condition: { StringEqualsIfExists: { [TEAM]: "payments" } }, context: { [TEAM]: "search" }, holds: false },
  { name: "NumericLessThanIfExists on an absent key is true", condition: { NumericLessThanIfExists: { "s3:max-keys": "10" } }, context: {}, holds: true },
  { name: "StringNotEqualsIfExists on a present equal value is false", condition: { StringNotEqualsIfExists: { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: false },
];

// §5.3 table, verbatim: aws:TagKeys with policy value "team", observed on real AWS.
const TABLE_ROWS: readonly [string, readonly [boolean, boolean, boolean, boolean]][] = [
  ["StringEquals", [false, false, false, false]],
  ["StringNotEquals", [true, false, false, false]],
  ["StringEqualsIfExists", [true, false, false, false]],
  ["StringNotEqualsIfExists", [true, false, false, false]],
  ["ForAnyValue:StringEquals", [false, true, false, true]],
  ["ForAllValues:StringEquals", [true, true, false, false]],
  ["ForAnyValue:StringNotEquals", [false, false, true, true]],
  ["ForAllValues:StringNotEquals", [true, false, true, false]],
];
const TABLE_COLUMNS: readonly (readonly string[])[] = [[], ["team"], ["env"], ["team", "env"]];

const table: ConditionCase[] = TABLE_ROWS.flatMap(([operator, results]) =>
  TABLE_COLUMNS.map((tags, i) => ({
    name: `§5.3 table: ${operator} on aws:TagKeys [${tags.join(", ")}]`,
    condition: { [operator]: { "aws:TagKeys": "team" } },
    // The [] column: the request carries no tag keys.
    context: tags.length === 0 ? {} : { "aws:TagKeys": tags },
    holds: results[i] ?? false,
  })),
);

// §5.3 rules beyond the table, and §5.1 block semantics.
const sets: ConditionCase[] = [
  { name: "ForAllValues on an absent single-valued key is vacuously true (capture)", condition: { "ForAllValues:StringEquals": { [TEAM]: "payments" } }, context: {}, holds: true },
  { name: "ForAnyValue on a single-valued key treats it as a one-element set", condition: { "ForAnyValue:StringEquals": { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "ForAllValues:StringEquals with several policy values: every tag key among them", condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "owner"] } }, context: { "aws:TagKeys": ["team", "owner"] }, holds: true },
  { name: "ForAllValues:StringLike over every context value", condition: { "ForAllValues:StringLike": { "aws:TagKeys": "app-*" } }, context: { "aws:TagKeys": ["app-a", "other"] }, holds: false },
  { name: "ForAnyValue:StringEqualsIgnoreCase", condition: { "ForAnyValue:StringEqualsIgnoreCase": { "aws:TagKeys": "TEAM" } }, context: { "aws:TagKeys": ["env", "Team"] }, holds: true },
  { name: "a plain operator on a one-element multivalued key is false", condition: { StringLike: { "kms:EncryptionContextKeys": "*" } }, context: { "kms:EncryptionContextKeys": ["PARAMETER_ARN"] }, holds: false },
  { name: "ForAnyValue:StringEqualsIfExists on an absent key is true", condition: { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" } }, context: {}, holds: true },
  { name: "two operators in one block are an AND (one fails)", condition: { StringEquals: { [TEAM]: "payments" }, Bool: { "aws:SecureTransport": "true" } }, context: { [TEAM]: "payments", "aws:SecureTransport": "false" }, holds: false },
  { name: "two operators in one block are an AND (both hold)", condition: { StringEquals: { [TEAM]: "payments" }, Bool: { "aws:SecureTransport": "true" } }, context: { [TEAM]: "payments", "aws:SecureTransport": "true" }, holds: true },
  { name: "two keys under one operator are an AND", condition: { StringEquals: { [TEAM]: "payments", "aws:RequestTag/env": "prod" } }, context: { [TEAM]: "payments", "aws:RequestTag/env": "dev" }, holds: false },
  { name: "an unknown operator never holds (§10 implementation notes)", condition: { StringEqualz: { [TEAM]: "payments" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "Null takes no IfExists: NullIfExists is unknown and never holds", condition: { NullIfExists: { [TEAM]: "true" } }, context: {}, holds: false },
];

// §6 Policy variables in condition values.
const variables: ConditionCase[] = [
  { name: "a variable in a StringEquals value resolves from the context", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "payments", "aws:PrincipalTag/team": "payments" }, holds: true },
  { name: "variable names are case-insensitive keys", condition: { StringEquals: { [TEAM]: "${AWS:principaltag/TEAM}" } }, context: { [TEAM]: "payments", "aws:PrincipalTag/team": "payments" }, holds: true },
  { name: "an unresolvable variable makes StringEquals false", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "payments" }, holds: false },
  { name: "an unresolvable variable makes StringNotEquals true", condition: { StringNotEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "payments" }, holds: true },
  { name: "a multivalued key as variable never resolves: StringEquals false (capture)", condition: { StringEquals: { [TEAM]: "${aws:TagKeys}" } }, context: { [TEAM]: "team", "aws:TagKeys": ["team"] }, holds: false },
  { name: "a multivalued key as variable never resolves: StringNotEquals true (capture)", condition: { StringNotEquals: { [TEAM]: "${aws:TagKeys}" } }, context: { [TEAM]: "team", "aws:TagKeys": ["team"] }, holds: true },
  { name: "the default is not used while the multivalued key is present (capture)", condition: { StringEquals: { [TEAM]: "${aws:TagKeys, 'team'}" } }, context: { [TEAM]: "team", "aws:TagKeys": ["team"] }, holds: false },
  { name: "the default is used when the key is absent", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team, 'shared'}" } }, context: { [TEAM]: "shared" }, holds: true },
  { name: "the default is not used when the key is present", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team, 'shared'}" } }, context: { [TEAM]: "shared", "aws:PrincipalTag/team": "payments" }, holds: false },
  { name: "${$} is a literal $", condition: { StringEquals: { [TEAM]: "cost${$}center" } }, context: { [TEAM]: "cost$center" }, holds: true },
  { name: "${*} in StringLike is a literal *, not a wildcard", condition: { StringLike: { [TEAM]: "a${*}" } }, context: { [TEAM]: "abc" }, holds: false },
  { name: "${*} in StringLike matches a literal *", condition: { StringLike: { [TEAM]: "a${*}" } }, context: { [TEAM]: "a*" }, holds: true },
  { name: "${?} in StringLike is a literal ?", condition: { StringLike: { [TEAM]: "why${?}" } }, context: { [TEAM]: "whyX" }, holds: false },
  { name: "a variable inside a StringLike pattern", condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/${aws:username}" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:user/alice", "aws:username": "alice" }, holds: true },
  { name: "a variable inside an ArnEquals value", condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:user/alice" } }, context: { "aws:PrincipalArn": "arn:aws:iam::123456789012:user/alice", "aws:PrincipalAccount": "123456789012" }, holds: true },
  { name: "Version 2008-10-17: ${…} in a condition is literal text", version: "2008-10-17", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "payments", "aws:PrincipalTag/team": "payments" }, holds: false },
  { name: "Version 2008-10-17: the literal text matches itself", version: "2008-10-17", condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "${aws:PrincipalTag/team}", "aws:PrincipalTag/team": "payments" }, holds: true },
  { name: "no Version: ${…} is literal text", version: null, condition: { StringEquals: { [TEAM]: "${aws:PrincipalTag/team}" } }, context: { [TEAM]: "payments", "aws:PrincipalTag/team": "payments" }, holds: false },
];

export const CONDITION_CASES: readonly ConditionCase[] = [
  ...strings,
  ...likes,
  ...numerics,
  ...dates,
  ...bools,
  ...ips,
  ...arns,
  ...nulls,
  ...table,
  ...sets,
  ...variables,
];
