import { quotaExceeded } from "../../errors/iam-errors.js";
import { checkPolicyDocument } from "./policy-document.js";
import { MANAGED_POLICY_QUOTA, policySize } from "./policy-size.js";

/** CreatePolicy / CreatePolicyVersion: §10 rules for managed policies, then the 6,144-character quota. */
export function checkManagedPolicyDocument(text: string): void {
  checkPolicyDocument(text, "managed");
  if (policySize(text) > MANAGED_POLICY_QUOTA) throw quotaExceeded("PolicySize", MANAGED_POLICY_QUOTA);
}
