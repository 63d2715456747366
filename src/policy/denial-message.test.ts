import { describe, expect, it } from "vitest";
import { denialMessage } from "./denial-message.js";
import type { DecisionReason } from "./evaluate.js";

// iam-policy-evaluation.md §4.2, the six current-format texts; `User:` prefix for every principal
// kind, no final period.
const SESSION = "arn:aws:sts::123456789012:assumed-role/app-reader/build-42";
const PARAM = "arn:aws:ssm:eu-north-1:123456789012:parameter/bot-api";

const CASES: readonly [DecisionReason, string, string, string, string][] = [
  [
    "no-identity-allow",
    SESSION,
    "ssm:GetParameter",
    PARAM,
    // The exact SSM implicit-deny text quoted in §4.2.
    "User: arn:aws:sts::123456789012:assumed-role/app-reader/build-42 is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-north-1:123456789012:parameter/bot-api because no identity-based policy allows the ssm:GetParameter action",
  ],
  [
    "explicit-deny-identity",
    "arn:aws:iam::123456789012:user/alice",
    "iam:CreateRole",
    "arn:aws:iam::123456789012:role/deployer",
    "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/deployer with an explicit deny in an identity-based policy",
  ],
  [
    "explicit-deny-resource",
    "arn:aws:iam::123456789012:user/alice",
    "kms:Decrypt",
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab with an explicit deny in a resource-based policy",
  ],
  [
    "no-resource-allow",
    "arn:aws:iam::123456789012:root",
    "kms:Decrypt",
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "User: arn:aws:iam::123456789012:root is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action",
  ],
  [
    "no-session-allow",
    SESSION,
    "ssm:PutParameter",
    "arn:aws:ssm:us-east-1:123456789012:parameter/app/x",
    "User: arn:aws:sts::123456789012:assumed-role/app-reader/build-42 is not authorized to perform: ssm:PutParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/x because no session policy allows the ssm:PutParameter action",
  ],
  [
    "no-boundary-allow",
    "arn:aws:iam::123456789012:user/alice",
    "ssm:DescribeParameters",
    // §4.2: DescribeParameters is reported on arn:aws:ssm:<region>:<acct>:*.
    "arn:aws:ssm:us-west-1:123456789012:*",
    "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ssm:DescribeParameters on resource: arn:aws:ssm:us-west-1:123456789012:* because no permissions boundary allows the ssm:DescribeParameters action",
  ],
  [
    "no-identity-allow",
    "arn:aws:iam::123456789012:user/alice",
    "ssm:GetParametersByPath",
    // §4.2: the path ARN keeps the trailing slash as sent.
    "arn:aws:ssm:eu-west-1:123456789012:parameter/aft/account-request/custom-fields/",
    "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ssm:GetParametersByPath on resource: arn:aws:ssm:eu-west-1:123456789012:parameter/aft/account-request/custom-fields/ because no identity-based policy allows the ssm:GetParametersByPath action",
  ],
];

describe("denialMessage (§4.2)", () => {
  it.each(CASES)("%s for %s", (reason, caller, action, resource, message) => {
    expect(denialMessage(caller, action, resource, { allowed: false, reason })).toBe(message);
  });

  it("refuses to describe an allowing decision", () => {
    expect(() => denialMessage(SESSION, "ssm:GetParameter", PARAM, { allowed: true, reason: "allow" })).toThrow();
  });
});
