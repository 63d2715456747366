import type { ScheduleKeyDeletionRequest, ScheduleKeyDeletionResponse } from "@aws-sdk/client-kms";
import { epochSeconds } from "../../../model/wire-shape.js";
import { changeKey } from "../key-change.js";
import { pendingDeletion } from "../key-store.js";
import { assertCustomerManaged, validation } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_WINDOW = 30;

/**
 * §5.5: the key turns PendingDeletion with DeletionDate = now + window (7–30 days, the service's
 * bound inside the model's 1–365). The response names the key by ARN, as AWS does.
 */
export const ScheduleKeyDeletion: KmsOperation<
  Validated<ScheduleKeyDeletionRequest, "KeyId">,
  KmsWire<ScheduleKeyDeletionResponse>
> = {
  name: "ScheduleKeyDeletion",
  action: "kms:ScheduleKeyDeletion",
  access: async (input, cx, keys) => [await keyIdRequest("kms:ScheduleKeyDeletion", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:ScheduleKeyDeletion", cx.caller.arn);
    const days = input.PendingWindowInDays ?? DEFAULT_WINDOW;
    if (days < 7 || days > 30) throw validation(`PendingWindowInDays should be between 7 and 30, but it is ${days}`);
    if (key.state === "PendingDeletion") throw pendingDeletion(key);
    const deletionDate = keys.clock.now().getTime() + days * DAY_MS;
    await changeKey(keys, key, { state: "PendingDeletion", deletionDate });
    return {
      KeyId: key.arn,
      DeletionDate: epochSeconds(deletionDate),
      KeyState: "PendingDeletion",
      PendingWindowInDays: days,
    };
  },
};
