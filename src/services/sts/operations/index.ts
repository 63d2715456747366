import type { AnyOperation } from "../../operation.js";
import { AssumeRole } from "./assume-role.js";
import { GetCallerIdentity } from "./get-caller-identity.js";
import { GetSessionToken } from "./get-session-token.js";

/** The STS operations this server answers, by AWS operation name. */
export const stsOperationTable: ReadonlyMap<string, AnyOperation> = new Map<string, AnyOperation>([
  [AssumeRole.name, AssumeRole],
  [GetCallerIdentity.name, GetCallerIdentity],
  [GetSessionToken.name, GetSessionToken],
]);
