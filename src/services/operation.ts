import type { Principal } from "../iam/principal.js";
import type { Clock } from "../platform/clock.js";
import type { Random } from "../platform/random.js";
import type { Storage } from "../storage/ports.js";
import type { AccessControl, AccessRequest } from "./access.js";
import type { Keyring } from "./ports.js";

export interface ServicePorts {
  readonly storage: Storage;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly random: Random;
  /** MAC key for opaque pagination tokens (derived from the root key). */
  readonly tokenKey: Buffer;
  /** Seals credentials the server must keep but never store in plaintext (IAM secret access keys). */
  readonly credentialSealer: CredentialSealer;
}

/**
 * Seals under the server's root key (so `admin rotate-master-key` must re-wrap what it sealed);
 * `aad` binds a blob to what it belongs to (e.g. the access key id).
 */
export interface CredentialSealer {
  seal(secret: string, aad: string): Uint8Array;
  /** Undefined when the blob does not open (wrong aad, tampered, unknown root key). */
  open(sealed: Uint8Array, aad: string): string | undefined;
}

export interface OperationContext {
  readonly requestId: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly caller: Principal;
  readonly ports: ServicePorts;
  /** The caller's access control for this request (checks a service makes on the caller's behalf). */
  readonly access: AccessControl;
}

/**
 * One AWS operation. `In` is the request after model validation (required members present, constraints
 * met), `Out` the response shape; both come from @aws-sdk/client-* types.
 */
export interface Operation<In, Out> {
  /** The AWS operation name, e.g. "GetParameterHistory". */
  readonly name: string;
  /** The IAM action checked before run(), e.g. "ssm:GetParameterHistory". */
  readonly action: string;
  /**
   * What the request amounts to for authorisation, checked after model validation and before run();
   * may throw the same domain validation errors run() would (AWS validates before it authorises).
   */
  access?(input: In, cx: OperationContext): readonly AccessRequest[] | Promise<readonly AccessRequest[]>;
  run(input: In, cx: OperationContext): Promise<Out>;
}

// Operation tables hold handlers of many input types; the wire validates input against the model
// before calling run, so the table's element type erases In/Out.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any>;
