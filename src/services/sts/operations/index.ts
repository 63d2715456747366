import type { AnyOperation } from "../../operation.js";
import { GetCallerIdentity } from "./get-caller-identity.js";

/** The STS operations this server answers, by AWS operation name. */
export const stsOperationTable: ReadonlyMap<string, AnyOperation> = new Map<string, AnyOperation>([
  [GetCallerIdentity.name, GetCallerIdentity],
]);
