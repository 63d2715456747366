import type { Principal } from "../iam/principal.js";
import type { AccessControl } from "./access.js";

export type EncryptionContext = Readonly<Record<string, string>>;

/** Who asks the keyring, and in which region: keys are regional, and KMS decides per caller. */
export interface KeyringCaller {
  readonly region: string;
  readonly principal: Principal;
  /** KMS authorises the use of a key as the caller, through the calling service (`viaService`). */
  readonly access: AccessControl;
  /** `ssm.<region>.amazonaws.com` for Parameter Store's calls (kms:ViaService). */
  readonly viaService: string;
  /**
   * The KMS action a new data key is authorised as: SSM asks `kms:Encrypt` for a Standard-tier value
   * and `kms:GenerateDataKey` for an Advanced one (iam-policy-evaluation.md §8.3).
   */
  readonly encryptAction?: "kms:Encrypt" | "kms:GenerateDataKey";
}

export interface DataKey {
  /** ARN of the KMS key that wraps this data key. */
  readonly keyArn: string;
  /** 32 bytes; callers zero it when done. */
  readonly plaintext: Buffer;
  /** The wrapped data key: safe to store, names its KMS key and material version. */
  readonly blob: Uint8Array;
}

/**
 * What SSM needs from KMS, and no more. SSM never imports the KMS service: it reaches keys only here.
 * Failures are KmsFailure values so that SSM can wrap them as AWS does (InvalidKeyId, AccessDenied).
 */
export interface Keyring {
  /** A fresh 256-bit data key under `keyRef` (key id, key ARN, alias name or alias ARN). */
  generateDataKey(keyRef: string, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey>;
  decryptDataKey(blob: Uint8Array, context: EncryptionContext, caller: KeyringCaller): Promise<DataKey>;
}

/** A KMS-side failure, in KMS's own terms; the SSM service decides how its caller sees it. */
export class KmsFailure extends Error {
  constructor(
    /** KMS error code: NotFoundException, DisabledException, KMSInvalidStateException, InvalidCiphertextException … */
    readonly kmsCode: string,
    message: string,
  ) {
    super(message);
    this.name = "KmsFailure";
  }
}
