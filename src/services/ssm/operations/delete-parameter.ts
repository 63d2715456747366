import type { DeleteParameterRequest, DeleteParameterResult } from "@aws-sdk/client-ssm";
import { parameterNotFound } from "../../../errors/ssm-errors.js";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { parseParameterName } from "../domain/parameter-name.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/**
 * §4.5: the parameter with every version, label, tag and resource policy, by either spelling of a
 * top-level name. Missing → ParameterNotFound with no message; `aws…` names → AccessDeniedException.
 */
export const DeleteParameter: Operation<Validated<DeleteParameterRequest, "Name">, WireShape<DeleteParameterResult>> = {
  name: "DeleteParameter",
  action: "ssm:DeleteParameter",
  access: (input, cx) => [parameterRequest("ssm:DeleteParameter", parseParameterName(input.Name, "write").name, cx)],
  async run(input, cx) {
    const { key } = parseParameterName(input.Name, "write");
    const deleted = await cx.ports.storage.write((tx) => tx.deleteParameter(cx.region, key));
    if (!deleted) throw parameterNotFound();
    return {};
  },
};
