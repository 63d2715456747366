import type { OperationModel } from "../model/shape.js";
import type { AnyOperation } from "../services/operation.js";

/** Fails at start-up, not per request, when a handler has no model (a misspelt or foreign name). */
export function checkedModels(
  service: string,
  models: Readonly<Record<string, OperationModel>>,
  operations: ReadonlyMap<string, AnyOperation>,
): Readonly<Record<string, OperationModel>> {
  for (const name of operations.keys()) {
    if (!Object.hasOwn(models, name)) throw new Error(`no model for ${service} operation ${name}`);
  }
  return models;
}
