import { constraintViolations, parameterVersionLabelLimitExceeded } from "../../../errors/ssm-errors.js";
import { MAX_LABEL_LENGTH, MAX_LABELS_PER_VERSION, MIN_LABEL_LENGTH } from "./limits.js";

/**
 * Label rules (ssm-parameter-store.md §5.2): letters (case-sensitive), digits, `.`, `-`, `_`; not
 * starting with a digit, nor with `aws`/`ssm` in any case (`AWSbad`, `Ssmbad` are invalid).
 */
const LABEL = /^[a-zA-Z._-][a-zA-Z0-9._-]*$/;

export function isValidLabel(label: string): boolean {
  return (
    label.length >= MIN_LABEL_LENGTH &&
    label.length <= MAX_LABEL_LENGTH &&
    LABEL.test(label) &&
    !/^(aws|ssm)/i.test(label)
  );
}

export interface ClassifiedLabels {
  /** De-duplicated, in input order: these are attached (or removed). */
  readonly valid: readonly string[];
  /** De-duplicated, in input order: the response's `InvalidLabels` (§5.2). */
  readonly invalid: readonly string[];
}

/** Valid labels in a request are applied even when others are invalid (§5.2). */
export function classifyLabels(labels: readonly string[]): ClassifiedLabels {
  const unique = [...new Set(labels)];
  return { valid: unique.filter(isValidLabel), invalid: unique.filter((l) => !isValidLabel(l)) };
}

/**
 * Length violations are the model's ValidationException, not InvalidLabels (§1.5, §5.2). AWS names
 * both bounds whichever one failed, and prints the whole list.
 */
export function assertLabelLengths(labels: readonly string[]): void {
  if (labels.every((l) => l.length >= MIN_LABEL_LENGTH && l.length <= MAX_LABEL_LENGTH)) return;
  throw constraintViolations([
    {
      value: `[${labels.join(", ")}]`,
      path: "labels",
      rule: `Member must satisfy constraint: [Member must have length less than or equal to ${MAX_LABEL_LENGTH}, Member must have length greater than or equal to ${MIN_LABEL_LENGTH}]`,
    },
  ]);
}

/**
 * A version holds at most 10 labels: those it has plus those being attached (moved ones included);
 * exceeding it fails the whole request (§5.2).
 */
export function assertLabelCapacity(current: readonly string[], adding: readonly string[]): void {
  if (new Set([...current, ...adding]).size > MAX_LABELS_PER_VERSION) throw parameterVersionLabelLimitExceeded();
}
