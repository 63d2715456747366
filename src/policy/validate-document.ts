/**
 * Which rules of iam-sts.md §10 apply: identity policies attached inline (`inline`) or as managed
 * policies (`managed`, which must say Version 2012-10-17), role trust policies (`trust`), STS session
 * policies (`session`), and other resource policies (`resource`: KMS key policies, parameter policies).
 */
export type PolicyDocumentKind = "inline" | "managed" | "trust" | "session" | "resource";

/**
 * AWS's MalformedPolicyDocument message for the first problem of a policy document, in the order of
 * iam-sts.md §10, or undefined when the document is acceptable.
 */
export function policyDocumentProblem(text: string, _kind: PolicyDocumentKind): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "This policy contains invalid Json";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "Syntax errors in policy.";
  return undefined;
}
