/** Who made a request, as SigV4 authentication established it. */
export interface Principal {
  readonly accountId: string;
  /** `arn:aws:iam::<account>:root`, `arn:aws:iam::<account>:user/<name>`, … (LastModifiedUser). */
  readonly arn: string;
  readonly accessKeyId: string;
  readonly kind: "root" | "user" | "assumed-role" | "system";
  /** IAM users (and their GetSessionToken sessions): the user name, for "UserName omitted → the caller". */
  readonly userName?: string;
}

export function rootPrincipal(accountId: string, accessKeyId: string): Principal {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, accessKeyId, kind: "root" };
}
