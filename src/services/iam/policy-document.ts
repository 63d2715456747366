import { malformedPolicyDocument } from "../../errors/iam-errors.js";
import { policyDocumentProblem, type PolicyDocumentKind } from "../../policy/validate-document.js";

/** Throws AWS's MalformedPolicyDocument (400) for the first problem of a document (iam-sts.md §10). */
export function checkPolicyDocument(text: string, kind: PolicyDocumentKind): void {
  const problem = policyDocumentProblem(text, kind);
  if (problem !== undefined) throw malformedPolicyDocument(problem);
}
