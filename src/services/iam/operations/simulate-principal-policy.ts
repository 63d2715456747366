import type { EvaluationResult, SimulatePolicyResponse, SimulatePrincipalPolicyRequest, Statement } from "@aws-sdk/client-iam";
import { invalidInput, noSuchEntity } from "../../../errors/iam-errors.js";
import type { Principal } from "../../../iam/principal.js";
import type { IamRoleRecord, IamUserRecord } from "../../../storage/iam-ports.js";
import { compilePolicy } from "../../../policy/compile-policy.js";
import type { CompiledPolicy, PolicySource } from "../../../policy/compiled-policy.js";
import { ConditionContext, type ContextValue } from "../../../policy/condition-context.js";
import { evaluate, type Decision } from "../../../policy/evaluate.js";
import { principalContext } from "../../../policy/principal-facts.js";
import { loadCallerAuthority } from "../../access/caller-authority.js";
import { iamArn } from "../arns.js";
import type { IamOperation, Validated } from "../iam-operation.js";
import { checkPolicyDocument } from "../policy-document.js";

const SOURCE = /^arn:[^:]+:iam::\d{12}:(user|role)(\/(?:.*\/)?)([^/]+)$/;

/**
 * "Why is this call denied?": evaluates ActionNames × ResourceArns with the policies of a user or
 * role (plus PolicyInputList, ContextEntries, ResourcePolicy) through the same engine that decides
 * live requests, and reports the deciding statement. Groups as PolicySourceArn are not simulated.
 */
export const SimulatePrincipalPolicy: IamOperation<
  Validated<SimulatePrincipalPolicyRequest, "PolicySourceArn" | "ActionNames">,
  SimulatePolicyResponse
> = {
  name: "SimulatePrincipalPolicy",
  action: "iam:SimulatePrincipalPolicy",
  async run(input, cx) {
    const m = SOURCE.exec(input.PolicySourceArn);
    if (m === null) throw invalidInput(`Invalid PolicySourceArn: ${input.PolicySourceArn}`);
    const [, kind = "user", , name = ""] = m;
    const entity: IamUserRecord | IamRoleRecord | undefined = await cx.ports.storage.read(
      (tx): Promise<IamUserRecord | IamRoleRecord | undefined> => (kind === "user" ? tx.iamUser(name) : tx.iamRole(name)),
    );
    if (entity === undefined) throw noSuchEntity(kind === "user" ? "user" : "role", name);
    const principal: Principal =
      "userId" in entity
        ? { accountId: cx.accountId, arn: iamArn(cx, "user", entity.path, entity.name), accessKeyId: "", kind: "user", userId: entity.userId, userName: entity.name }
        : {
            accountId: cx.accountId,
            arn: `arn:aws:sts::${cx.accountId}:assumed-role/${entity.name}/simulation`,
            accessKeyId: "",
            kind: "assumed-role",
            userId: `${entity.roleId}:simulation`,
            roleArn: iamArn(cx, "role", entity.path, entity.name),
          };
    const authority = await loadCallerAuthority(cx.ports.storage, principal, undefined);
    if (authority === undefined) throw noSuchEntity(kind === "user" ? "user" : "role", name);
    const extra = (input.PolicyInputList ?? []).map((text, i): CompiledPolicy => {
      checkPolicyDocument(text, "inline");
      return compilePolicy(text, { kind: "inline", ownerType: "user", ownerName: "PolicyInputList", policyName: `PolicyInputList.${i + 1}` });
    });
    if (input.ResourcePolicy !== undefined) checkPolicyDocument(input.ResourcePolicy, "resource");
    const resourcePolicy =
      input.ResourcePolicy === undefined ? undefined : compilePolicy(input.ResourcePolicy, { kind: "resource", arn: "ResourcePolicy" });
    const given: Record<string, ContextValue> = {};
    for (const entry of input.ContextEntries ?? []) {
      const values = entry.ContextKeyValues ?? [];
      if (entry.ContextKeyName === undefined) continue;
      given[entry.ContextKeyName] = (entry.ContextKeyType ?? "").endsWith("List") ? values : (values[0] ?? "");
    }
    const context = new ConditionContext(principalContext(authority.facts), given);
    const resources = input.ResourceArns === undefined || input.ResourceArns.length === 0 ? ["*"] : input.ResourceArns;
    const results: EvaluationResult[] = [];
    for (const action of input.ActionNames) {
      for (const resource of resources) {
        const decision = evaluate(
          { principal: authority.facts, action, resource, context },
          {
            mode: "standard",
            identity: [...authority.identity, ...extra],
            ...(resourcePolicy === undefined ? {} : { resource: resourcePolicy }),
            ...(authority.boundary === undefined ? {} : { boundary: authority.boundary }),
          },
        );
        results.push({
          EvalActionName: action,
          EvalResourceName: resource,
          EvalDecision: decisionName(decision),
          MatchedStatements: decision.statement === undefined ? [] : [matched(decision.statement.source)],
          MissingContextValues: [],
        });
      }
    }
    return { EvaluationResults: results, IsTruncated: false };
  },
};

function decisionName(decision: Decision): "allowed" | "explicitDeny" | "implicitDeny" {
  if (decision.allowed) return "allowed";
  return decision.reason.startsWith("explicit-deny") ? "explicitDeny" : "implicitDeny";
}

function matched(source: PolicySource): Statement {
  switch (source.kind) {
    case "inline":
      return { SourcePolicyId: source.policyName, SourcePolicyType: source.ownerType };
    case "managed":
      return { SourcePolicyId: source.arn.slice(source.arn.lastIndexOf("/") + 1), SourcePolicyType: source.arn.includes(":aws:policy/") ? "aws-managed" : "user-managed" };
    case "resource":
      return { SourcePolicyId: "ResourcePolicy", SourcePolicyType: "resource" };
    default:
      return { SourcePolicyType: "none" };
  }
}
