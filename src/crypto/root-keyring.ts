import { createHmac } from "node:crypto";
import { IV_LENGTH, TAG_LENGTH, open, seal } from "./aead.js";

/**
 * Names a root key without revealing it: HMAC-SHA256(key, label), first 8 bytes, hex. Stored beside
 * what the key wraps, so that during a root key rotation anyone can tell which key opens a row.
 */
export function rootKeyFingerprint(key: Buffer): string {
  return createHmac("sha256", key).update("paramstore/root-key-fingerprint").digest().subarray(0, FINGERPRINT_BYTES).toString("hex");
}

const FINGERPRINT_BYTES = 8;
/**
 * Wrapped form: 0x02 | fingerprint (8) | iv | tag | ciphertext. The first release wrote only
 * iv | tag | ciphertext; such a blob (LEGACY_LENGTH bytes for a 32-byte material) names no key and is
 * tried under every key held, until a rotation re-wraps it in this form.
 */
const FORMAT = 0x02;
const HEADER = 1 + FINGERPRINT_BYTES;
const MATERIAL_BYTES = 32;
const LEGACY_LENGTH = IV_LENGTH + TAG_LENGTH + MATERIAL_BYTES;

/**
 * The root keys a process holds: the one it wraps new material under (`current`) and any others it
 * may meet in stored rows while a rotation runs. A server started before a rotation learns the new
 * key through `reload` (the data dir's key files) the first time it meets the new fingerprint.
 */
export class RootKeyring {
  private readonly keys = new Map<string, Buffer>();
  private currentFingerprint: string;

  /** `keys[0]` is current until `adopt` says otherwise; `reload` re-reads the key source. */
  constructor(keys: readonly Buffer[], private readonly reload: () => readonly Buffer[] = () => []) {
    const [first] = keys;
    if (first === undefined) throw new Error("a root keyring needs a key");
    this.currentFingerprint = this.add(first);
    for (const key of keys.slice(1)) this.add(key);
  }

  get current(): Buffer {
    const key = this.keys.get(this.currentFingerprint);
    if (key === undefined) throw new Error("unreachable: the current root key is held");
    return key;
  }

  get fingerprint(): string {
    return this.currentFingerprint;
  }

  holds(fingerprint: string): boolean {
    return this.find(fingerprint) !== undefined;
  }

  /** Makes the key with this fingerprint current (re-reading the source if needed); false if unknown. */
  adopt(fingerprint: string): boolean {
    if (this.find(fingerprint) === undefined) return false;
    this.currentFingerprint = fingerprint;
    return true;
  }

  wrap(plaintext: Uint8Array, aad: Uint8Array): Buffer {
    const header = Buffer.concat([Buffer.of(FORMAT), Buffer.from(this.currentFingerprint, "hex")]);
    return Buffer.concat([header, seal(this.current, plaintext, aad)]);
  }

  /** Undefined when no key held opens it (wrong key, wrong AAD or tampered bytes). */
  unwrap(wrapped: Uint8Array, aad: Uint8Array): Buffer | undefined {
    const by = wrappedBy(wrapped);
    if (by === undefined) {
      for (const key of this.keys.values()) {
        const opened = open(key, wrapped, aad);
        if (opened !== undefined) return opened;
      }
      return undefined;
    }
    const key = this.find(by);
    return key === undefined ? undefined : open(key, Buffer.from(wrapped).subarray(HEADER), aad);
  }

  private find(fingerprint: string): Buffer | undefined {
    const held = this.keys.get(fingerprint);
    if (held !== undefined) return held;
    for (const key of this.reload()) this.add(key);
    return this.keys.get(fingerprint);
  }

  private add(key: Buffer): string {
    const fingerprint = rootKeyFingerprint(key);
    this.keys.set(fingerprint, key);
    return fingerprint;
  }
}

/** The fingerprint of the root key that wrapped a blob; undefined for the first release's form. */
export function wrappedBy(wrapped: Uint8Array): string | undefined {
  if (wrapped.length === LEGACY_LENGTH || wrapped.length < HEADER || wrapped[0] !== FORMAT) return undefined;
  return Buffer.from(wrapped.buffer, wrapped.byteOffset + 1, FINGERPRINT_BYTES).toString("hex");
}
