import type { GetParametersRequest, GetParametersResult, Parameter } from "@aws-sdk/client-ssm";
import type { WireShape } from "../../../model/wire-shape.js";
import type { ParameterVersionRecord } from "../../../storage/ports.js";
import type { Operation } from "../../operation.js";
import { parseParameterReference, type ParameterReference } from "../domain/parameter-reference.js";
import { scopeOf } from "../parameter-scope.js";
import { parameterView, valueText } from "../parameter-view.js";
import { resolveReference } from "../read-parameter.js";
import type { Validated } from "../validated-request.js";
import { referenceRequest } from "../access-requests.js";

interface Found {
  readonly ref: ParameterReference;
  readonly record: ParameterVersionRecord;
}

/**
 * §4.3: each distinct input string is looked up on its own; whatever does not resolve (a missing
 * parameter, version or label, any Secrets Manager reference) lands in InvalidParameters instead of
 * failing the call. A malformed name still fails the whole call. Both lists are always present,
 * Parameters sorted by Name, InvalidParameters sorted and de-duplicated.
 */
export const GetParameters: Operation<Validated<GetParametersRequest, "Names">, WireShape<GetParametersResult>> = {
  name: "GetParameters",
  action: "ssm:GetParameters",
  // Each name is authorised on its own; one denied name fails the call (iam-policy-evaluation.md §8.1).
  access: (input, cx) =>
    [...new Set(input.Names)]
      .map((raw) => parseParameterReference(raw, scopeOf(cx)))
      .filter((ref) => ref.namespace !== "secretsmanager")
      .map((ref) => referenceRequest("ssm:GetParameters", ref, cx)),
  async run(input, cx) {
    const scope = scopeOf(cx);
    const requested = [...new Set(input.Names)].map((raw) => ({ raw, ref: parseParameterReference(raw, scope) }));
    const { found, invalid } = await cx.ports.storage.read(async (tx) => {
      const hits: Found[] = [];
      const misses: string[] = [];
      for (const { raw, ref } of requested) {
        // paramstore runs no Secrets Manager: a reference never resolves (§7.2).
        const resolution = ref.namespace === "secretsmanager" ? undefined : await resolveReference(tx, cx.region, ref);
        if (resolution !== undefined && "found" in resolution) hits.push({ ref, record: resolution.found });
        else misses.push(raw);
      }
      return { found: hits, invalid: misses };
    });
    const withDecryption = input.WithDecryption === true;
    const parameters: WireShape<Parameter>[] = await Promise.all(
      found.map(async (f) => parameterView(f.record, f.ref, await valueText(f.record, withDecryption, cx), cx)),
    );
    return {
      Parameters: parameters.sort((a, b) => compareText(a.Name ?? "", b.Name ?? "")),
      InvalidParameters: invalid.sort(compareText),
    };
  },
};

/** Plain string order (names are ASCII); equal names keep their input order. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
