import { createHmac } from "node:crypto";

/** kSigning (sigv4.md §7): four chained HMAC-SHA256 steps from `"AWS4" + secret`. */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac("sha256", "AWS4" + secretAccessKey).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

export const DEFAULT_SIGNING_KEY_CACHE_SIZE = 1024;
/** Scopes remembered per secret: a client rarely signs for more than a service or two at a time. */
const SCOPES_PER_SECRET = 4;

interface ScopedKey {
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly key: Buffer;
}

/**
 * Derived keys, bounded by secrets held; the secret whose key was derived longest ago is evicted (a
 * hit does not reorder: that would cost a Map delete and insert per request, and re-deriving an
 * evicted hot key costs four HMACs). Keyed by the secret itself, so a key whose
 * secret changes can never hit a stale entry; a deactivated key never reaches the cache because the
 * directory lookup comes first. The date is part of each entry, so yesterday's key simply ages out.
 * Looked up per secret, then by scope, to avoid building a composite key string on every request.
 */
export class SigningKeyCache {
  readonly #bySecret = new Map<string, ScopedKey[]>();
  readonly #maxSecrets: number;

  constructor(maxSecrets: number = DEFAULT_SIGNING_KEY_CACHE_SIZE) {
    this.#maxSecrets = Math.max(1, maxSecrets);
  }

  /** Number of secrets held. */
  get size(): number {
    return this.#bySecret.size;
  }

  get(secretAccessKey: string, date: string, region: string, service: string): Buffer {
    let scopes = this.#bySecret.get(secretAccessKey);
    if (scopes !== undefined) {
      for (const s of scopes) {
        if (s.date === date && s.region === region && s.service === service) return s.key;
      }
      this.#bySecret.delete(secretAccessKey);
    } else {
      scopes = [];
      if (this.#bySecret.size >= this.#maxSecrets) {
        const oldest = this.#bySecret.keys().next();
        if (oldest.done !== true) this.#bySecret.delete(oldest.value);
      }
    }
    const key = deriveSigningKey(secretAccessKey, date, region, service);
    scopes.unshift({ date, region, service, key });
    if (scopes.length > SCOPES_PER_SECRET) scopes.pop();
    // Re-inserted on every derivation: Map order is insertion order, so the first is derived longest ago.
    this.#bySecret.set(secretAccessKey, scopes);
    return key;
  }
}
