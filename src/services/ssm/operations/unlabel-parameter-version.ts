import type { UnlabelParameterVersionRequest, UnlabelParameterVersionResult } from "@aws-sdk/client-ssm";
import { parameterNotFound, parameterVersionNotFound } from "../../../errors/ssm-errors.js";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { parseParameterName } from "../domain/parameter-name.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/**
 * §4.10: removes the labels attached to that version. A label that is not — attached elsewhere,
 * attached nowhere, or not a valid label at all — comes back in InvalidLabels; neither is an error.
 */
export const UnlabelParameterVersion: Operation<
  Validated<UnlabelParameterVersionRequest, "Name" | "ParameterVersion" | "Labels">,
  WireShape<UnlabelParameterVersionResult>
> = {
  name: "UnlabelParameterVersion",
  action: "ssm:UnlabelParameterVersion",
  access: (input, cx) => [parameterRequest("ssm:UnlabelParameterVersion", parseParameterName(input.Name, "write").name, cx)],
  async run(input, cx) {
    const { key } = parseParameterName(input.Name, "write");
    const version = input.ParameterVersion;
    return cx.ports.storage.write(async (tx) => {
      const latest = await tx.latest(cx.region, key);
      if (latest === undefined) throw parameterNotFound();
      if ((await tx.version(cx.region, key, version)) === undefined) throw parameterVersionNotFound(latest.key, version);
      const removed: string[] = [];
      const invalid: string[] = [];
      for (const label of new Set(input.Labels)) {
        if (await tx.removeLabel(cx.region, key, label, version)) removed.push(label);
        else invalid.push(label);
      }
      return { RemovedLabels: removed, InvalidLabels: invalid };
    });
  },
};
