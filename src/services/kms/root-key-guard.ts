import { RootKeyError } from "../../crypto/root-key.js";
import { wrappedBy, type RootKeyring } from "../../crypto/root-keyring.js";
import type { KmsRotationRecord, KmsKeyRecord, RootKeyState, Storage, WriteTx } from "../../storage/ports.js";

/** AAD of a wrapped material: it belongs to one key and one version. */
export function materialAad(arn: string, version: number): Buffer {
  return Buffer.from(`${arn}#${version}`, "utf8");
}

/**
 * Storage whose writes of new KMS material always land under the root key the data dir's state names
 * current. A root key rotation (`paramstore admin rotate-master-key`) switches that state while
 * servers run; a server that wrapped under the outgoing key finds out here, inside the transaction
 * that would store the material, and re-wraps it under the incoming one (learned from its key source)
 * — so no material under a retired key can appear after a rotation has checked them all. The
 * re-wrap is the one crypto call made inside a transaction, on this rare path only.
 */
export function guardMaterialWrites(storage: Storage, roots: RootKeyring): Storage {
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
        materials.push(await underCurrent(tx, roots, material, record.arn, index + 1));
      }
      return tx.insertKmsKey({ ...record, materials });
    },
    async appendKmsMaterial(region: string, keyId: string, material: Uint8Array, rotation: KmsRotationRecord): Promise<boolean> {
      const key = await tx.kmsKey(region, keyId);
      if (key === undefined) return tx.appendKmsMaterial(region, keyId, material, rotation);
      const wrapped = await underCurrent(tx, roots, material, key.arn, rotation.materialVersion);
      return tx.appendKmsMaterial(region, keyId, wrapped, rotation);
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

async function underCurrent(tx: WriteTx, roots: RootKeyring, material: Uint8Array, arn: string, version: number): Promise<Uint8Array> {
  const state = await tx.rootKeyState();
  if (state === undefined) {
    await tx.setRootKeyState({ current: roots.fingerprint, previous: null });
    return material;
  }
  if (wrappedBy(material) === state.current) return material;
  const plaintext = roots.unwrap(material, materialAad(arn, version));
  if (plaintext === undefined || !roots.adopt(state.current)) throw unavailable(state);
  return roots.wrap(plaintext, materialAad(arn, version));
}

function unavailable(state: RootKeyState): Error {
  return new Error(
    `the root key this data dir wraps new KMS material under (fingerprint ${state.current}) is not available to this server`,
  );
}

/**
 * At server start: records which root key a fresh data dir's material will be wrapped under, and
 * refuses to serve with keys that cannot open what is stored — the wrong PARAMSTORE_MASTER_KEY, or a
 * rotation in progress without the retiring key — rather than fail on every SecureString later.
 */
export async function adoptRootKeyState(storage: Storage, roots: RootKeyring): Promise<void> {
  const state = await storage.read((tx) => tx.rootKeyState());
  if (state === undefined) {
    // Data written before root key states were kept: the configured key must open it.
    const [sample] = await storage.read((tx) => tx.scanKmsMaterials(undefined, 1));
    if (sample !== undefined && roots.unwrap(sample.material, materialAad(sample.arn, sample.version)) === undefined) {
      throw new RootKeyError("the configured root key does not open this data dir's KMS key material");
    }
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
}
