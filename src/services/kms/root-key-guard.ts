import { RootKeyError } from "../../crypto/root-key.js";
import { wrappedBy, type RootKeyring } from "../../crypto/root-keyring.js";
import type { AccessKeyRecord, IamSessionRecord } from "../../storage/iam-ports.js";
import type { KmsRotationRecord, KmsKeyRecord, ReadTx, RootKeyState, Storage, WriteTx } from "../../storage/ports.js";
import { allRows, credentialAad, materialAad, SEALED_CREDENTIALS } from "./root-wrapped-rows.js";

export { credentialAad, materialAad } from "./root-wrapped-rows.js";

/**
 * Storage whose writes of anything wrapped under the root key — new KMS material, IAM users' secret
 * access keys, STS sessions' secrets — always land under the root key the data dir's state names
 * current. A root key rotation (`paramstore admin rotate-master-key`) switches that state while
 * servers run; a server that wrapped under the outgoing key finds out here, inside the transaction
 * that would store the blob, and re-wraps it under the incoming one (learned from its key source) —
 * so no row under a retired key can appear after a rotation has checked them all. The re-wrap is
 * the one crypto call made inside a transaction, on this rare path only.
 */
export function guardRootKeyWrites(storage: Storage, roots: RootKeyring): Storage {
  return {
    read: (work) => storage.read(work),
    close: () => storage.close(),
    write: (work) => storage.write((tx) => work(guardedTx(tx, roots))),
  };
}

function guardedTx(tx: WriteTx, roots: RootKeyring): WriteTx {
  const overrides: Partial<WriteTx> = {
    async insertKmsKey(record: KmsKeyRecord): Promise<boolean> {
      const materials: Uint8Array[] = [];
      for (const [index, material] of record.materials.entries()) {
        materials.push(await underCurrent(tx, roots, material, materialAad(record.arn, index + 1)));
      }
      return tx.insertKmsKey({ ...record, materials });
    },
    async appendKmsMaterial(region: string, keyId: string, material: Uint8Array, rotation: KmsRotationRecord): Promise<boolean> {
      const key = await tx.kmsKey(region, keyId);
      if (key === undefined) return tx.appendKmsMaterial(region, keyId, material, rotation);
      const wrapped = await underCurrent(tx, roots, material, materialAad(key.arn, rotation.materialVersion));
      return tx.appendKmsMaterial(region, keyId, wrapped, rotation);
    },
    async insertAccessKey(record: AccessKeyRecord): Promise<void> {
      const sealedSecret = await underCurrent(tx, roots, record.sealedSecret, credentialAad(record.accessKeyId));
      return tx.insertAccessKey({ ...record, sealedSecret });
    },
    async putSession(record: IamSessionRecord): Promise<void> {
      const sealedSecret = await underCurrent(tx, roots, record.sealedSecret, credentialAad(record.accessKeyId));
      return tx.putSession({ ...record, sealedSecret });
    },
  };
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof WriteTx];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function underCurrent(tx: WriteTx, roots: RootKeyring, wrapped: Uint8Array, aad: Buffer): Promise<Uint8Array> {
  const state = await tx.rootKeyState();
  if (state === undefined) {
    await tx.setRootKeyState({ current: roots.fingerprint, previous: null });
    return wrapped;
  }
  if (wrappedBy(wrapped) === state.current) return wrapped;
  const plaintext = roots.unwrap(wrapped, aad);
  if (plaintext === undefined || !roots.adopt(state.current)) throw unavailable(state);
  return roots.wrap(plaintext, aad);
}

function unavailable(state: RootKeyState): Error {
  return new Error(
    `the root key this data dir wraps new KMS material and IAM secrets under (fingerprint ${state.current}) is not available to this server`,
  );
}

const CHECK_PAGE = 500;

/**
 * At server start: records which root key a fresh data dir's material will be wrapped under, and
 * refuses to serve with keys that cannot open what is stored — the wrong PARAMSTORE_MASTER_KEY, a
 * rotation in progress without the retiring key, or an IAM secret under a key the server lacks —
 * rather than fail on every SecureString or IAM user's request later.
 */
export async function adoptRootKeyState(storage: Storage, roots: RootKeyring): Promise<void> {
  const state = await storage.read((tx) => tx.rootKeyState());
  if (state === undefined) {
    // Data written before root key states were kept: the configured key must open it.
    const [sample] = await storage.read((tx) => tx.scanKmsMaterials(undefined, 1));
    if (sample !== undefined && roots.unwrap(sample.material, materialAad(sample.arn, sample.version)) === undefined) {
      throw new RootKeyError("the configured root key does not open this data dir's KMS key material");
    }
    await storage.read((tx) => checkCredentials(tx, roots));
    await storage.write(async (tx) => {
      if ((await tx.rootKeyState()) === undefined) await tx.setRootKeyState({ current: roots.fingerprint, previous: null });
    });
    return;
  }
  if (!roots.adopt(state.current)) {
    throw new RootKeyError(
      `the configured root key is not the one this data dir's KMS key material is wrapped under (fingerprint ${state.current})`,
    );
  }
  if (state.previous !== null && !roots.holds(state.previous)) {
    throw new RootKeyError(
      `a root key rotation is in progress and this server lacks the retiring key (fingerprint ${state.previous}): ` +
        "set PARAMSTORE_PREVIOUS_MASTER_KEY, or finish the rotation with `paramstore admin rotate-master-key --resume`",
    );
  }
  await storage.read((tx) => checkCredentials(tx, roots));
}

/**
 * Every IAM secret must name a held root key. The state alone does not prove it: a rotation run by a
 * release that predates IAM re-wrapped KMS material only, leaving IAM secrets under the old key.
 * Fingerprints only (no crypto); IAM holds at most two keys per user and unexpired sessions.
 */
async function checkCredentials(tx: ReadTx, roots: RootKeyring): Promise<void> {
  const missing = new Set<string>();
  const held = new Set<string>();
  for await (const entry of allRows(tx, SEALED_CREDENTIALS, CHECK_PAGE)) {
    const by = wrappedBy(entry.sealedSecret);
    if (by === undefined) {
      if (roots.unwrap(entry.sealedSecret, credentialAad(entry.accessKeyId)) === undefined) missing.add("(unnamed)");
    } else if (!held.has(by) && !missing.has(by)) {
      // Asked once per fingerprint: an unknown one re-reads the key files.
      (roots.holds(by) ? held : missing).add(by);
    }
  }
  if (missing.size > 0) {
    throw new RootKeyError(
      `IAM secrets in this data dir are sealed under root key(s) this server does not hold (fingerprint ${[...missing].join(", ")}): ` +
        "start with that key as PARAMSTORE_PREVIOUS_MASTER_KEY (or master.key.previous), then re-wrap them with " +
        "`paramstore admin rotate-master-key --resume` (or rerun it with both keys set)",
    );
  }
}
