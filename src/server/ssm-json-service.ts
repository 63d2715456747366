import { ssmMetadata, ssmOperations } from "../model/generated/ssm.js";
import type { OperationModel } from "../model/shape.js";
import { validateInput } from "../model/validate.js";
import { ssmOperationTable } from "../services/ssm/operations/index.js";
import type { AnyOperation } from "../services/operation.js";
import type { JsonService, OperationEntry } from "../wire/json-service.js";

/** Parameter Store on the JSON 1.1 wire: each handler behind the model check of its input. */
export function ssmJsonService(table: ReadonlyMap<string, AnyOperation> = ssmOperationTable): JsonService {
  const models: Readonly<Record<string, OperationModel>> = ssmOperations;
  const operations = new Map<string, OperationEntry>();
  for (const [name, operation] of table) {
    const model = models[name];
    if (model === undefined) throw new Error(`no model for SSM operation ${name}`);
    operations.set(name, { operation, validate: (body) => validateInput(model, body) });
  }
  return { targetPrefix: ssmMetadata.targetPrefix, signingName: ssmMetadata.signingName, operations };
}
