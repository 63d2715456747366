import { quotaExceeded } from "../../errors/iam-errors.js";
import { checkPolicyDocument } from "./policy-document.js";
import { TRUST_POLICY_QUOTA, policySize } from "./policy-size.js";

/** §8.1, §10 item 9: a well-formed trust policy within the default size quota (ACLSizePerRole). */
export function checkTrustPolicy(text: string): void {
  checkPolicyDocument(text, "trust");
  if (policySize(text) > TRUST_POLICY_QUOTA) throw quotaExceeded("ACLSizePerRole", TRUST_POLICY_QUOTA);
}
