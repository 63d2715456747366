import { compilePolicy } from "../../policy/compile-policy.js";
import type { CompiledPolicy } from "../../policy/compiled-policy.js";
import type { EvaluationMode } from "../../policy/evaluate.js";
import type { Storage } from "../../storage/ports.js";
import type { KmsKeyStore } from "../kms/key-store.js";
import { knownResource } from "./resource-arn.js";
import type { ResourcePolicyCache } from "./resource-policy-cache.js";

export interface ResourceSide {
  readonly mode: EvaluationMode;
  readonly policy?: CompiledPolicy;
}

const STANDARD: ResourceSide = { mode: "standard" };
const ROLE = /^arn:[^:]+:iam::\d{12}:role(\/(?:.*\/)?)([^/]+)$/;

/**
 * The resource-based side of a decision (iam-policy-evaluation.md §3): a KMS action on a key is gated
 * by the key policy (mode `kms-key`); an SSM action on a parameter meets the parameter's resource
 * policies (PutResourcePolicy), if any; everything else has no resource policy.
 */
export interface ResourceSideDeps {
  readonly storage: Storage;
  readonly keys: KmsKeyStore;
  readonly parameterPolicies: ResourcePolicyCache;
}

export async function resourceSide(action: string, resource: string, deps: ResourceSideDeps): Promise<ResourceSide> {
  const { storage, keys } = deps;
  const service = action.slice(0, action.indexOf(":")).toLowerCase();
  const known = knownResource(resource);
  if (service === "kms") {
    if (known?.kind !== "kms-key") return STANDARD;
    const { region, account, keyId } = known;
    const key = await keys.keyById(region, keyId);
    // A key that does not exist has no policy to allow anything: the gate stays shut.
    if (key === undefined) return { mode: "kms-key" };
    const text = await keys.policyOf(key, account);
    return { mode: "kms-key", policy: compilePolicy(text, { kind: "resource", arn: resource }) };
  }
  if (service === "ssm") {
    if (known?.kind !== "parameter") return STANDARD;
    const { region, key } = known;
    const merged = await deps.parameterPolicies.merged(region, key);
    if (merged === null) return STANDARD;
    return { mode: "standard", policy: compilePolicy(merged, { kind: "resource", arn: resource }) };
  }
  if (service === "sts") {
    const m = ROLE.exec(resource);
    if (m === null) return STANDARD;
    // One account per server: the caller (AssumeRole) has checked the ARN's partition and account.
    const [, path = "", name = ""] = m;
    const role = await storage.read((tx) => tx.iamRole(name));
    // A role that does not exist (or by another path or spelling) trusts nobody.
    if (role === undefined || role.path !== path || role.name !== name) return { mode: "role-trust" };
    const trust = compilePolicy(role.trustPolicy, { kind: "trust", roleArn: resource });
    return { mode: "role-trust", policy: { ...trust, principalIds: new Map(role.trustPrincipals.map((p) => [p.arn, p.uniqueId])) } };
  }
  return STANDARD;
}
