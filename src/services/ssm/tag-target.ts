import { invalidResourceId } from "../../errors/ssm-errors.js";
import type { ReadTx } from "../../storage/ports.js";
import { canonicalKey, isNameSyntaxValid, trimName } from "./domain/parameter-name.js";

/**
 * The parameter a tagging call names (ssm-parameter-store.md §4.11): `ResourceId` is the parameter
 * name, either spelling of a top-level name. Every other resource type (documents, managed nodes,
 * maintenance windows …) is one this server hosts none of, so it is answered like a parameter
 * that does not exist: InvalidResourceId, which AWS sends with no message.
 */
export function taggedParameterKey(resourceType: string, resourceId: string): string {
  const name = trimName(resourceId);
  if (resourceType !== "Parameter" || !isNameSyntaxValid(name)) throw invalidResourceId();
  return canonicalKey(name);
}

/** Existence check inside the transaction that reads or changes the tags. */
export async function assertTaggedParameterExists(tx: ReadTx, region: string, key: string): Promise<void> {
  if ((await tx.latest(region, key)) === undefined) throw invalidResourceId();
}
