import { AwsError } from "../../errors/aws-error.js";
import { openEnvelope, parseEnvelope, sealEnvelope } from "../../crypto/envelope.js";
import type { OperationContext } from "../operation.js";
import { KmsFailure, type EncryptionContext, type KeyringCaller } from "../ports.js";

/**
 * SecureString values: a fresh data key per value from the keyring, the value sealed with it under
 * AES-256-GCM with the parameter ARN as AAD, the wrapped data key stored beside it. The encryption
 * context `{PARAMETER_ARN: arn}` is the one SSM uses with KMS (kms.md §13).
 */
export async function encryptValue(
  plaintext: string,
  keyRef: string,
  arn: string,
  tier: "Standard" | "Advanced",
  cx: OperationContext,
): Promise<Buffer> {
  const encryptAction = tier === "Advanced" ? "kms:GenerateDataKey" : "kms:Encrypt";
  const dataKey = await kmsCall(cx, () => cx.ports.keyring.generateDataKey(keyRef, contextFor(arn), { ...callerOf(cx), encryptAction }));
  try {
    return sealEnvelope(dataKey.plaintext, dataKey.blob, plaintext, arn);
  } finally {
    dataKey.plaintext.fill(0);
  }
}

export async function decryptValue(stored: Uint8Array, arn: string, cx: OperationContext): Promise<string> {
  const envelope = parseEnvelope(stored);
  if (envelope === undefined) throw kmsToSsm(new KmsFailure("InvalidCiphertextException", ""), cx);
  const dataKey = await kmsCall(cx, () =>
    cx.ports.keyring.decryptDataKey(envelope.wrappedKey, contextFor(arn), callerOf(cx)),
  );
  try {
    const value = openEnvelope(dataKey.plaintext, envelope, arn);
    if (value === undefined) throw kmsToSsm(new KmsFailure("InvalidCiphertextException", ""), cx);
    return value;
  } finally {
    dataKey.plaintext.fill(0);
  }
}

/** What a read without WithDecryption returns: the stored ciphertext, base64 (never the plaintext). */
export function ciphertextText(stored: Uint8Array): string {
  return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString("base64");
}

/** SSM calls KMS as the caller, on the caller's behalf (kms:ViaService). */
function callerOf(cx: OperationContext): KeyringCaller {
  return { region: cx.region, principal: cx.caller, access: cx.access, viaService: `ssm.${cx.region}.amazonaws.com` };
}

function contextFor(arn: string): EncryptionContext {
  return { PARAMETER_ARN: arn };
}

async function kmsCall<T>(cx: OperationContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof KmsFailure) throw kmsToSsm(e, cx);
    throw e;
  }
}

/**
 * SSM reports key-resolution and key-state failures as InvalidKeyId wrapping KMS's own text, the way
 * the Java SDK inside SSM prints a service exception (ssm-parameter-store.md §3.5); KMS authorisation
 * failures become AccessDeniedException.
 */
function kmsToSsm(e: KmsFailure, cx: OperationContext): AwsError {
  const detail = `(Service: AWSKMS; Status Code: 400; Error Code: ${e.kmsCode}; Request ID: ${cx.ports.random.uuid()}; Proxy: null)`;
  const text = e.message === "" ? detail : `${e.message} ${detail}`;
  if (e.kmsCode === "AccessDeniedException") return new AwsError("AccessDeniedException", text, { messageKey: "Message" });
  return new AwsError("InvalidKeyId", text, { messageKey: "message" });
}
