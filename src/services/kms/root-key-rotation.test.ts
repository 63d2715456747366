import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seal } from "../../crypto/aead.js";
import { RootKeyring, rootKeyFingerprint, wrappedBy } from "../../crypto/root-keyring.js";
import { systemClock } from "../../platform/clock.js";
import { systemRandom } from "../../platform/random.js";
import type { SealedCredentialEntry, SealedCredentialPosition } from "../../storage/iam-ports.js";
import type { KmsMaterialEntry, KmsMaterialPosition, Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { aSession } from "../../storage/conformance/iam-fixtures.js";
import { KmsKeyStore, type KeyScope } from "./key-store.js";
import { credentialAad, guardRootKeyWrites, materialAad } from "./root-key-guard.js";
import { RootKeyMismatch, rotateRootKey } from "./root-key-rotation.js";

const scope: KeyScope = { region: "us-east-1", account: "111122223333" };
const context = { purpose: "test" };

class Killed extends Error {}

/** As the server seals IAM secrets (src/server/start.ts `credentialSealer`). */
const sealCredential = (ring: RootKeyring, accessKeyId: string, secret: string): Buffer =>
  ring.wrap(Buffer.from(secret, "utf8"), credentialAad(accessKeyId));
const openCredential = (ring: RootKeyring, accessKeyId: string, sealed: Uint8Array): string | undefined =>
  ring.unwrap(sealed, credentialAad(accessKeyId))?.toString("utf8");

const newSecret = (): string => randomBytes(30).toString("base64");

describe("rotateRootKey", () => {
  let dir: string;
  let storage: Storage;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const OLD = rootKeyFingerprint(oldKey);
  const NEW = rootKeyFingerprint(newKey);
  let blobs: { keyId: string; blob: Buffer; plaintext: Buffer }[];
  /** IAM secrets stored sealed: access key id → secret. */
  let secrets: Map<string, string>;

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

  async function credentials(): Promise<SealedCredentialEntry[]> {
    return storage.read(async (tx) => {
      const all: SealedCredentialEntry[] = [];
      for (let after: SealedCredentialPosition | undefined; ; ) {
        const page = await tx.scanSealedCredentials(after, 100);
        all.push(...page);
        if (page.length < 100) return all;
        after = page.at(-1);
      }
    });
  }

  /** Every stored IAM secret, opened with `ring` through the records authentication reads. */
  async function openAllCredentials(ring: RootKeyring): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    await storage.read(async (tx) => {
      for (const id of secrets.keys()) {
        const record = id.startsWith("ASIA") ? await tx.session(id) : await tx.accessKey(id);
        out.set(id, record === undefined ? undefined : openCredential(ring, id, record.sealedSecret));
      }
    });
    return out;
  }

  /** IAM users' access keys and STS sessions sealed under `ring`, as the server stores them. */
  async function addCredentials(into: Storage, ring: RootKeyring, ids: { keys: string[]; sessions: string[] }): Promise<void> {
    await into.write(async (tx) => {
      for (const id of ids.keys) {
        const secret = newSecret();
        secrets.set(id, secret);
        await tx.insertAccessKey({ accessKeyId: id, userId: "AIDAROTATION", status: "Active", createDate: 1, sealedSecret: sealCredential(ring, id, secret) });
      }
      for (const id of ids.sessions) {
        const secret = newSecret();
        secrets.set(id, secret);
        await tx.putSession(aSession(id, { sealedSecret: sealCredential(ring, id, secret), principal: { kind: "user", userId: "AIDAROTATION" }, expiresAt: 4_000_000_000_000 }));
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

    secrets = new Map();
    await storage.write((tx) => tx.insertIamUser({ name: "rotation", userId: "AIDAROTATION", path: "/", createDate: 1 }, []));
    await addCredentials(storage, new RootKeyring([oldKey]), { keys: ["AKIAROTATION00000001", "AKIAROTATION00000002", "AKIAROTATION00000003"], sessions: ["ASIAROTATION00000001", "ASIAROTATION00000002"] });
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("re-wraps every material and IAM secret under the new key, resuming a run killed midway", async () => {
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
    const ring = new RootKeyring([oldKey], () => [newKey]);
    const running = store(ring);
    expect(await decryptAll(running)).toEqual(blobs.map((b) => b.plaintext));
    expect(await openAllCredentials(ring)).toEqual(secrets);
    // …and a key it creates now lands under the new key, though it wrapped it under the old one.
    const late = running.newKey(scope, { keyManager: "CUSTOMER", description: "late" });
    expect(wrappedBy(late.materials[0]!)).toBe(OLD);
    await running.storage.write((tx) => tx.insertKmsKey(late));
    expect(wrappedBy((await storage.read((tx) => tx.kmsKey(scope.region, late.keyId)))!.materials[0]!)).toBe(NEW);
    // So do an access key and an STS session it seals now (the server's storage port is guarded too).
    const lateRing = new RootKeyring([oldKey], () => [newKey]);
    await addCredentials(guardRootKeyWrites(storage, lateRing), lateRing, { keys: ["AKIAROTATIONLATE0001"], sessions: ["ASIAROTATIONLATE0001"] });
    const lateRows = (await credentials()).filter((c) => c.accessKeyId.includes("LATE"));
    expect(lateRows.map((c) => [c.kind, wrappedBy(c.sealedSecret)])).toEqual([["access-key", NEW], ["session", NEW]]);

    killAfter = Infinity;
    const resumed = await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 2 });
    // 6 materials, 2 done before the kill; 5 IAM secrets from before the rotation, the 2 late ones already under NEW.
    expect(resumed).toEqual({ materials: 4, credentials: 5 });
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: NEW, previous: null });
    expect(new Set((await materials()).map((m) => wrappedBy(m.material)))).toEqual(new Set([NEW]));
    expect(new Set((await credentials()).map((c) => wrappedBy(c.sealedSecret)))).toEqual(new Set([NEW]));
    expect(await decryptAll(store(new RootKeyring([newKey])))).toEqual(blobs.map((b) => b.plaintext));
    expect(await openAllCredentials(new RootKeyring([newKey]))).toEqual(secrets);
    // Idempotent: a second run finds nothing to do.
    expect(await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 2 })).toEqual({
      materials: 0,
      credentials: 0,
    });
  });

  it("resumes a run killed among the IAM secrets, and leaves a secret deleted meanwhile deleted", async () => {
    const killed = await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, {
      batchSize: 2,
      onBatch: (n) => {
        if (n >= 8) throw new Killed(); // 6 materials, then the first 2 IAM secrets
      },
    }).catch((e: unknown) => e);
    expect(killed).toBeInstanceOf(Killed);
    expect((await credentials()).map((c) => wrappedBy(c.sealedSecret))).toEqual([NEW, NEW, OLD, OLD, OLD]);

    // The key is deleted between the resumed run's scan and its compare-and-set: it stays deleted.
    const racing: Storage = {
      read: async (work) => {
        const result = await storage.read(work);
        const page = result as unknown;
        if (Array.isArray(page) && page.some((e: { accessKeyId?: string }) => e.accessKeyId === "AKIAROTATION00000003")) {
          await storage.write((tx) => tx.deleteAccessKey("AKIAROTATION00000003"));
        }
        return result;
      },
      write: (work) => storage.write(work),
      close: () => storage.close(),
    };
    const resumed = await rotateRootKey(racing, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 10 });
    // AKIA…3 and the 2 sessions were under the old key; the compare-and-set skipped the deleted key.
    expect(resumed).toEqual({ materials: 0, credentials: 2 });
    secrets.delete("AKIAROTATION00000003");
    expect((await credentials()).map((c) => c.accessKeyId)).toEqual([...secrets.keys()]);
    expect(new Set((await credentials()).map((c) => wrappedBy(c.sealedSecret)))).toEqual(new Set([NEW]));
    expect(await openAllCredentials(new RootKeyring([newKey]))).toEqual(secrets);
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: NEW, previous: null });
  });

  it("rolls an interrupted rotation back to the old key", async () => {
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, {
      batchSize: 3,
      onBatch: () => {
        throw new Killed();
      },
    }).catch(() => undefined);
    // Resumed and killed again among the IAM secrets: the other 3 materials, then 3 of the 5 secrets.
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, {
      batchSize: 3,
      onBatch: (n) => {
        if (n >= 6) throw new Killed();
      },
    }).catch(() => undefined);
    expect((await credentials()).map((c) => wrappedBy(c.sealedSecret))).toEqual([NEW, NEW, NEW, OLD, OLD]);
    await rotateRootKey(storage, new RootKeyring([oldKey, newKey]), { target: OLD, retiring: NEW }, { batchSize: 3 });
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: OLD, previous: null });
    expect(await decryptAll(store(new RootKeyring([oldKey])))).toEqual(blobs.map((b) => b.plaintext));
    expect(await openAllCredentials(new RootKeyring([oldKey]))).toEqual(secrets);
    expect(new Set((await credentials()).map((c) => wrappedBy(c.sealedSecret)))).toEqual(new Set([OLD]));
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

  it("leaves no key material, IAM secret or root key in the data dir's files", async () => {
    await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 4 });
    const ring = new RootKeyring([newKey]);
    const plaintexts = (await materials()).map((m) => ring.unwrap(m.material, materialAad(m.arn, m.version))!);
    plaintexts.push(oldKey, newKey, ...blobs.map((b) => b.plaintext), ...[...secrets.values()].map((v) => Buffer.from(v)));
    expect(secrets.size).toBe(5);
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name));
      for (const secret of plaintexts) expect(bytes.includes(secret), name).toBe(false);
    }
  });
});
