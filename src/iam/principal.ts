/** Who made a request, as SigV4 authentication established it. */
export interface Principal {
  readonly accountId: string;
  /**
   * The ARN AWS shows for the caller (GetCallerIdentity, LastModifiedUser, denial messages):
   * `arn:aws:iam::<account>:root`, `arn:aws:iam::<account>:user/<path><name>`,
   * `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
   */
  readonly arn: string;
  readonly accessKeyId: string;
  readonly kind: "root" | "user" | "assumed-role" | "system";
  /** `aws:userid`: the account id for root, `AIDA…` for users, `AROA…:<session>` for role sessions. */
  readonly userId: string;
  /** IAM users (and their GetSessionToken sessions): the user name, for "UserName omitted → the caller". */
  readonly userName?: string;
  /** Role sessions: `aws:PrincipalArn`, the role's own ARN (with its path), not the session ARN. */
  readonly roleArn?: string;
  /** Temporary credentials (AssumeRole, GetSessionToken): when they were issued, ms since the epoch. */
  readonly sessionIssuedAt?: number;
}

export function rootPrincipal(accountId: string, accessKeyId: string): Principal {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, accessKeyId, kind: "root", userId: accountId };
}
