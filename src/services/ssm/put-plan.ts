import { parameterAlreadyExists, parameterMaxVersionLimitExceeded, typeRequired } from "../../errors/ssm-errors.js";
import type { ParameterTier, ParameterType, ParameterVersionRecord, ReadTx, StoredPolicy } from "../../storage/ports.js";
import { readDefaultTier } from "./default-tier.js";
import { MAX_PARAMETER_VERSIONS } from "./domain/limits.js";
import { assertHierarchyDepth } from "./domain/parameter-name.js";
import { hasPolicies, validatePolicies } from "./domain/parameter-policies.js";
import {
  assertMatchesAllowedPattern,
  assertNoNestedReference,
  assertValueSize,
  DEFAULT_DATA_TYPE,
  validateDataType,
  valueBytes,
} from "./domain/parameter-value.js";
import { assertRoomInTier, resolveTier, type RequestedTier } from "./domain/tier.js";
import type { PutRequest } from "./put-request.js";

/** The SSM-managed key a SecureString gets when no KeyId is sent or inherited, as AWS reports it (§3.5). */
export const DEFAULT_SECURE_STRING_KEY = "alias/aws/ssm";

/** What a PutParameter decision depends on in storage. */
export interface PutState {
  readonly latest: ParameterVersionRecord | undefined;
  readonly defaultTier: RequestedTier;
  /** Standard parameters in the region; only read when Intelligent-Tiering decides a create. */
  readonly standardCount: number;
}

/** The version a PutParameter writes, every field resolved (sent, inherited or defaulted). */
export interface PutPlan {
  readonly key: string;
  /** The spelling the parameter was created with; a new parameter takes the request's. */
  readonly name: string;
  readonly version: number;
  readonly overwrites: boolean;
  readonly type: ParameterType;
  /** SecureString only. */
  readonly keyId: string | null;
  readonly description: string | null;
  readonly allowedPattern: string | null;
  readonly tier: ParameterTier;
  readonly dataType: string;
  readonly policies: readonly StoredPolicy[];
  /** The tier this write adds a parameter to — a create, or a Standard→Advanced upgrade — for its count limit. */
  readonly entersTier: ParameterTier | null;
}

export async function readPutState(tx: ReadTx, region: string, request: PutRequest): Promise<PutState> {
  const latest = await tx.latest(region, request.name.key);
  const defaultTier = await readDefaultTier(tx, region);
  const intelligent = (request.tier ?? defaultTier) === "Intelligent-Tiering";
  const standardCount = latest === undefined && intelligent ? await tx.countByTier(region, "Standard") : 0;
  return { latest, defaultTier, standardCount };
}

/**
 * The state-dependent part of §4.1's order: existence and Overwrite → type → (checks that waited for
 * an inherited type) → tier and downgrade → value size → policies → AllowedPattern match → depth.
 * An overwrite inherits every member it does not send: Type, Description, AllowedPattern, KeyId
 * (SecureString), Tier, DataType and Policies (§3.8).
 */
export function planPut(request: PutRequest, state: PutState): PutPlan {
  const { latest } = state;
  if (latest !== undefined && !request.overwrite) throw parameterAlreadyExists();
  const type = request.type ?? latest?.type;
  if (type === undefined) throw typeRequired();
  const dataType = request.dataType ?? latest?.dataType ?? DEFAULT_DATA_TYPE;
  if (request.type === undefined) {
    validateDataType(dataType, request.name.name, type);
    assertNoNestedReference(request.value, type);
  } else if (request.dataType === undefined && latest !== undefined) {
    validateDataType(dataType, request.name.name, type);
  }
  const sentPolicies = request.policies !== undefined && "parsed" in request.policies ? request.policies.parsed : undefined;
  const tier = resolveTier({
    requested: request.tier,
    defaultTier: state.defaultTier,
    existing: latest?.tier,
    valueBytes: valueBytes(request.value),
    hasPolicies: sentPolicies !== undefined && hasPolicies(sentPolicies),
    standardCount: state.standardCount,
  });
  assertValueSize(request.value, tier);
  const policies = resolvePolicies(request, tier, latest);
  const allowedPattern = request.allowedPattern ?? latest?.allowedPattern ?? null;
  if (allowedPattern !== null) assertMatchesAllowedPattern(request.value, allowedPattern);
  assertHierarchyDepth(request.name.name);
  return {
    key: request.name.key,
    name: latest?.name ?? request.name.name,
    version: (latest?.version ?? 0) + 1,
    overwrites: latest !== undefined,
    type,
    keyId: type === "SecureString" ? secureStringKey(request, latest) : null,
    description: request.description ?? latest?.description ?? null,
    allowedPattern,
    tier,
    dataType,
    policies,
    entersTier: latest === undefined || latest.tier !== tier ? tier : null,
  };
}

/** Sent policies replace the whole set (`[]` and `[{}]` clear it); omitted ones are inherited. */
function resolvePolicies(request: PutRequest, tier: ParameterTier, latest: ParameterVersionRecord | undefined): readonly StoredPolicy[] {
  if (request.policies === undefined) return latest?.policies ?? [];
  if ("error" in request.policies) throw request.policies.error;
  return validatePolicies(request.policies.parsed, tier);
}

/** A SecureString keeps its key when none is sent; String→SecureString starts on the default (§3.5). */
function secureStringKey(request: PutRequest, latest: ParameterVersionRecord | undefined): string {
  if (request.keyId !== undefined) return request.keyId;
  if (latest?.type === "SecureString" && latest.keyId !== null) return latest.keyId;
  return DEFAULT_SECURE_STRING_KEY;
}

/**
 * The checks of §4.1 that count what is stored: room in the tier the write adds a parameter to, then
 * the 100-version cap (§5.1). Returns the oldest version the write must drop to stay within the cap —
 * refused when that version carries a label.
 */
export async function makeRoom(tx: ReadTx, region: string, plan: PutPlan, requestName: string): Promise<number | null> {
  if (plan.entersTier !== null) assertRoomInTier(plan.entersTier, await tx.countByTier(region, plan.entersTier));
  if (!plan.overwrites) return null;
  const { count, oldest } = await tx.versionSpan(region, plan.key);
  if (count < MAX_PARAMETER_VERSIONS || oldest === undefined) return null;
  if ((await tx.labelsOf(region, plan.key, oldest)).length > 0) throw parameterMaxVersionLimitExceeded(requestName, oldest);
  return oldest;
}
