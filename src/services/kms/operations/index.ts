import type { AnyKmsOperation } from "../kms-operation.js";
import { CancelKeyDeletion } from "./cancel-key-deletion.js";
import { CreateAlias } from "./create-alias.js";
import { CreateKey } from "./create-key.js";
import { Decrypt } from "./decrypt.js";
import { DeleteAlias } from "./delete-alias.js";
import { DescribeKey } from "./describe-key.js";
import { DisableKey } from "./disable-key.js";
import { DisableKeyRotation } from "./disable-key-rotation.js";
import { EnableKey } from "./enable-key.js";
import { EnableKeyRotation } from "./enable-key-rotation.js";
import { Encrypt } from "./encrypt.js";
import { GenerateDataKey } from "./generate-data-key.js";
import { GenerateDataKeyWithoutPlaintext } from "./generate-data-key-without-plaintext.js";
import { GenerateRandom } from "./generate-random.js";
import { GetKeyPolicy } from "./get-key-policy.js";
import { GetKeyRotationStatus } from "./get-key-rotation-status.js";
import { ListAliases } from "./list-aliases.js";
import { ListKeyPolicies } from "./list-key-policies.js";
import { ListKeyRotations } from "./list-key-rotations.js";
import { ListKeys } from "./list-keys.js";
import { ListResourceTags } from "./list-resource-tags.js";
import { PutKeyPolicy } from "./put-key-policy.js";
import { ReEncrypt } from "./re-encrypt.js";
import { RotateKeyOnDemand } from "./rotate-key-on-demand.js";
import { ScheduleKeyDeletion } from "./schedule-key-deletion.js";
import { TagResource } from "./tag-resource.js";
import { UntagResource } from "./untag-resource.js";
import { UpdateAlias } from "./update-alias.js";
import { UpdateKeyDescription } from "./update-key-description.js";

/** The KMS operations this server answers, by AWS operation name. */
export const kmsOperationTable: ReadonlyMap<string, AnyKmsOperation> = new Map<string, AnyKmsOperation>(
  [
    CreateKey,
    DescribeKey,
    ListKeys,
    EnableKey,
    DisableKey,
    ScheduleKeyDeletion,
    CancelKeyDeletion,
    CreateAlias,
    UpdateAlias,
    DeleteAlias,
    ListAliases,
    Encrypt,
    Decrypt,
    ReEncrypt,
    GenerateDataKey,
    GenerateDataKeyWithoutPlaintext,
    GenerateRandom,
    EnableKeyRotation,
    DisableKeyRotation,
    GetKeyRotationStatus,
    RotateKeyOnDemand,
    ListKeyRotations,
    TagResource,
    UntagResource,
    ListResourceTags,
    UpdateKeyDescription,
    GetKeyPolicy,
    PutKeyPolicy,
    ListKeyPolicies,
  ].map((op): [string, AnyKmsOperation] => [op.name, op]),
);
