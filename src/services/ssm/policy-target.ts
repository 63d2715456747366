import { invalidResourceArn, resourceNotFound } from "../../errors/ssm-errors.js";
import type { ParameterVersionRecord, ReadTx } from "../../storage/ports.js";
import { canonicalKey, isNameSyntaxValid, type ParameterScope } from "./domain/parameter-name.js";

/** The AWS managed key of Parameter Store (ssm-parameter-store.md §3.5). */
const AWS_MANAGED_ALIAS = "alias/aws/ssm";

/**
 * The parameter a resource-policy call names by `ResourceArn` (ssm-parameter-store.md §4.13):
 * `arn:<partition>:ssm:<region>:<account>:parameter/<name>`. Anything that is not an SSM ARN is
 * ResourcePolicyInvalidParameterException; an SSM ARN of another kind (an OpsItemGroup), account or
 * Region names nothing this server holds for the caller: ResourceNotFoundException.
 */
export function policyTargetKey(arn: string, scope: ParameterScope): string {
  const [prefix, partition, service, region, account, ...rest] = arn.split(":");
  const resource = rest.join(":");
  if (prefix !== "arn" || service !== "ssm" || partition === "" || rest.length === 0) throw invalidResourceArn(arn);
  if (!resource.startsWith("parameter/")) throw resourceNotFound(arn);
  const path = resource.slice("parameter/".length);
  // The ARN drops the slash of a top-level name: `parameter/a/b` is `/a/b`, `parameter/p` is `p`.
  const name = path.includes("/") ? `/${path}` : path;
  if (!isNameSyntaxValid(name)) throw invalidResourceArn(arn);
  if (partition !== scope.partition || region !== scope.region || account !== scope.account) throw resourceNotFound(arn);
  return canonicalKey(name);
}

/** The parameter's latest version, or ResourceNotFoundException naming the ARN as sent. */
export async function policyTarget(tx: ReadTx, region: string, key: string, arn: string): Promise<ParameterVersionRecord> {
  const latest = await tx.latest(region, key);
  if (latest === undefined) throw resourceNotFound(arn);
  return latest;
}

/**
 * True when a SecureString is encrypted under the AWS managed key, which cannot be shared: KeyId
 * absent or `alias/aws/ssm`, or any spelling (key id, key ARN, alias ARN) of the key that alias
 * points at.
 */
export async function usesAwsManagedKey(tx: ReadTx, record: ParameterVersionRecord): Promise<boolean> {
  if (record.type !== "SecureString") return false;
  const keyId = record.keyId;
  if (keyId === null || keyId === AWS_MANAGED_ALIAS || keyId.endsWith(`:${AWS_MANAGED_ALIAS}`)) return true;
  const managed = await tx.aliasTarget(record.region, AWS_MANAGED_ALIAS);
  if (managed === undefined) return false;
  const aliasName = keyId.startsWith("alias/") ? keyId : /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)$/.exec(keyId)?.[1];
  // A key id is the last segment of a key ARN (`…:key/<id>`) or the whole KeyId.
  const target = aliasName !== undefined ? await tx.aliasTarget(record.region, aliasName) : keyId.split("/").pop();
  return target === managed;
}
