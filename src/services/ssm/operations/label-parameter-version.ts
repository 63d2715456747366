import type { LabelParameterVersionRequest, LabelParameterVersionResult } from "@aws-sdk/client-ssm";
import { parameterNotFound, parameterVersionNotFound } from "../../../errors/ssm-errors.js";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { assertLabelCapacity, classifyLabels } from "../domain/labels.js";
import { parseParameterName } from "../domain/parameter-name.js";
import type { Validated } from "../validated-request.js";
import { parameterRequest } from "../access-requests.js";

/**
 * §4.9, §5.2: attaches the valid labels to one version (the latest when none is named), moving any
 * that sit on another version; invalid labels come back in InvalidLabels and the valid ones are
 * still attached. More than 10 labels on the version fails the whole request.
 */
export const LabelParameterVersion: Operation<
  Validated<LabelParameterVersionRequest, "Name" | "Labels">,
  WireShape<LabelParameterVersionResult>
> = {
  name: "LabelParameterVersion",
  action: "ssm:LabelParameterVersion",
  access: (input, cx) => [parameterRequest("ssm:LabelParameterVersion", parseParameterName(input.Name, "write").name, cx)],
  async run(input, cx) {
    const { key } = parseParameterName(input.Name, "write");
    const labels = classifyLabels(input.Labels);
    const version = await cx.ports.storage.write(async (tx) => {
      const latest = await tx.latest(cx.region, key);
      if (latest === undefined) throw parameterNotFound();
      const target = input.ParameterVersion ?? latest.version;
      if ((await tx.version(cx.region, key, target)) === undefined) throw parameterVersionNotFound(latest.key, target);
      assertLabelCapacity(await tx.labelsOf(cx.region, key, target), labels.valid);
      for (const label of labels.valid) await tx.setLabel(cx.region, key, label, target);
      return target;
    });
    return { InvalidLabels: [...labels.invalid], ParameterVersion: version };
  },
};
