import type { GetParameterRequest, GetParameterResult } from "@aws-sdk/client-ssm";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { parseParameterReference } from "../domain/parameter-reference.js";
import { scopeOf } from "../parameter-scope.js";
import { parameterView, valueText } from "../parameter-view.js";
import { resolveReference, secretReferenceFailure } from "../read-parameter.js";
import type { Validated } from "../validated-request.js";
import { referenceRequest } from "../access-requests.js";

/** §4.2: a name, `name:selector` or ARN → that version, echoing the request's spelling and selector. */
export const GetParameter: Operation<Validated<GetParameterRequest, "Name">, WireShape<GetParameterResult>> = {
  name: "GetParameter",
  action: "ssm:GetParameter",
  access: (input, cx) => [referenceRequest("ssm:GetParameter", parseParameterReference(input.Name, scopeOf(cx)), cx)],
  async run(input, cx) {
    const withDecryption = input.WithDecryption === true;
    const ref = parseParameterReference(input.Name, scopeOf(cx));
    if (ref.namespace === "secretsmanager") throw secretReferenceFailure(ref, withDecryption);
    const resolution = await cx.ports.storage.read((tx) => resolveReference(tx, cx.region, ref));
    if ("missing" in resolution) throw resolution.missing;
    const record = resolution.found;
    const value = await valueText(record, withDecryption, cx);
    return { Parameter: parameterView(record, ref, value, cx) };
  },
};
