import type { OperationContext } from "../operation.js";

/** `arn:aws:iam::<acct>:<kind><path><name>`; the path always begins and ends with `/`. */
export function iamArn(cx: Pick<OperationContext, "partition" | "accountId">, kind: "user" | "role" | "group" | "policy", path: string, name: string): string {
  return `arn:${cx.partition}:iam::${cx.accountId}:${kind}${path}${name}`;
}

export interface PolicyArnParts {
  /** The account id, or `aws` for AWS managed policies. */
  readonly account: string;
  readonly path: string;
  readonly name: string;
}

const ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;
const POLICY_RESOURCE = /^policy(\/(?:.*\/)?)([^/]+)$/;

/** Whether a string parses as an ARN at all (the `Invalid ARN:  Could not be parsed!` test). */
export function isArn(text: string): boolean {
  return ARN.test(text);
}

/** The account, path and name of an IAM policy ARN; undefined for any other ARN. */
export function parsePolicyArn(arn: string): PolicyArnParts | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[2] !== "iam" || parts[3] !== "") return undefined;
  const account = parts[4] ?? "";
  const match = POLICY_RESOURCE.exec(parts.slice(5).join(":"));
  if (match === null) return undefined;
  return { account, path: match[1] ?? "/", name: match[2] ?? "" };
}
