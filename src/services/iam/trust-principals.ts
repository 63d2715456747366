import { malformedPolicyDocument } from "../../errors/iam-errors.js";
import type { TrustPrincipal } from "../../storage/iam-ports.js";
import type { ReadTx } from "../../storage/ports.js";
import type { OperationContext } from "../operation.js";
import { iamArn } from "./arns.js";

/** `arn:aws:iam::<acct>:user/<path><name>` or `…:role/…`, no wildcard. */
const PRINCIPAL_ARN = /^arn:([^:]+):iam::(\d{12}):(user|role)(\/(?:[^*?]*\/)?)([^/*?]+)$/;

/**
 * The users and roles of this account a trust policy names under `"AWS"`, with their unique ids now
 * (iam-policy-evaluation.md §2.3): a principal deleted later stops matching, and one recreated under
 * the same name does not match either. A named user or role that does not exist is refused, as AWS
 * refuses it (MalformedPolicyDocument; wording unverified). Other accounts' ARNs, account ids, `*`
 * and service principals are left to the evaluator.
 */
export async function trustPrincipals(tx: ReadTx, text: string, cx: Pick<OperationContext, "partition" | "accountId">): Promise<TrustPrincipal[]> {
  const found: TrustPrincipal[] = [];
  const seen = new Set<string>();
  for (const arn of awsPrincipals(text)) {
    const match = PRINCIPAL_ARN.exec(arn);
    if (match === null || match[2] !== cx.accountId || seen.has(arn)) continue;
    seen.add(arn);
    const kind = match[3] === "user" ? "user" : "role";
    const path = match[4] ?? "/";
    const name = match[5] ?? "";
    const entity = kind === "user" ? await tx.iamUser(name) : await tx.iamRole(name);
    const uniqueId = entity === undefined ? undefined : "userId" in entity ? entity.userId : entity.roleId;
    if (entity === undefined || uniqueId === undefined || iamArn(cx, kind, entity.path, entity.name) !== iamArn(cx, kind, path, name)) {
      throw malformedPolicyDocument(`Invalid principal in policy: "AWS":"${arn}"`);
    }
    found.push({ arn, uniqueId });
  }
  return found;
}

/** Every string under `Principal.AWS` / `NotPrincipal.AWS` of every statement. */
function awsPrincipals(text: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(doc)) return [];
  const statements = Array.isArray(doc["Statement"]) ? (doc["Statement"] as unknown[]) : [doc["Statement"]];
  const arns: string[] = [];
  for (const statement of statements) {
    if (!isObject(statement)) continue;
    for (const element of [statement["Principal"], statement["NotPrincipal"]]) {
      if (!isObject(element)) continue;
      const aws = element["AWS"];
      for (const value of Array.isArray(aws) ? (aws as unknown[]) : [aws]) {
        if (typeof value === "string") arns.push(value);
      }
    }
  }
  return arns;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
