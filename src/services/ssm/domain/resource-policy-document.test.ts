import { describe, expect, it } from "vitest";
import { assertResourcePolicyDocument } from "./resource-policy-document.js";

const statement = {
  Sid: "share",
  Effect: "Allow",
  Principal: { AWS: "210987654321" },
  Action: ["ssm:GetParameter", "ssm:GetParameters"],
  Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/shared/db-url",
};
const doc = (overrides: Record<string, unknown> = {}, st: Record<string, unknown> = {}): string =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ ...statement, ...st }], ...overrides });

describe("assertResourcePolicyDocument", () => {
  it.each([
    ["the spec's example", doc()],
    ["a single statement object", JSON.stringify({ Version: "2012-10-17", Statement: statement })],
    ["no Version, Principal *", JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", NotAction: "ssm:PutParameter" }] })],
    ["a condition and several principals", doc({}, { Principal: { AWS: ["1", "2"] }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } })],
  ])("accepts %s", (_label, text) => {
    expect(() => assertResourcePolicyDocument(text)).not.toThrow();
  });

  it.each([
    ["not JSON", "{not json", "the policy is not valid JSON."],
    ["a JSON array", "[]", "the policy must be a JSON object."],
    ["an unknown top-level member", doc({ Extra: 1 }), "policy has an unknown element Extra."],
    ["a bad version", doc({ Version: "2020-01-01" }), "Version must be one of [2012-10-17, 2008-10-17]."],
    ["no statement", JSON.stringify({ Version: "2012-10-17" }), "the policy must contain at least one statement."],
    ["an empty statement list", doc({ Statement: [] }), "the policy must contain at least one statement."],
    ["a bad effect", doc({}, { Effect: "allow" }), "Effect of statement 1 must be Allow or Deny."],
    ["no principal", doc({}, { Principal: undefined }), "statement 1 must contain Principal or NotPrincipal."],
    ["a bad principal type", doc({}, { Principal: { User: "x" } }), "Principal of statement 1 has an unknown principal type User."],
    ["no action", doc({}, { Action: undefined }), "statement 1 must contain Action or NotAction."],
    ["Action and NotAction", doc({}, { NotAction: "ssm:*" }), "statement 1 can't contain both Action and NotAction."],
    ["an empty action list", doc({}, { Action: [] }), "Action of statement 1 must be a non-empty string or a non-empty list of strings."],
    ["a numeric resource", doc({}, { Resource: 5 }), "Resource of statement 1 must be a non-empty string or a non-empty list of strings."],
    ["an unknown statement member", doc({}, { Effects: "Allow" }), "statement 1 has an unknown element Effects."],
  ])("refuses %s", (_label, text, detail) => {
    expect(() => assertResourcePolicyDocument(text)).toThrow(
      expect.objectContaining({
        code: "MalformedResourcePolicyDocumentException",
        status: 400,
        messageKey: "Message",
        message: `The resource policy document is malformed: ${detail}`,
      }),
    );
  });
});
