import type { ListKeyRotationsRequest, ListKeyRotationsResponse } from "@aws-sdk/client-kms";
import { epochSeconds } from "../../../model/wire-shape.js";
import { keyMaterialId } from "../key-store.js";
import { invalidMarker } from "../kms-errors.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

const DEFAULT_LIMIT = 100;

/**
 * §7.6: the key's rotations, oldest first, any key state. The marker is the material version the
 * previous page ended with (keyset paging; versions are never removed).
 */
export const ListKeyRotations: KmsOperation<Validated<ListKeyRotationsRequest, "KeyId">, KmsWire<ListKeyRotationsResponse>> = {
  name: "ListKeyRotations",
  action: "kms:ListKeyRotations",
  access: async (input, cx, keys) => [await keyIdRequest("kms:ListKeyRotations", input.KeyId, cx, keys, { keyOnly: true })],
  async run(input, cx, keys) {
    const limit = input.Limit ?? DEFAULT_LIMIT;
    const after = versionMarker(input.Marker);
    const key = await keys.resolveKeyOnly(input.KeyId, keyScope(cx));
    const page = await keys.storage.read((tx) => tx.kmsKeyRotations(key.region, key.keyId, after, limit + 1));
    const shown = page.slice(0, limit);
    const truncated = page.length > limit;
    const current = key.materials.length;
    return {
      Rotations: shown.map((r) => ({
        KeyId: key.keyId,
        KeyMaterialId: keyMaterialId(key, r.materialVersion),
        KeyMaterialState: r.materialVersion === current ? "CURRENT" : "NON_CURRENT",
        RotationDate: epochSeconds(r.rotationDate),
        RotationType: r.rotationType,
      })),
      ...(truncated ? { NextMarker: String(shown.at(-1)?.materialVersion ?? 0) } : {}),
      Truncated: truncated,
    };
  },
};

function versionMarker(marker: string | undefined): number {
  if (marker === undefined) return 0;
  if (!/^[1-9][0-9]{0,8}$/.test(marker)) throw invalidMarker();
  return Number(marker);
}
