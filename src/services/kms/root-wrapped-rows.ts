import type { SealedCredentialEntry } from "../../storage/iam-ports.js";
import type { KmsMaterialEntry, ReadTx, WriteTx } from "../../storage/ports.js";

/** AAD of a wrapped material: it belongs to one key and one version. */
export function materialAad(arn: string, version: number): Buffer {
  return Buffer.from(`${arn}#${version}`, "utf8");
}

/** AAD of a sealed IAM secret (access key or STS session): it belongs to one access key id. */
export function credentialAad(accessKeyId: string): Buffer {
  return Buffer.from(accessKeyId, "utf8");
}

/**
 * One kind of stored row whose blob is wrapped under the root keyring. A root key rotation re-wraps
 * every kind the same way (root-key-rotation.ts); each entry is also its own keyset position.
 */
export interface RootWrappedRows<E> {
  /** Plural, for messages: "KMS key material versions". */
  readonly noun: string;
  scan(tx: ReadTx, after: E | undefined, limit: number): Promise<E[]>;
  wrapped(entry: E): Uint8Array;
  aad(entry: E): Buffer;
  /** Compare-and-set: replaces the blob only if the row still holds `entry`'s; returns whether it did. */
  replace(tx: WriteTx, entry: E, wrapped: Uint8Array): Promise<boolean>;
  /** Names the row in an error message (never its secret). */
  describe(entry: E): string;
}

export const KMS_MATERIALS: RootWrappedRows<KmsMaterialEntry> = {
  noun: "KMS key material versions",
  scan: (tx, after, limit) => tx.scanKmsMaterials(after, limit),
  wrapped: (entry) => entry.material,
  aad: (entry) => materialAad(entry.arn, entry.version),
  replace: (tx, entry, wrapped) => tx.replaceKmsMaterial(entry, entry.material, wrapped),
  describe: (entry) => `material ${entry.version} of ${entry.arn}`,
};

/** IAM users' secret access keys and STS sessions' secret keys (sealed by the server's credential sealer). */
export const SEALED_CREDENTIALS: RootWrappedRows<SealedCredentialEntry> = {
  noun: "IAM secrets (access keys and STS sessions)",
  scan: (tx, after, limit) => tx.scanSealedCredentials(after, limit),
  wrapped: (entry) => entry.sealedSecret,
  aad: (entry) => credentialAad(entry.accessKeyId),
  replace: (tx, entry, wrapped) => tx.replaceSealedCredential(entry, entry.sealedSecret, wrapped),
  describe: (entry) => `the secret of ${entry.kind === "session" ? "STS session" : "access key"} ${entry.accessKeyId}`,
};

/** Walks every row of a kind, a page per call of `scan`, within one transaction. */
export async function* allRows<E>(tx: ReadTx, rows: RootWrappedRows<E>, pageSize: number): AsyncGenerator<E> {
  for (let after: E | undefined; ; ) {
    const page = await rows.scan(tx, after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1);
  }
}
