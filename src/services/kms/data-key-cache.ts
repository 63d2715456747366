import type { Clock } from "../../platform/clock.js";
import type { EncryptionContext } from "../ports.js";
import type { KeyScope } from "./key-store.js";

export interface DataKeyCacheLimits {
  /** Entries held at most; the least recently used goes first. */
  readonly maxEntries: number;
  /** How long an unwrapped data key may stay in memory after it was unwrapped, used or not. */
  readonly maxAgeMs: number;
}

/** Well under 1 KiB an entry (the blob, its scope and context, a 32-byte key): a few MiB when full. */
export const DEFAULT_DATA_KEY_CACHE: DataKeyCacheLimits = { maxEntries: 4096, maxAgeMs: 5 * 60_000 };

interface Entry {
  readonly plaintext: Buffer;
  readonly until: number;
  readonly region: string;
  readonly account: string;
  readonly context: EncryptionContext;
}

/**
 * Unwrapped SecureString data keys, so that reading a hot parameter costs one AES-GCM open (its value)
 * instead of two (its data key under the KMS key's material, then its value) — what the AWS
 * Encryption SDK's caching materials manager does for decryption.
 *
 * Why this is safe, and what it costs:
 * - It never stands in for the key-state check. The keyring asks it only after the KMS key the blob
 *   names has been looked up and found usable (KmsKeyStore's record cache, ≤ 1 s old, forgotten at
 *   once on a change made on this node), so a disabled, pending-deletion or deleted key refuses the
 *   very next read whatever this holds.
 * - An entry answers only the exact wrapped blob (which names key, material version, iv and tag)
 *   under the exact region, account and encryption context it was unwrapped with: only what opening
 *   the blob again would answer. (It is found by the blob alone, then the rest is compared: cheaper
 *   than building a key of everything on every read.) Material versions never change once written, and
 *   master-key rotation re-wraps the same material, so an entry never goes stale.
 * - It lives only in this process's memory: nothing is written anywhere. The trade-off is that up to
 *   `maxEntries` data keys stay in plaintext in memory for up to `maxAgeMs` after they were unwrapped,
 *   where without it each lived for one request. That widens little: the same memory already holds the
 *   unwrapped KMS key material (KmsKeyStore), which opens every data key. Evicted and expired entries
 *   are zeroed; callers get a copy, which they zero as the Keyring port asks.
 * - Memory is bounded by `maxEntries` (least recently used evicted first).
 */
export class DataKeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    readonly limits: DataKeyCacheLimits = DEFAULT_DATA_KEY_CACHE,
  ) {}

  /** A copy of the data key unwrapped earlier from this blob under this scope and context, if held. */
  get(scope: KeyScope, context: EncryptionContext, blob: Uint8Array): Buffer | undefined {
    const id = entryId(blob);
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.region !== scope.region || entry.account !== scope.account || !sameContext(entry.context, context)) return undefined;
    this.entries.delete(id);
    if (entry.until <= this.clock.now().getTime()) {
      entry.plaintext.fill(0);
      return undefined;
    }
    // Re-inserted last: Map order is the recency order, oldest first.
    this.entries.set(id, entry);
    return Buffer.from(entry.plaintext);
  }

  /** Holds a copy of `plaintext`, unwrapped from `blob` under this scope and context. */
  put(scope: KeyScope, context: EncryptionContext, blob: Uint8Array, plaintext: Buffer): void {
    if (this.limits.maxEntries <= 0) return;
    const id = entryId(blob);
    this.drop(id);
    while (this.entries.size >= this.limits.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.drop(oldest.value);
    }
    // Its own allocation, not a slice of Node's shared pool, so zeroing it leaves no copy behind.
    const held = Buffer.alloc(plaintext.length);
    plaintext.copy(held);
    this.entries.set(id, {
      plaintext: held,
      until: this.clock.now().getTime() + this.limits.maxAgeMs,
      region: scope.region,
      account: scope.account,
      context: { ...context },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Zeroes and forgets every entry. */
  clear(): void {
    for (const entry of this.entries.values()) entry.plaintext.fill(0);
    this.entries.clear();
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    entry.plaintext.fill(0);
    this.entries.delete(id);
  }
}

/** The blob's bytes as a one-byte string: a cheap Map key, as unique as the blob (random iv, tag). */
function entryId(blob: Uint8Array): string {
  return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString("latin1");
}

function sameContext(a: EncryptionContext, b: EncryptionContext): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || a[key] !== b[key]) return false;
  return true;
}
