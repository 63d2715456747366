/** A condition key's value: a string for single-valued keys, an array for multivalued ones (§5.3). */
export type ContextValue = string | readonly string[];

/**
 * The request context of iam-policy-evaluation.md §7: condition keys → values, looked up
 * case-insensitively (§5.1: `aws:PrincipalTag/Team` = `aws:principaltag/team`). A key that is not
 * here is absent. An empty array is stored as absent: AWS gives an empty multivalued key the
 * absent-key results (§5.3 table, column `[]`).
 */
export class ConditionContext {
  readonly #values = new Map<string, ContextValue>();

  /** Later parts override earlier ones, key by key. */
  constructor(...parts: readonly Readonly<Record<string, ContextValue | undefined>>[]) {
    for (const part of parts) {
      for (const [key, value] of Object.entries(part)) {
        const lower = key.toLowerCase();
        if (value === undefined || (Array.isArray(value) && value.length === 0)) this.#values.delete(lower);
        else this.#values.set(lower, value);
      }
    }
  }

  /** `key` must already be lower-case (compiled policies lower-case their keys once). */
  get(key: string): ContextValue | undefined {
    return this.#values.get(key);
  }
}
