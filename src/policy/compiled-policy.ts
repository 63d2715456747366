import type { CompiledCondition } from "./condition-block.js";
import type { PolicyTemplate } from "./policy-variables.js";
import type { CompiledPrincipal } from "./principal-match.js";
import type { Matcher, MatcherMemo } from "./wildcard.js";

/** Which policy a statement came from: for the audit trail and "why denied" diagnostics. */
export type PolicySource =
  | { readonly kind: "inline"; readonly ownerType: "user" | "role" | "group"; readonly ownerName: string; readonly policyName: string }
  | { readonly kind: "managed"; readonly arn: string; readonly versionId?: string }
  /** A resource-based policy (KMS key policy, parameter resource policy) of the resource `arn`. */
  | { readonly kind: "resource"; readonly arn: string }
  | { readonly kind: "trust"; readonly roleArn: string }
  /** AssumeRole's `Policy` (no arn) or one of its `PolicyArns`. */
  | { readonly kind: "session"; readonly arn?: string };

export interface ResourceEntry {
  readonly template: PolicyTemplate;
  /** Set when the entry has no variables; otherwise built per request through `memo`. */
  readonly matcher: Matcher | undefined;
  readonly memo: MatcherMemo | undefined;
}

export interface CompiledStatement {
  /** Position in the policy's Statement list (0-based), for the audit trail. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: "Allow" | "Deny";
  /** A statement that can never apply: missing or malformed elements, an unknown operator. */
  readonly inert: boolean;
  /** Lower-cased action names without wildcards (§2.1), looked up in one step; `notAction` inverts. */
  readonly exactActions: ReadonlySet<string>;
  /** Lower-cased action patterns with wildcards. */
  readonly actionPatterns: readonly Matcher[];
  readonly notAction: boolean;
  /** Undefined when the statement has neither Resource nor NotResource. */
  readonly resources: readonly ResourceEntry[] | undefined;
  readonly notResource: boolean;
  /** Undefined when the statement has neither Principal nor NotPrincipal. */
  readonly principal: CompiledPrincipal | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
}

/** A document compiled once and shared by every policy with the same text. */
export interface CompiledDocument {
  /** `2012-10-17` substitutes variables; `2008-10-17` or absent does not (§1). */
  readonly version: string | undefined;
  readonly statements: readonly CompiledStatement[];
  /** Whether any condition or variable reads `aws:ResourceTag/…` (or a service's `…:ResourceTag/…`). */
  readonly referencesResourceTags: boolean;
  /** Not a JSON object: the document has no statements and so grants nothing. */
  readonly malformed: boolean;
}

export interface CompiledPolicy extends CompiledDocument {
  readonly source: PolicySource;
  /**
   * The unique ids (`AIDA…`/`AROA…`) the user and role ARNs this resource policy names had when it
   * was saved (iam-policy-evaluation.md §2.3), by ARN: such an ARN names the caller only while the
   * caller's unique id is the saved one, so a principal deleted and recreated under the same name
   * does not match. ARNs not listed match by ARN alone.
   */
  readonly principalIds?: ReadonlyMap<string, string>;
}
