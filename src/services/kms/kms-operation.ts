import type { AccessRequest } from "../access.js";
import type { OperationContext } from "../operation.js";
import type { KeyScope, KmsKeyStore } from "./key-store.js";

/**
 * One KMS operation. Like an SSM Operation, plus the key store it acts on (shared with the SSM
 * keyring, so a change made here is seen by the next SecureString read). `In` is the request after
 * model validation; `Out` the response as JSON.
 */
export interface KmsOperation<In, Out> {
  readonly name: string;
  /** The IAM action, e.g. "kms:Encrypt". */
  readonly action: string;
  /** What the request is authorised as (key ARNs resolved as run() resolves them); see access-requests.ts. */
  access(input: In, cx: OperationContext, keys: KmsKeyStore): Promise<readonly AccessRequest[]>;
  run(input: In, cx: OperationContext, keys: KmsKeyStore): Promise<Out>;
}

// The table holds handlers of many input types; the wire validates input against the model first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKmsOperation = KmsOperation<any, any>;

/** The model validator has proved these members present. */
export type Validated<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]-?: NonNullable<T[P]> };

/**
 * The JSON a response carries for an SDK output type: blobs are base64 strings and timestamps epoch
 * seconds on the AWS JSON 1.1 wire; `$metadata` is the SDK's own.
 */
export type KmsWire<T> = T extends Date
  ? number
  : T extends Uint8Array
    ? string
    : T extends readonly (infer U)[]
      ? KmsWire<U>[]
      : T extends object
        ? { [K in keyof T as K extends "$metadata" ? never : K]: KmsWire<T[K]> }
        : T;

export function keyScope(cx: OperationContext): KeyScope {
  return { region: cx.region, account: cx.accountId };
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
