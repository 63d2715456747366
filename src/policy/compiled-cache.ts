import type { CompiledDocument } from "./compiled-policy.js";

export const DEFAULT_COMPILED_CACHE_SIZE = 1000;

/**
 * Compiled documents keyed by their exact text, so that equal texts (the same managed policy
 * attached to many users, a key policy read on every request) compile once. Bounded; the entry used
 * least recently is evicted. The key is the text itself: a changed policy can never hit a stale
 * entry, so no invalidation is needed.
 */
export class CompiledPolicyCache {
  readonly #entries = new Map<string, CompiledDocument>();
  readonly #maxEntries: number;

  constructor(maxEntries: number = DEFAULT_COMPILED_CACHE_SIZE) {
    this.#maxEntries = Math.max(1, maxEntries);
  }

  get size(): number {
    return this.#entries.size;
  }

  getOrCompile(text: string, compile: (text: string) => CompiledDocument): CompiledDocument {
    const hit = this.#entries.get(text);
    if (hit !== undefined) {
      this.#entries.delete(text);
      this.#entries.set(text, hit);
      return hit;
    }
    const compiled = compile(text);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(text, compiled);
    return compiled;
  }
}
