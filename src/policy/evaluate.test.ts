import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile-policy.js";
import type { CompiledPolicy } from "./compiled-policy.js";
import { ConditionContext } from "./condition-context.js";
import { CONDITION_CASES } from "./conditions.case.js";
import { denialMessage } from "./denial-message.js";
import { type Decision, evaluate, type PolicySet } from "./evaluate.js";
import { EVALUATION_CASES } from "./evaluation.case.js";
import { EXAMPLE_CASES, type ExampleCase } from "./examples.case.js";
import { MATCHING_CASES } from "./matching.case.js";
import { alice, type EvalCase, param, type PolicyText, ROLE_ARN, session } from "./policy-fixtures.case.js";
import { principalContext, type PrincipalFacts } from "./principal-facts.js";

const text = (p: PolicyText): string => (typeof p === "string" ? p : JSON.stringify(p));

/** The policies of a case, and a name for each so that the deciding statement can be checked. */
function policySet(c: EvalCase): { set: PolicySet; names: Map<CompiledPolicy["source"], string> } {
  const names = new Map<CompiledPolicy["source"], string>();
  const named = (p: CompiledPolicy, name: string) => {
    names.set(p.source, name);
    return p;
  };
  const identity = (c.identity ?? []).map((p, i) =>
    named(compilePolicy(text(p), { kind: "inline", ownerType: "user", ownerName: "alice", policyName: `p${i}` }), `identity[${i}]`),
  );
  const mode = c.mode ?? "standard";
  const set: PolicySet = {
    mode,
    identity,
    ...(c.resourcePolicy === undefined
      ? {}
      : {
          resource: named(
            compilePolicy(text(c.resourcePolicy), mode === "role-trust" ? { kind: "trust", roleArn: c.resource } : { kind: "resource", arn: c.resource }),
            "resource",
          ),
        }),
    ...(c.session === undefined ? {} : { session: c.session.map((p, i) => named(compilePolicy(text(p), { kind: "session" }), `session[${i}]`)) }),
    ...(c.boundary === undefined
      ? {}
      : { boundary: named(compilePolicy(text(c.boundary), { kind: "managed", arn: "arn:aws:iam::123456789012:policy/boundary" }), "boundary") }),
  };
  return { set, names };
}

function run(c: EvalCase): { decision: Decision; names: Map<CompiledPolicy["source"], string> } {
  const principal = c.principal ?? alice;
  const { set, names } = policySet(c);
  const context = new ConditionContext(principalContext(principal), c.context ?? {});
  return { decision: evaluate({ principal, action: c.action, resource: c.resource, context }, set), names };
}

function check(c: EvalCase | ExampleCase): void {
  const { decision, names } = run(c);
  expect(decision.reason).toBe(c.expect);
  expect(decision.allowed).toBe(c.expect === "allow");
  if (c.decidedBy !== undefined) {
    expect(decision.statement).toBeDefined();
    const s = decision.statement;
    expect(s === undefined ? undefined : { policy: names.get(s.source), index: s.index, sid: s.sid }).toEqual({
      policy: c.decidedBy.policy,
      index: c.decidedBy.index,
      sid: c.decidedBy.sid,
    });
  }
  if ("message" in c && c.message !== undefined) {
    expect(denialMessage((c.principal ?? alice).arn, c.action, c.resource, decision)).toBe(c.message);
  }
}

describe("conditions (§5, §6)", () => {
  it.each(CONDITION_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const document: Record<string, unknown> = { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: c.condition }] };
    if (c.version !== null) document["Version"] = c.version ?? "2012-10-17";
    const policy = compilePolicy(JSON.stringify(document), { kind: "inline", ownerType: "user", ownerName: "alice", policyName: "c" });
    const decision = evaluate(
      { principal: alice, action: "ssm:GetParameter", resource: param("a"), context: new ConditionContext(c.context) },
      { mode: "standard", identity: [policy] },
    );
    expect(decision.allowed).toBe(c.holds);
  });
});

describe("matching (§2, §6)", () => {
  it.each(MATCHING_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
});

describe("decisions (§3)", () => {
  it.each(EVALUATION_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
});

describe("worked examples (§9)", () => {
  it.each(EXAMPLE_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
});

describe("principals saved with their unique ids (§2.3)", () => {
  const ASSUME = "sts:AssumeRole";
  const trustNaming = (arn: string, saved: string | undefined): PolicySet => {
    const compiled = compilePolicy(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: arn }, Action: ASSUME }] }), {
      kind: "trust",
      roleArn: ROLE_ARN,
    });
    return { mode: "role-trust", identity: [], resource: saved === undefined ? compiled : { ...compiled, principalIds: new Map([[arn, saved]]) } };
  };
  const decide = (principal: PrincipalFacts, set: PolicySet): Decision =>
    evaluate({ principal, action: ASSUME, resource: ROLE_ARN, context: new ConditionContext(principalContext(principal)) }, set);

  it("a user ARN matches only the user it was saved for", () => {
    expect(decide(alice, trustNaming(alice.arn, alice.uniqueId)).reason).toBe("allow");
    // Alice deleted and recreated: same ARN, new unique id.
    const recreated: PrincipalFacts = { ...alice, uniqueId: "AIDAALICEEXAMPLE00002" };
    expect(decide(recreated, trustNaming(alice.arn, alice.uniqueId)).reason).toBe("no-resource-allow");
    expect(decide(recreated, trustNaming(alice.arn, undefined)).reason).toBe("allow");
  });

  it("a role ARN matches the sessions of the role it was saved for only", () => {
    expect(decide(session, trustNaming(session.principalArn, session.uniqueId)).reason).toBe("allow");
    expect(decide({ ...session, uniqueId: "AROAAPPREADEREXAMPLE2" }, trustNaming(session.principalArn, session.uniqueId)).reason).toBe("no-resource-allow");
    // The session ARN itself is never pinned.
    expect(decide({ ...session, uniqueId: "AROAAPPREADEREXAMPLE2" }, trustNaming(session.arn, undefined)).reason).toBe("allow");
  });
});
