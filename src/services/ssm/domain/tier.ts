import { parameterLimitExceeded, policiesRequireAdvancedTier, tierDowngrade } from "../../../errors/ssm-errors.js";
import type { ParameterTier } from "../../../storage/ports.js";
import { MAX_ADVANCED_PARAMETERS, MAX_STANDARD_PARAMETERS, MAX_STANDARD_VALUE_BYTES } from "./limits.js";

/** Tier rules: ssm-parameter-store.md §3.4; policies need Advanced (ssm-events-and-policies.md §1.1). */

export const REQUESTED_TIERS = ["Standard", "Advanced", "Intelligent-Tiering"] as const;
/** What a request or the default-tier setting may say; only Standard/Advanced is ever stored. */
export type RequestedTier = (typeof REQUESTED_TIERS)[number];

export function isRequestedTier(value: string): value is RequestedTier {
  return (REQUESTED_TIERS as readonly string[]).includes(value);
}

export interface TierRequest {
  /** PutParameter `Tier`, when sent. */
  readonly requested: RequestedTier | undefined;
  /** The `/ssm/parameter-store/default-parameter-tier` setting. */
  readonly defaultTier: RequestedTier;
  /** The latest version's tier when overwriting; undefined when creating. */
  readonly existing: ParameterTier | undefined;
  readonly valueBytes: number;
  /** The request carries at least one policy (`[]` and `[{}]` carry none). */
  readonly hasPolicies: boolean;
  /** Standard parameters the region holds now. */
  readonly standardCount: number;
}

/**
 * The tier a write gets. Tier omitted: an overwrite keeps the latest version's tier (§3.8) unless
 * the default is Intelligent-Tiering, which decides for every request; a create takes the default.
 * Intelligent-Tiering picks Advanced when the request needs it — value over 4096 bytes, a policy,
 * the Standard quota full — and never downgrades. An explicit Standard on an Advanced parameter
 * is refused.
 */
export function resolveTier(r: TierRequest): ParameterTier {
  const inherited = r.defaultTier === "Intelligent-Tiering" ? undefined : r.existing;
  const wanted: RequestedTier = r.requested ?? inherited ?? r.defaultTier;
  switch (wanted) {
    case "Standard":
      if (r.existing === "Advanced") throw tierDowngrade();
      return "Standard";
    case "Advanced":
      return "Advanced";
    case "Intelligent-Tiering":
      return needsAdvanced(r) ? "Advanced" : "Standard";
    default: {
      const never: never = wanted;
      return never;
    }
  }
}

function needsAdvanced(r: TierRequest): boolean {
  return (
    r.existing === "Advanced" ||
    r.valueBytes > MAX_STANDARD_VALUE_BYTES ||
    r.hasPolicies ||
    (r.existing === undefined && r.standardCount >= MAX_STANDARD_PARAMETERS)
  );
}

/** Policies on a Standard parameter (policies §1.1, §1.3 — checked after the JSON is parsed). */
export function assertPoliciesAllowed(tier: ParameterTier, hasPolicies: boolean): void {
  if (tier === "Standard" && hasPolicies) throw policiesRequireAdvancedTier();
}

export function maxParametersIn(tier: ParameterTier): number {
  return tier === "Advanced" ? MAX_ADVANCED_PARAMETERS : MAX_STANDARD_PARAMETERS;
}

/**
 * Call when a write adds a parameter to `tier` (a create, or a Standard→Advanced upgrade) with the
 * count the region holds in that tier now (§3.4).
 */
export function assertRoomInTier(tier: ParameterTier, countInTier: number): void {
  if (countInTier >= maxParametersIn(tier)) throw parameterLimitExceeded(tier);
}
