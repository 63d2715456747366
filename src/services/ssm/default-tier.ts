import type { ReadTx } from "../../storage/ports.js";
import { DEFAULT_TIER_SETTING_ID } from "./domain/service-settings.js";
import { isRequestedTier, type RequestedTier } from "./domain/tier.js";

/**
 * The tier PutParameter uses when the request names none: the region's
 * `/ssm/parameter-store/default-parameter-tier` setting, Standard until someone changes it (§3.4).
 */
export async function readDefaultTier(tx: ReadTx, region: string): Promise<RequestedTier> {
  const setting = await tx.serviceSetting(region, DEFAULT_TIER_SETTING_ID);
  return setting !== undefined && isRequestedTier(setting.value) ? setting.value : "Standard";
}
