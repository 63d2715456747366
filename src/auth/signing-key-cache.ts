import { createHmac } from "node:crypto";

/** kSigning (sigv4.md §7): four chained HMAC-SHA256 steps from `"AWS4" + secret`. */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac("sha256", "AWS4" + secretAccessKey).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

export const DEFAULT_SIGNING_KEY_CACHE_SIZE = 1024;

/**
 * Derived keys, least recently used evicted. Keyed by the secret itself (with the scope), so a key
 * whose secret changes can never hit a stale entry; a deactivated key never reaches the cache because
 * the directory lookup comes first. Entries are valid for one UTC day by construction (the date is
 * part of the key) and simply age out.
 */
export class SigningKeyCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #maxEntries: number;

  constructor(maxEntries: number = DEFAULT_SIGNING_KEY_CACHE_SIZE) {
    this.#maxEntries = Math.max(1, maxEntries);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(secretAccessKey: string, date: string, region: string, service: string): Buffer {
    const cacheKey = date + "\n" + region + "\n" + service + "\n" + secretAccessKey;
    const hit = this.#entries.get(cacheKey);
    if (hit !== undefined) {
      this.#entries.delete(cacheKey);
      this.#entries.set(cacheKey, hit);
      return hit;
    }
    const key = deriveSigningKey(secretAccessKey, date, region, service);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(cacheKey, key);
    return key;
  }
}
