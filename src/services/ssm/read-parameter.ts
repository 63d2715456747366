import type { AwsError } from "../../errors/aws-error.js";
import {
  parameterNotFound,
  parameterVersionLabelNotFound,
  parameterVersionNotFound,
  secretReferenceNotFound,
  secretReferenceRequiresDecryption,
  secretsManagerDependencyFailure,
} from "../../errors/ssm-errors.js";
import type { ParameterVersionRecord, ReadTx } from "../../storage/ports.js";
import { canonicalKey } from "./domain/parameter-name.js";
import type { ParameterReference } from "./domain/parameter-reference.js";

/** A reference resolved to the version it names, or the error a single read would raise. */
export type Resolution = { readonly found: ParameterVersionRecord } | { readonly missing: AwsError };

const SECRETS_PREFIX = "/aws/reference/secretsmanager/";

/**
 * GetParameter(s): the latest version, `name:<version>` or `name:<label>` (§2.6). A parameter that
 * does not exist is ParameterNotFound with no message; a missing version or label names the parameter
 * with its leading slash.
 *
 * paramstore serves no AWS public parameters (`/aws/service/…`) and shares nothing across accounts,
 * so those references resolve as AWS resolves one that does not exist. Secrets Manager references
 * are answered by secretReferenceFailure before this is called.
 */
export async function resolveReference(tx: ReadTx, region: string, ref: ParameterReference): Promise<Resolution> {
  if (ref.foreign || ref.namespace !== "parameter") return { missing: parameterNotFound() };
  const latest = await tx.latest(region, ref.key);
  if (latest === undefined) return { missing: parameterNotFound() };
  const { selection } = ref;
  switch (selection.kind) {
    case "latest":
      return { found: latest };
    case "version": {
      const found = Number.isSafeInteger(selection.version) ? await tx.version(region, ref.key, selection.version) : undefined;
      return found !== undefined ? { found } : { missing: parameterVersionNotFound(latest.key, selection.text) };
    }
    case "label": {
      const found = await tx.versionByLabel(region, ref.key, selection.label);
      return found !== undefined ? { found } : { missing: parameterVersionLabelNotFound(latest.key, selection.label) };
    }
    default: {
      const never: never = selection;
      return never;
    }
  }
}

/**
 * `/aws/reference/secretsmanager/…` (§7.2). paramstore runs no Secrets Manager, so every reference
 * names a secret that does not exist and gets AWS's answer for that — after the checks AWS makes
 * before it asks Secrets Manager (WithDecryption, an empty secret id).
 */
export function secretReferenceFailure(ref: ParameterReference, withDecryption: boolean): AwsError {
  if (!withDecryption) return secretReferenceRequiresDecryption();
  if (canonicalKey(ref.name) === SECRETS_PREFIX) return secretsManagerDependencyFailure();
  return secretReferenceNotFound(ref.name, ref.selector);
}
