import type { ParameterVersionRecord, Storage } from "../ports.js";

export const REGION = "us-east-1";
export const OTHER_REGION = "eu-west-3";
export const USER = "arn:aws:iam::123456789012:user/alice";

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A plain String version; `overrides` sets whatever a case cares about. */
export function aVersion(
  key: string,
  version: number,
  overrides: Partial<ParameterVersionRecord> = {},
): ParameterVersionRecord {
  return {
    region: REGION,
    key,
    name: key,
    version,
    type: "String",
    value: utf8(`${key}@${version}`),
    keyId: null,
    description: null,
    allowedPattern: null,
    tier: "Standard",
    dataType: "text",
    policies: [],
    lastModifiedDate: 1_700_000_000_000 + version,
    lastModifiedUser: USER,
    ...overrides,
  };
}

/**
 * Byte arrays as hex so that records compare by content whatever the driver's array class
 * (better-sqlite3 and pg return Buffers, fixtures hold Uint8Arrays).
 */
export function comparable<T extends { readonly value: Uint8Array }>(record: T): Omit<T, "value"> & { value: string } {
  return { ...record, value: Buffer.from(record.value).toString("hex") };
}

/** Version 1 of each key, in one write. */
export async function seed(storage: Storage, keys: readonly string[], region: string = REGION): Promise<void> {
  await storage.write(async (tx) => {
    for (const key of keys) await tx.appendVersion(aVersion(key, 1, { region }));
  });
}

/** A promise with its resolver, to hold a transaction open at a known point. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
