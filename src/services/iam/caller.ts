import { userNameRequired } from "../../errors/iam-errors.js";
import type { OperationContext } from "../operation.js";

/**
 * `UserName` omitted → the calling IAM user (GetUser, the access key operations). Root, role
 * sessions and any temporary credentials must name the user (iam-sts.md §5.2, §6).
 *
 * Root without UserName is refused rather than given root access keys: root's credentials are the
 * server's bootstrap credentials, which IAM does not manage, and a root key made here would be a
 * second, unmanaged door to the whole account.
 */
export function targetUserName(input: { readonly UserName?: string | undefined }, cx: OperationContext, allowSession: boolean): string {
  if (input.UserName !== undefined) return input.UserName;
  const caller = cx.caller;
  if (caller.kind !== "user" || caller.userName === undefined) throw userNameRequired();
  if (!allowSession && caller.sessionIssuedAt !== undefined) throw userNameRequired();
  return caller.userName;
}
