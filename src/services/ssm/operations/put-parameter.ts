import type { PutParameterResult } from "@aws-sdk/client-ssm";
import { tooManyUpdates } from "../../../errors/ssm-errors.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { VersionConflict, type ParameterVersionRecord, type WriteTx } from "../../../storage/ports.js";
import type { Operation, OperationContext } from "../../operation.js";
import { imageValidationFailure } from "../domain/parameter-value.js";
import { arnOf, scopeOf } from "../parameter-scope.js";
import { makeRoom, planPut, readPutState, type PutPlan } from "../put-plan.js";
import { parsePutRequest, type PutParameterInput, type PutRequest } from "../put-request.js";
import { encryptValue } from "../secure-value.js";
import { parameterRequest, requestTagContext } from "../access-requests.js";

/**
 * Rounds of read → encrypt → commit before a write gives up. A round is only repeated when a
 * concurrent write changed the type or key this one encrypted for, so a second round almost always
 * succeeds; the bound keeps a pathological storm finite.
 */
const MAX_ROUNDS = 8;

/** The stored value: UTF-8, or for a SecureString the envelope sealed under `keyId`. */
interface StoredValue {
  readonly bytes: Uint8Array;
  readonly type: PutPlan["type"];
  readonly keyId: string | null;
}

const RETRY = Symbol("retry");

/**
 * §4.1. A value to encrypt is planned twice: once from a snapshot, to run every check in AWS's order
 * and encrypt outside any transaction; then again inside the write transaction, where the version
 * number is decided — so concurrent overwrites get contiguous versions and none is lost. When a concurrent
 * write changed what the value was encrypted for, the round starts over.
 */
export const PutParameter: Operation<PutParameterInput, WireShape<PutParameterResult>> = {
  name: "PutParameter",
  action: "ssm:PutParameter",
  access: (input, cx) => [parameterRequest("ssm:PutParameter", parsePutRequest(input, scopeOf(cx)).name.name, cx, putContext(input))],
  async run(input, cx) {
    const request = parsePutRequest(input, scopeOf(cx));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // A String or StringList is stored as sent whatever the plan says: it is planned once, inside
      // the write (a snapshot read per write was a third of PutParameter's CPU).
      const stored =
        request.type !== undefined && request.type !== "SecureString"
          ? plainValue(request, request.type)
          : await storedValue(request, await snapshotPlan(request, cx), cx);
      try {
        const written = await cx.ports.storage.write((tx) => commit(tx, request, stored, cx));
        if (written !== RETRY) return { Version: written.version, Tier: written.tier };
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw tooManyUpdates();
  },
};

async function commit(
  tx: WriteTx,
  request: PutRequest,
  stored: StoredValue,
  cx: OperationContext,
): Promise<PutPlan | typeof RETRY> {
  const plan = planPut(request, await readPutState(tx, cx.region, request));
  if (plan.type !== stored.type || plan.keyId !== stored.keyId) return RETRY;
  const oldest = await makeRoom(tx, cx.region, plan, request.name.name);
  // AWS accepts an aws:ec2:image value it cannot validate, answers with the version, then drops it
  // (§3.3): the caller sees success, later reads do not.
  if (imageValidationFailure(plan.dataType, request.value) !== null) return plan;
  if (oldest !== null) await tx.deleteVersion(cx.region, plan.key, oldest);
  await tx.appendVersion(versionRecord(plan, stored.bytes, cx));
  if (!plan.overwrites && request.tags.length > 0) await tx.putTags(cx.region, plan.key, request.tags);
  return plan;
}

/** The plan from a snapshot, every check run in AWS's order, so that the value is encrypted outside the write. */
function snapshotPlan(request: PutRequest, cx: OperationContext): Promise<PutPlan> {
  return cx.ports.storage.read(async (tx) => {
    const plan = planPut(request, await readPutState(tx, cx.region, request));
    await makeRoom(tx, cx.region, plan, request.name.name);
    return plan;
  });
}

function plainValue(request: PutRequest, type: PutPlan["type"]): StoredValue {
  return { bytes: Buffer.from(request.value, "utf8"), type, keyId: null };
}

async function storedValue(request: PutRequest, plan: PutPlan, cx: OperationContext): Promise<StoredValue> {
  if (plan.type !== "SecureString" || plan.keyId === null) return plainValue(request, plan.type);
  const bytes = await encryptValue(request.value, plan.keyId, arnOf(cx, request.name.name), plan.tier, cx);
  return { bytes, type: plan.type, keyId: plan.keyId };
}

function versionRecord(plan: PutPlan, value: Uint8Array, cx: OperationContext): ParameterVersionRecord {
  return {
    region: cx.region,
    key: plan.key,
    name: plan.name,
    version: plan.version,
    type: plan.type,
    value,
    keyId: plan.keyId,
    description: plan.description,
    allowedPattern: plan.allowedPattern,
    tier: plan.tier,
    dataType: plan.dataType,
    policies: plan.policies,
    lastModifiedDate: cx.ports.clock.now().getTime(),
    lastModifiedUser: cx.caller.arn,
  };
}

/** `ssm:Overwrite` and `ssm:Policies` when sent (iam-policy-evaluation.md §8.2), and the request's tags. */
function putContext(input: PutParameterInput): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = input.Tags === undefined ? {} : requestTagContext(input.Tags);
  if (input.Overwrite !== undefined) context["ssm:Overwrite"] = String(input.Overwrite);
  if (input.Policies !== undefined) context["ssm:Policies"] = input.Policies;
  return context;
}
