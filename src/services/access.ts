/**
 * Authorisation as operations see it: each operation says which (action, resource, context) its
 * request amounts to, and the access control of the request — built per request by the server from
 * the caller's policies — decides. Operations never see policies; the policy engine never sees
 * operations.
 */

/** Request-specific condition keys (`ssm:Overwrite`, `aws:RequestTag/team`, `aws:TagKeys` …). */
export type ConditionValues = Readonly<Record<string, string | readonly string[]>>;

export interface AccessRequest {
  /** `service:Action`, e.g. `ssm:GetParameter`. */
  readonly action: string;
  /** The ARN authorised (iam-policy-evaluation.md §8.1). */
  readonly resource: string;
  readonly context?: ConditionValues;
  /**
   * The resource a denial names when it is not the one evaluated: SSM names `arn:…:<account>:*` when
   * the parameter does not exist (ssm-parameter-store.md §1.4). Asked only on denial.
   */
  readonly shownAs?: () => Promise<string>;
}

/** The outcome of one check, with AWS's denial text ready for the caller's protocol. */
export interface AccessCheck {
  readonly allowed: boolean;
  /** `User: … is not authorized to perform: …` (empty when allowed). */
  readonly message: string;
}

export interface AccessControl {
  /** Resolves when every request is allowed; otherwise throws the service's access-denied error for the first one denied. */
  require(requests: readonly AccessRequest[]): Promise<void>;
  /**
   * One check without throwing: for calls a service makes on the caller's behalf (SSM's KMS calls),
   * whose denial the calling service reports in its own terms. `viaService` marks them
   * (`kms:ViaService`, `aws:ViaAWSService`; no `aws:SourceIp`).
   */
  check(request: AccessRequest, viaService?: string): Promise<AccessCheck>;
}
