import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seal } from "./aead.js";
import { RootKeyring, rootKeyFingerprint, wrappedBy } from "./root-keyring.js";

const AAD = Buffer.from("arn:aws:kms:us-east-1:111122223333:key/k#1");

describe("RootKeyring", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const material = randomBytes(32);

  it("names the wrapping key in the blob and opens it only under that key and AAD", () => {
    const ring = new RootKeyring([oldKey]);
    const wrapped = ring.wrap(material, AAD);
    expect(wrappedBy(wrapped)).toBe(rootKeyFingerprint(oldKey));
    expect(wrapped.includes(material)).toBe(false);
    expect(ring.unwrap(wrapped, AAD)).toEqual(material);
    expect(ring.unwrap(wrapped, Buffer.from("other"))).toBeUndefined();
    expect(new RootKeyring([newKey]).unwrap(wrapped, AAD)).toBeUndefined();
  });

  it("opens the first release's unlabelled blobs under any key it holds", () => {
    const legacy = seal(oldKey, material, AAD);
    expect(wrappedBy(legacy)).toBeUndefined();
    expect(new RootKeyring([newKey, oldKey]).unwrap(legacy, AAD)).toEqual(material);
    expect(new RootKeyring([newKey]).unwrap(legacy, AAD)).toBeUndefined();
  });

  it("learns a key from its source the first time it meets the key's fingerprint", () => {
    let source: Buffer[] = [];
    const ring = new RootKeyring([oldKey], () => source);
    const underNew = new RootKeyring([newKey]).wrap(material, AAD);
    expect(ring.unwrap(underNew, AAD)).toBeUndefined();
    expect(ring.adopt(rootKeyFingerprint(newKey))).toBe(false);
    source = [newKey];
    expect(ring.unwrap(underNew, AAD)).toEqual(material);
    expect(ring.fingerprint).toBe(rootKeyFingerprint(oldKey));
    expect(ring.adopt(rootKeyFingerprint(newKey))).toBe(true);
    expect(wrappedBy(ring.wrap(material, AAD))).toBe(rootKeyFingerprint(newKey));
  });

  it("fingerprints do not reveal the key and differ between keys", () => {
    expect(rootKeyFingerprint(oldKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(rootKeyFingerprint(oldKey)).not.toBe(rootKeyFingerprint(newKey));
    expect(oldKey.toString("hex")).not.toContain(rootKeyFingerprint(oldKey));
  });
});
