import type { EnableKeyRotationRequest } from "@aws-sdk/client-kms";
import { changeKey } from "../key-change.js";
import { scheduleFrom } from "../key-rotation.js";
import { assertUsable } from "../key-store.js";
import { assertCustomerManaged } from "../kms-errors.js";
import { keyScope, type KmsOperation, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** AWS default (kms.md §7.6); the model bounds the member to 90–2560. */
const DEFAULT_PERIOD_DAYS = 365;

/**
 * §7.6: turns automatic rotation on, the first one a period from now. Re-enabling with the period
 * already in force keeps the date; a new period starts a new schedule. Refused on a disabled key
 * (DisabledException) or one pending deletion, as §4.2 says.
 */
export const EnableKeyRotation: KmsOperation<Validated<EnableKeyRotationRequest, "KeyId">, Record<string, never>> = {
  name: "EnableKeyRotation",
  action: "kms:EnableKeyRotation",
  access: async (input, cx, keys) => [await keyIdRequest("kms:EnableKeyRotation", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    assertCustomerManaged(key, "kms:EnableKeyRotation", cx.caller.arn);
    assertUsable(key);
    const periodInDays = input.RotationPeriodInDays ?? DEFAULT_PERIOD_DAYS;
    if (key.rotation?.periodInDays !== periodInDays) {
      await changeKey(keys, key, { rotation: scheduleFrom(keys.clock.now().getTime(), periodInDays) });
    }
    return {};
  },
};
