import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RootKeyError } from "../../crypto/root-key.js";
import { RootKeyring, rootKeyFingerprint, wrappedBy } from "../../crypto/root-keyring.js";
import type { Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { aSession } from "../../storage/conformance/iam-fixtures.js";
import { adoptRootKeyState, credentialAad, guardRootKeyWrites } from "./root-key-guard.js";
import { rotateRootKey } from "./root-key-rotation.js";

const USER = { name: "alice", userId: "AIDAGUARD", path: "/", createDate: 1 };
const KEY_ID = "AKIAGUARD00000000001";
const SESSION_ID = "ASIAGUARD00000000001";
const SECRET = "guard/secret/0000000000000000000000000000";

describe("root key guard", () => {
  let dir: string;
  let storage: Storage;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const OLD = rootKeyFingerprint(oldKey);
  const NEW = rootKeyFingerprint(newKey);
  const seal = (ring: RootKeyring, id: string) => ring.wrap(Buffer.from(SECRET), credentialAad(id));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "root-key-guard-"));
    storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
    await storage.write((tx) => tx.insertIamUser(USER, []));
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("re-wraps an access key and a session sealed under a retiring key inside the writing transaction", async () => {
    await storage.write((tx) => tx.setRootKeyState({ current: NEW, previous: OLD }));
    const server = new RootKeyring([oldKey, newKey]);
    const guarded = guardRootKeyWrites(storage, server);
    await guarded.write(async (tx) => {
      await tx.insertAccessKey({ accessKeyId: KEY_ID, userId: USER.userId, status: "Active", createDate: 1, sealedSecret: seal(server, KEY_ID) });
      await tx.putSession(aSession(SESSION_ID, { sealedSecret: seal(server, SESSION_ID), principal: { kind: "user", userId: USER.userId } }));
    });
    const [key, stored] = await storage.read(async (tx) => [await tx.accessKey(KEY_ID), await tx.session(SESSION_ID)]);
    for (const [id, sealed] of [[KEY_ID, key!.sealedSecret], [SESSION_ID, stored!.sealedSecret]] as const) {
      expect(wrappedBy(sealed)).toBe(NEW);
      expect(new RootKeyring([newKey]).unwrap(sealed, credentialAad(id))?.toString()).toBe(SECRET);
    }
    // The server now seals under the data dir's current key itself.
    expect(server.fingerprint).toBe(NEW);
  });

  it("refuses a write it cannot bring under the current key, storing nothing", async () => {
    await storage.write((tx) => tx.setRootKeyState({ current: NEW, previous: OLD }));
    const server = new RootKeyring([oldKey]);
    const refused = await guardRootKeyWrites(storage, server)
      .write((tx) => tx.insertAccessKey({ accessKeyId: KEY_ID, userId: USER.userId, status: "Active", createDate: 1, sealedSecret: seal(server, KEY_ID) }))
      .catch((e: unknown) => e);
    expect((refused as Error).message).toBe(
      `the root key this data dir wraps new KMS material and IAM secrets under (fingerprint ${NEW}) is not available to this server`,
    );
    expect(await storage.read((tx) => tx.accessKey(KEY_ID))).toBeUndefined();
  });

  it("at start, records a fresh data dir's key, and refuses a rotation in progress without the retiring key", async () => {
    await adoptRootKeyState(storage, new RootKeyring([oldKey]));
    expect(await storage.read((tx) => tx.rootKeyState())).toEqual({ current: OLD, previous: null });
    await storage.write((tx) => tx.setRootKeyState({ current: NEW, previous: OLD }));
    await expect(adoptRootKeyState(storage, new RootKeyring([newKey]))).rejects.toThrow(
      `a root key rotation is in progress and this server lacks the retiring key (fingerprint ${OLD})`,
    );
    await expect(adoptRootKeyState(storage, new RootKeyring([oldKey]))).rejects.toThrow(
      `the configured root key is not the one this data dir's KMS key material is wrapped under (fingerprint ${NEW})`,
    );
    await adoptRootKeyState(storage, new RootKeyring([newKey, oldKey]));
  });

  it("at start, refuses keys that cannot open every IAM secret, until a rotation re-wraps them", async () => {
    // As a rotation by a release that predates IAM left a data dir: its state says NEW only, but the
    // IAM secrets are still under OLD.
    const before = new RootKeyring([oldKey]);
    await storage.write(async (tx) => {
      await tx.insertAccessKey({ accessKeyId: KEY_ID, userId: USER.userId, status: "Active", createDate: 1, sealedSecret: seal(before, KEY_ID) });
      await tx.putSession(aSession(SESSION_ID, { sealedSecret: seal(before, SESSION_ID), principal: { kind: "user", userId: USER.userId } }));
      await tx.setRootKeyState({ current: NEW, previous: null });
    });
    const refused = await adoptRootKeyState(storage, new RootKeyring([newKey])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RootKeyError);
    expect((refused as Error).message).toContain(
      `IAM secrets in this data dir are sealed under root key(s) this server does not hold (fingerprint ${OLD})`,
    );
    expect((refused as Error).message).not.toContain(SECRET);

    await adoptRootKeyState(storage, new RootKeyring([newKey, oldKey]));
    expect(await rotateRootKey(storage, new RootKeyring([newKey, oldKey]), { target: NEW, retiring: OLD }, { batchSize: 1 })).toEqual({
      materials: 0,
      credentials: 2,
    });
    await adoptRootKeyState(storage, new RootKeyring([newKey]));
  });
});
