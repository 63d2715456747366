import type { Decision } from "./evaluate.js";

/**
 * AWS's access-denied text (iam-policy-evaluation.md §4.2), always prefixed `User:` whatever the
 * principal, without a final period. `callerArn` is the session ARN for role sessions; `action` as
 * the request names it (`ssm:GetParameter`).
 */
export function denialMessage(callerArn: string, action: string, resource: string, decision: Decision): string {
  const head = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  switch (decision.reason) {
    case "explicit-deny-identity":
      return `${head} with an explicit deny in an identity-based policy`;
    case "explicit-deny-resource":
      return `${head} with an explicit deny in a resource-based policy`;
    case "no-identity-allow":
      return `${head} because no identity-based policy allows the ${action} action`;
    case "no-resource-allow":
      return `${head} because no resource-based policy allows the ${action} action`;
    case "no-session-allow":
      return `${head} because no session policy allows the ${action} action`;
    case "no-boundary-allow":
      return `${head} because no permissions boundary allows the ${action} action`;
    case "allow":
      throw new Error("denialMessage called for an allowing decision");
    default: {
      const unreachable: never = decision.reason;
      return unreachable;
    }
  }
}
