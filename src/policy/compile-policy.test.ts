import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile-policy.js";
import { CompiledPolicyCache } from "./compiled-cache.js";
import { ConditionContext } from "./condition-context.js";
import { policySetReferencesResourceTags } from "./evaluate.js";
import { alice, param, root, session } from "./policy-fixtures.case.js";
import { principalContext } from "./principal-facts.js";

const INLINE = { kind: "inline", ownerType: "user", ownerName: "alice", policyName: "p" } as const;
const policyText = (condition: unknown) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Condition: condition }] });

describe("compilePolicy", () => {
  it("compiles equal texts once and keeps each policy's own source", () => {
    const cache = new CompiledPolicyCache(10);
    const text = policyText({ StringEquals: { "aws:username": "alice" } });
    const a = compilePolicy(text, INLINE, cache);
    const b = compilePolicy(text, { kind: "managed", arn: "arn:aws:iam::123456789012:policy/p" }, cache);
    expect(cache.size).toBe(1);
    expect(a.statements).toBe(b.statements);
    expect(a.source.kind).toBe("inline");
    expect(b.source.kind).toBe("managed");
  });

  it("bounds the cache, evicting the entry used least recently", () => {
    const cache = new CompiledPolicyCache(2);
    const compiled: string[] = [];
    const compile = (text: string) => {
      compiled.push(text);
      return { version: undefined, statements: [], referencesResourceTags: false, malformed: true };
    };
    cache.getOrCompile("t1", compile);
    cache.getOrCompile("t2", compile);
    cache.getOrCompile("t1", compile); // t1 is now the most recent
    cache.getOrCompile("t3", compile); // evicts t2
    cache.getOrCompile("t1", compile);
    cache.getOrCompile("t2", compile);
    expect(cache.size).toBe(2);
    expect(compiled).toEqual(["t1", "t2", "t3", "t2"]);
  });

  it.each([
    ["a condition on aws:ResourceTag/…", { StringEquals: { "aws:ResourceTag/team": "payments" } }, true],
    ["a condition key spelled in another case", { StringLike: { "AWS:RESOURCETAG/Team": "p*" } }, true],
    ["a service's own resource-tag key (ssm:resourceTag/…, §8.2)", { StringEquals: { "ssm:resourceTag/team": "payments" } }, true],
    ["a variable ${aws:ResourceTag/…} in a condition value", { StringEquals: { "aws:PrincipalTag/team": "${aws:ResourceTag/team}" } }, true],
    ["request tags only", { StringEquals: { "aws:RequestTag/team": "payments" } }, false],
    ["principal tags only", { StringEquals: { "aws:PrincipalTag/team": "payments" } }, false],
  ])("says whether resource tags are needed: %s", (_name, condition, expected) => {
    expect(compilePolicy(policyText(condition), INLINE).referencesResourceTags).toBe(expected);
  });

  it("notices ${aws:ResourceTag/…} in a Resource", () => {
    const text = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: param("${aws:ResourceTag/team}/*") }] });
    expect(compilePolicy(text, INLINE).referencesResourceTags).toBe(true);
  });

  it("says whether a policy set needs resource tags, whichever policy reads them", () => {
    const plain = compilePolicy(policyText({ StringEquals: { "aws:username": "alice" } }), INLINE);
    const tagged = compilePolicy(policyText({ StringEquals: { "aws:ResourceTag/team": "payments" } }), { kind: "session" });
    expect(policySetReferencesResourceTags({ mode: "standard", identity: [plain] })).toBe(false);
    expect(policySetReferencesResourceTags({ mode: "standard", identity: [plain], session: [tagged] })).toBe(true);
    expect(policySetReferencesResourceTags({ mode: "kms-key", identity: [], resource: tagged })).toBe(true);
    expect(policySetReferencesResourceTags({ mode: "standard", identity: [plain], boundary: tagged })).toBe(true);
  });

  it("compiles text that is not a JSON object to a policy with no statements", () => {
    const compiled = compilePolicy("my policy", { kind: "resource", arn: "arn:aws:kms:us-east-1:123456789012:key/k" });
    expect(compiled.malformed).toBe(true);
    expect(compiled.statements).toEqual([]);
  });
});

// iam-policy-evaluation.md §7: the keys that derive from the principal.
describe("principalContext (§7)", () => {
  const get = (context: ConditionContext, key: string) => context.get(key.toLowerCase());

  it("fills the user's keys", () => {
    const c = new ConditionContext(principalContext(alice));
    expect(get(c, "aws:PrincipalArn")).toBe("arn:aws:iam::123456789012:user/alice");
    expect(get(c, "aws:PrincipalAccount")).toBe("123456789012");
    expect(get(c, "aws:PrincipalType")).toBe("User");
    expect(get(c, "aws:userid")).toBe("AIDAALICEEXAMPLE00001");
    expect(get(c, "aws:username")).toBe("alice");
    expect(get(c, "aws:PrincipalTag/team")).toBe("payments");
    expect(get(c, "aws:MultiFactorAuthPresent")).toBeUndefined();
    expect(get(c, "aws:TokenIssueTime")).toBeUndefined();
  });

  it("gives a role session the role ARN as aws:PrincipalArn and no aws:username", () => {
    const c = new ConditionContext(principalContext(session));
    expect(get(c, "aws:PrincipalArn")).toBe("arn:aws:iam::123456789012:role/app-reader");
    expect(get(c, "aws:PrincipalType")).toBe("AssumedRole");
    expect(get(c, "aws:userid")).toBe("AROAAPPREADEREXAMPLE1:build-42");
    expect(get(c, "aws:username")).toBeUndefined();
    expect(get(c, "aws:TokenIssueTime")).toBe("2024-05-01T12:00:00Z");
    expect(get(c, "aws:MultiFactorAuthPresent")).toBe("false");
  });

  it("describes root as the Account with its account id as aws:userid", () => {
    const c = new ConditionContext(principalContext(root));
    expect(get(c, "aws:PrincipalType")).toBe("Account");
    expect(get(c, "aws:PrincipalArn")).toBe("arn:aws:iam::123456789012:root");
    expect(get(c, "aws:userid")).toBe("123456789012");
    expect(get(c, "aws:username")).toBeUndefined();
  });

  it("looks keys up case-insensitively, later parts overriding earlier ones", () => {
    const c = new ConditionContext({ "aws:SourceIp": "192.0.2.1" }, { "AWS:SOURCEIP": "198.51.100.1" });
    expect(c.get("aws:sourceip")).toBe("198.51.100.1");
  });
});
