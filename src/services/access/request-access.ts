import type { AwsError } from "../../errors/aws-error.js";
import { ConditionContext, type ContextValue } from "../../policy/condition-context.js";
import type { PolicySource } from "../../policy/compiled-policy.js";
import type { Decision } from "../../policy/evaluate.js";
import { evaluate, policySetReferencesResourceTags, type PolicySet } from "../../policy/evaluate.js";
import { denialMessage } from "../../policy/denial-message.js";
import { principalContext } from "../../policy/principal-facts.js";
import type { AccessCheck, AccessControl, AccessRequest } from "../access.js";
import type { CallerAuthority } from "./caller-authority.js";
import { knownResource } from "./resource-arn.js";
import { resourceSide, type ResourceSideDeps } from "./resource-policy.js";
import { isoSeconds } from "../../platform/iso-seconds.js";

/** Facts about the request itself that global condition keys carry (iam-policy-evaluation.md §7). */
export interface RequestFacts {
  readonly region: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly sourceIp?: string | undefined;
  readonly secureTransport: boolean;
}

/** One decision taken for the request, for the audit trail. */
export interface AccessDecision {
  readonly action: string;
  readonly resource: string;
  readonly allowed: boolean;
  readonly reason: string;
  /** The deciding statement's policy and Sid. */
  readonly policy?: { readonly source: string; readonly sid?: string | undefined };
}

export type RequestAccessDeps = ResourceSideDeps;

/**
 * The access control of one request: the caller's authority (loaded once), the resource side of
 * each request (key policies, parameter resource policies), the request's context — then the pure
 * policy engine decides. Every decision is kept for the audit record.
 */
export class RequestAccess implements AccessControl {
  readonly decisions: AccessDecision[] = [];
  private base: Record<string, ContextValue> | undefined;

  constructor(
    private readonly authority: CallerAuthority,
    private readonly request: RequestFacts,
    private readonly deps: RequestAccessDeps,
    private readonly denied: (message: string) => AwsError,
  ) {}

  /** The request's global keys, made once and only when a condition or variable asks for a key. */
  private readonly baseContext = (): Record<string, ContextValue> => {
    this.base ??= {
      ...principalContext(this.authority.facts),
      "aws:CurrentTime": isoSeconds(this.request.now),
      "aws:EpochTime": String(Math.floor(this.request.now / 1000)),
      "aws:SecureTransport": String(this.request.secureTransport),
      "aws:RequestedRegion": this.request.region,
    };
    return this.base;
  };

  async require(requests: readonly AccessRequest[]): Promise<void> {
    for (const r of requests) {
      const check = await this.decide(r, undefined);
      if (!check.allowed) throw this.denied(check.message);
    }
  }

  check(request: AccessRequest, viaService?: string): Promise<AccessCheck> {
    return this.decide(request, viaService);
  }

  private async decide(r: AccessRequest, viaService: string | undefined): Promise<AccessCheck> {
    const side = await resourceSide(r.action, r.resource, this.deps);
    const { authority } = this;
    const policies: PolicySet = {
      mode: side.mode,
      identity: authority.identity,
      ...(side.policy === undefined ? {} : { resource: side.policy }),
      ...(authority.session === undefined ? {} : { session: authority.session }),
      ...(authority.boundary === undefined ? {} : { boundary: authority.boundary }),
    };
    const tags = policySetReferencesResourceTags(policies) ? await this.resourceTags(r.resource) : {};
    // A call a service makes for the caller carries kms:ViaService and no aws:SourceIp (§7).
    const via: Record<string, ContextValue> =
      viaService === undefined
        ? { "aws:ViaAWSService": "false", ...(this.request.sourceIp === undefined ? {} : { "aws:SourceIp": this.request.sourceIp }) }
        : { "aws:ViaAWSService": "true", "kms:ViaService": viaService };
    const context = new ConditionContext(this.baseContext, via, tags, r.context ?? {});
    const decision = evaluate({ principal: authority.facts, action: r.action, resource: r.resource, context }, policies);
    this.decisions.push(decisionRecord(r, decision));
    if (decision.allowed) return { allowed: true, message: "" };
    const shown = r.shownAs === undefined ? r.resource : await r.shownAs();
    return { allowed: false, message: denialMessage(authority.facts.arn, r.action, shown, decision) };
  }

  /** `aws:ResourceTag/<k>` (and SSM's `ssm:resourceTag/<k>`) of a parameter or a KMS key. */
  private async resourceTags(resource: string): Promise<Record<string, string>> {
    const known = knownResource(resource);
    if (known === undefined) return {};
    const tags =
      known.kind === "parameter"
        ? await this.deps.storage.read((tx) => tx.tags(known.region, known.key))
        : await this.deps.storage.read((tx) => tx.kmsKeyTags(known.region, known.keyId));
    const prefixes = known.kind === "parameter" ? ["aws:ResourceTag/", "ssm:resourceTag/"] : ["aws:ResourceTag/"];
    const out: Record<string, string> = {};
    for (const t of tags) for (const p of prefixes) out[`${p}${t.key}`] = t.value;
    return out;
  }
}

function decisionRecord(r: AccessRequest, decision: Decision): AccessDecision {
  const statement = decision.statement;
  return {
    action: r.action,
    resource: r.resource,
    allowed: decision.allowed,
    reason: decision.reason,
    ...(statement === undefined ? {} : { policy: { source: sourceText(statement.source), sid: statement.sid } }),
  };
}

/** How the audit trail names a policy. */
function sourceText(source: PolicySource): string {
  switch (source.kind) {
    case "inline":
      return `inline ${source.ownerType}/${source.ownerName}/${source.policyName}`;
    case "managed":
      return source.versionId === undefined ? source.arn : `${source.arn} ${source.versionId}`;
    case "resource":
      return `resource ${source.arn}`;
    case "trust":
      return `trust ${source.roleArn}`;
    case "session":
      return source.arn === undefined ? "session" : `session ${source.arn}`;
  }
}
