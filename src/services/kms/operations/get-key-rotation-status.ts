import type { GetKeyRotationStatusRequest, GetKeyRotationStatusResponse } from "@aws-sdk/client-kms";
import { epochSeconds } from "../../../model/wire-shape.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/**
 * §7.6: any key state. Period and next date only while rotation is on; AWS managed keys always rotate
 * (yearly). OnDemandRotationStartDate never appears: an on-demand rotation here completes within its
 * own request, so none is ever in progress.
 */
export const GetKeyRotationStatus: KmsOperation<
  Validated<GetKeyRotationStatusRequest, "KeyId">,
  KmsWire<GetKeyRotationStatusResponse>
> = {
  name: "GetKeyRotationStatus",
  action: "kms:GetKeyRotationStatus",
  access: async (input, cx, keys) => [await keyIdRequest("kms:GetKeyRotationStatus", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    const { rotation } = key;
    return {
      KeyRotationEnabled: rotation !== undefined,
      KeyId: key.keyId,
      ...(rotation === undefined
        ? {}
        : { RotationPeriodInDays: rotation.periodInDays, NextRotationDate: epochSeconds(rotation.nextRotationDate) }),
    };
  },
};
