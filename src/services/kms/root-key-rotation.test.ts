import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seal } from "../../crypto/aead.js";
import { RootKeyring, rootKeyFingerprint, wrappedBy } from "../../crypto/root-keyring.js";
import { systemClock } from "../../platform/clock.js";
import { systemRandom } from "../../platform/random.js";
import type { KmsMaterialEntry, KmsMaterialPosition, Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { KmsKeyStore, type KeyScope } from "./key-store.js";
import { materialAad } from "./root-key-guard.js";
import { RootKeyMismatch, rotateRootKey } from "./root-key-rotation.js";

const scope: KeyScope = { region: "us-east-1", account: "111122223333" };
const context = { purpose: "test" };

class Killed extends Error {}

describe("rotateRootKey", () => {
  let dir: string;
  let storage: Storage;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const OLD = rootKeyFingerprint(oldKey);
  const NEW = rootKeyFingerprint(newKey);
  let blobs: { keyId: string; blob: Buffer; plaintext: Buffer }[];

  const store = (ring: RootKeyring) => new KmsKeyStore(storage, ring, systemClock, systemRandom);

  async function decryptAll(keys: KmsKeyStore): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (const { blob } of blobs) {
      const { key, materialVersion } = await keys.keyOfBlob(blob, scope);
      out.push(keys.open(key, materialVersion, blob, scope, context));
    }
    return out;
  }

  async function materials(): Promise<KmsMaterialEntry[]> {
    return storage.read(async (tx) => {
      const all: KmsMaterialEntry[] = [];
      for (let after: KmsMaterialPosition | undefined; ; ) {
        const page = await tx.scanKmsMaterials(after, 100);
        all.push(...page);
        if (page.length < 100) return all;
        after = page.at(-1);
      }
    });
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "root-key-rotation-"));
    storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
    const server = store(new RootKeyring([oldKey]));
    blobs = [];
    for (let i = 0; i < 5; i++) {
      const key = server.newKey(scope, { keyManager: "CUSTOMER", description: `k${i}` });
      await server.storage.write((tx) => tx.insertKmsKey(key));
      const plaintext = randomBytes(32);
      blobs.push({ keyId: key.keyId, plaintext, blob: server.encrypt(key, plaintext, scope, context) });
    }
    // A key as the first release stored it: material wrapped without the fingerprint header.
    const legacy = server.newKey(scope, { keyManager: "CUSTOMER", description: "legacy" });
    const material = randomBytes(32);
    await storage.write((tx) => tx.insertKmsKey({ ...legacy, materials: [seal(oldKey, material, materialAad(legacy.arn, 1))] }));
    const stored = (await storage.read((tx) => tx.kmsKey(scope.region, legacy.keyId)))!;
    const plaintext = randomBytes(16);
    blobs.push({ keyId: legacy.keyId, plaintext, blob: server.encrypt(stored, plaintext, scope, context) });
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("re-wraps every material under the new key, resuming a run killed midway", async () => {
    let killAfter = 2;
    const killed = await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, {
      batchSize: 1,
      onBatch: (n) => {
        if (n >= killAfter) throw new Killed();
      },
    }).catch((e: unknown) => e);
    expect(killed).toBeInstanceOf(Killed);
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: NEW, previous: OLD });
    expect((await materials()).map((m) => wrappedBy(m.material)).filter((f) => f === NEW)).toHaveLength(2);

    // A server started before the rotation still opens everything once it has read the new key file.
    const running = store(new RootKeyring([oldKey], () => [newKey]));
    expect(await decryptAll(running)).toEqual(blobs.map((b) => b.plaintext));
    // …and a key it creates now lands under the new key, though it wrapped it under the old one.
    const late = running.newKey(scope, { keyManager: "CUSTOMER", description: "late" });
    expect(wrappedBy(late.materials[0]!)).toBe(OLD);
    await running.storage.write((tx) => tx.insertKmsKey(late));
    expect(wrappedBy((await storage.read((tx) => tx.kmsKey(scope.region, late.keyId)))!.materials[0]!)).toBe(NEW);

    killAfter = Infinity;
    const resumed = await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 2 });
    expect(resumed).toBe(4); // 6 materials, 2 done before the kill
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: NEW, previous: null });
    expect(new Set((await materials()).map((m) => wrappedBy(m.material)))).toEqual(new Set([NEW]));
    expect(await decryptAll(store(new RootKeyring([newKey])))).toEqual(blobs.map((b) => b.plaintext));
    // Idempotent: a second run finds nothing to do.
    expect(await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 2 })).toBe(0);
  });

  it("rolls an interrupted rotation back to the old key", async () => {
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, {
      batchSize: 3,
      onBatch: () => {
        throw new Killed();
      },
    }).catch(() => undefined);
    await rotateRootKey(storage, new RootKeyring([oldKey, newKey]), { target: OLD, retiring: NEW }, { batchSize: 3 });
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: OLD, previous: null });
    expect(await decryptAll(store(new RootKeyring([oldKey])))).toEqual(blobs.map((b) => b.plaintext));
  });

  it("refuses keys that are not the data dir's, changing nothing", async () => {
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 10 });
    const stranger = randomBytes(32);
    const other = randomBytes(32);
    const refused = await rotateRootKey(
      storage,
      new RootKeyring([stranger, other]),
      { target: rootKeyFingerprint(stranger), retiring: rootKeyFingerprint(other) },
      { batchSize: 10 },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RootKeyMismatch);
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: NEW, previous: null });
  });

  it("leaves no key material or root key in the data dir's files", async () => {
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 4 });
    const ring = new RootKeyring([newKey]);
    const secrets = (await materials()).map((m) => ring.unwrap(m.material, materialAad(m.arn, m.version))!);
    secrets.push(oldKey, newKey, ...blobs.map((b) => b.plaintext));
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name));
      for (const secret of secrets) expect(bytes.includes(secret), name).toBe(false);
    }
  });
});
