import type { DeleteParametersRequest, DeleteParametersResult } from "@aws-sdk/client-ssm";
import { isAwsError } from "../../../errors/aws-error.js";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { parseParameterName } from "../domain/parameter-name.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/**
 * §4.6: each distinct name is deleted if it exists, otherwise listed in InvalidParameters; both
 * lists always present, names echoed as sent, in request order. A name this server could never hold —
 * malformed or reserved — is listed as invalid rather than failing the batch (unverified).
 */
export const DeleteParameters: Operation<Validated<DeleteParametersRequest, "Names">, WireShape<DeleteParametersResult>> = {
  name: "DeleteParameters",
  action: "ssm:DeleteParameters",
  // Malformed names are reported in InvalidParameters, not authorised (they name no parameter).
  access: (input, cx) =>
    [...new Set(input.Names)].flatMap((raw) => {
      const key = keyOf(raw);
      return key === null ? [] : [parameterRequest("ssm:DeleteParameters", key, cx)];
    }),
  async run(input, cx) {
    const names = [...new Set(input.Names)].map((raw) => ({ raw, key: keyOf(raw) }));
    return cx.ports.storage.write(async (tx) => {
      const deleted: string[] = [];
      const invalid: string[] = [];
      for (const { raw, key } of names) {
        if (key !== null && (await tx.deleteParameter(cx.region, key))) deleted.push(raw);
        else invalid.push(raw);
      }
      return { DeletedParameters: deleted, InvalidParameters: invalid };
    });
  },
};

function keyOf(raw: string): string | null {
  try {
    return parseParameterName(raw, "write").key;
  } catch (e) {
    if (isAwsError(e)) return null;
    throw e;
  }
}
