/** A condition key's value: a string for single-valued keys, an array for multivalued ones (§5.3). */
export type ContextValue = string | readonly string[];

type ContextPart = Readonly<Record<string, ContextValue | undefined>>;

/**
 * The request context of iam-policy-evaluation.md §7: condition keys → values, looked up
 * case-insensitively (§5.1: `aws:PrincipalTag/Team` = `aws:principaltag/team`). A key that is not
 * here is absent. An empty array is stored as absent: AWS gives an empty multivalued key the
 * absent-key results (§5.3 table, column `[]`).
 *
 * Built on the first lookup: most decisions (the root's, statements without conditions or
 * variables) never look a key up, and folding every key of every part cost ~5 µs a request.
 */
export class ConditionContext {
  #values: Map<string, ContextValue> | undefined;
  readonly #parts: readonly (ContextPart | (() => ContextPart))[];

  /** Later parts override earlier ones, key by key; a function part is called on the first lookup. */
  constructor(...parts: readonly (ContextPart | (() => ContextPart))[]) {
    this.#parts = parts;
  }

  /** `key` must already be lower-case (compiled policies lower-case their keys once). */
  get(key: string): ContextValue | undefined {
    this.#values ??= fold(this.#parts);
    return this.#values.get(key);
  }
}

/** Key names recur on every request: each is lower-cased once. */
const lowerCased = new Map<string, string>();

function lowerKey(key: string): string {
  let found = lowerCased.get(key);
  if (found === undefined) {
    found = key.toLowerCase();
    if (lowerCased.size >= 10_000) lowerCased.clear();
    lowerCased.set(key, found);
  }
  return found;
}

function fold(parts: readonly (ContextPart | (() => ContextPart))[]): Map<string, ContextValue> {
  const values = new Map<string, ContextValue>();
  for (const part of parts) {
    const object = typeof part === "function" ? part() : part;
    for (const key of Object.keys(object)) {
      const value = object[key];
      const lower = lowerKey(key);
      if (value === undefined || (Array.isArray(value) && value.length === 0)) values.delete(lower);
      else values.set(lower, value);
    }
  }
  return values;
}
