import type { KeyMetadata } from "@aws-sdk/client-kms";
import { epochSeconds } from "../../model/wire-shape.js";
import type { KmsKeyRecord } from "../../storage/ports.js";
import { keyMaterialId } from "./key-store.js";
import type { KmsWire } from "./kms-operation.js";

/** KeyMetadata of a symmetric key exactly as kms.md §3 lists it; DeletionDate only while pending. */
export function keyMetadata(key: KmsKeyRecord, account: string): KmsWire<KeyMetadata> {
  return {
    AWSAccountId: account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.state === "Enabled",
    Description: key.description,
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: key.state as KeyMetadata["KeyState"],
    ...(key.state === "PendingDeletion" && key.deletionDate !== undefined
      ? { DeletionDate: epochSeconds(key.deletionDate) }
      : {}),
    Origin: "AWS_KMS",
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    KeySpec: "SYMMETRIC_DEFAULT",
    EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
    MultiRegion: false,
    CurrentKeyMaterialId: keyMaterialId(key, key.materials.length),
  };
}
