import { describe, expect, it } from "vitest";
import { KmsFailure } from "../ports.js";
import { checkKeyPolicy, type KeyPolicyCheck } from "./key-policy-check.js";
import { awsSsmKeyPolicy, defaultKeyPolicy } from "./key-policy.js";

const ACCOUNT = "111122223333";
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const CHECK: KeyPolicyCheck = { keyArn: KEY_ARN, account: ACCOUNT, callerArn: ROOT, bypassLockoutSafetyCheck: false };

function policy(...statements: unknown[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

const rootAdmin = { Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" };

function failure(text: string, check: Partial<KeyPolicyCheck> = {}): { code: string; message: string } | undefined {
  try {
    checkKeyPolicy(text, { ...CHECK, ...check });
    return undefined;
  } catch (e) {
    if (!(e instanceof KmsFailure)) throw e;
    return { code: e.kmsCode, message: e.message };
  }
}

const MALFORMED = { code: "MalformedPolicyDocumentException", message: "" };
const BAD_PRINCIPALS = {
  code: "MalformedPolicyDocumentException",
  message: "Policy contains a statement with one or more invalid principals.",
};
const LOCKOUT = {
  code: "MalformedPolicyDocumentException",
  message: "The new key policy will not allow you to update the key policy in the future.",
};

describe("checkKeyPolicy", () => {
  it("accepts the default policy, the aws/ssm policy's root statement and a statement object", () => {
    expect(failure(defaultKeyPolicy(ACCOUNT))).toBeUndefined();
    expect(failure(JSON.stringify({ Statement: rootAdmin }))).toBeUndefined();
    expect(failure(policy({ ...rootAdmin, Action: ["kms:PutKey*"], Resource: KEY_ARN }))).toBeUndefined();
    expect(failure(policy({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }))).toBeUndefined();
  });

  it("refuses text that is not a policy document, without a message", () => {
    for (const text of [
      "my policy",
      "[]",
      "{}",
      JSON.stringify({ Statement: [] }),
      JSON.stringify({ Version: "2013-01-01", Statement: rootAdmin }),
      JSON.stringify({ Statement: rootAdmin, Extra: 1 }),
      policy({ ...rootAdmin, Effect: "allow" }),
      policy({ ...rootAdmin, Action: [] }),
      policy({ ...rootAdmin, NotAction: "kms:Decrypt" }),
      policy({ ...rootAdmin, Condition: "x" }),
      policy({ ...rootAdmin, Sid: "a" }, { ...rootAdmin, Sid: "a" }),
    ]) {
      expect(failure(text), text).toEqual(MALFORMED);
    }
  });

  it("refuses a statement without a principal or with a malformed one", () => {
    for (const principal of [undefined, { AWS: "bob" }, { AWS: [] }, { Nobody: "x" }, "root", { AWS: "arn:aws:iam::1:root" }]) {
      expect(failure(policy(rootAdmin, { Effect: "Allow", Principal: principal, Action: "kms:Decrypt", Resource: "*" }))).toEqual(
        BAD_PRINCIPALS,
      );
    }
    expect(failure(policy(rootAdmin, { Effect: "Allow", Principal: { AWS: "222233334444" }, Action: "kms:Decrypt" }))).toBeUndefined();
  });

  it("refuses a policy that locks the caller out, unless the check is bypassed", () => {
    const readOnly = policy({ ...rootAdmin, Action: ["kms:Describe*", "kms:Get*"] });
    const otherPrincipal = policy({ ...rootAdmin, Principal: { AWS: "arn:aws:iam::111122223333:user/alice" } });
    const denied = policy(rootAdmin, { ...rootAdmin, Effect: "Deny", Action: "kms:PutKeyPolicy" });
    const noResource = policy({ Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*" });
    for (const text of [readOnly, otherPrincipal, denied, noResource]) {
      expect(failure(text), text).toEqual(LOCKOUT);
      expect(failure(text, { bypassLockoutSafetyCheck: true }), text).toBeUndefined();
    }
    expect(failure(otherPrincipal, { callerArn: "arn:aws:iam::111122223333:user/alice" })).toBeUndefined();
    expect(failure(policy({ ...rootAdmin, Principal: { AWS: ACCOUNT } }))).toBeUndefined();
  });

  it("counts the 32 KiB quota in UTF-8 bytes", () => {
    const padding = "é".repeat(16_400);
    expect(failure(policy({ ...rootAdmin, Sid: padding }))).toEqual({
      code: "LimitExceededException",
      message: "The key policy exceeds the size quota of 32768 bytes.",
    });
  });

  it("prints the AWS managed key's policy with the account and region", () => {
    const parsed = JSON.parse(awsSsmKeyPolicy(ACCOUNT, "eu-west-1")) as { Statement: { Condition?: unknown }[] };
    expect(parsed.Statement[0]?.Condition).toEqual({
      StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ssm.eu-west-1.amazonaws.com" },
    });
  });
});
