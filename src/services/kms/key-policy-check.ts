import { KmsFailure } from "../ports.js";

/** KMS's key policy size quota (botocore docs for CreateKey/PutKeyPolicy); the model allows 131072. */
export const MAX_KEY_POLICY_BYTES = 32768;

const TOP_LEVEL = new Set(["Version", "Id", "Statement"]);
const STATEMENT = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const ACCOUNT = /^\d{12}$/;
const IAM_PRINCIPAL = /^arn:aws[a-z-]*:(iam::\d{12}:(root|user\/.+|role\/.+)|sts::\d{12}:(assumed-role\/.+|federated-user\/.+))$/;
// Unique ids (AIDA…/AROA…) stand for principals that were deleted after the policy was saved.
const UNIQUE_ID = /^A[A-Z]{3}[A-Z0-9]{13,}$/;

export interface KeyPolicyCheck {
  /** The key the policy is for: `Resource` patterns are matched against it. */
  readonly keyArn: string;
  readonly account: string;
  /** Who asks: the lockout safety check makes sure they could put a policy again. */
  readonly callerArn: string;
  readonly bypassLockoutSafetyCheck: boolean;
}

interface Statement {
  readonly effect: "Allow" | "Deny";
  readonly principals: readonly string[] | "none";
  readonly notPrincipal: boolean;
  readonly actions: readonly string[] | undefined;
  readonly notAction: boolean;
  readonly resources: readonly string[] | undefined;
  readonly notResource: boolean;
  readonly conditional: boolean;
}

/**
 * Validates a key policy document as CreateKey and PutKeyPolicy do (kms.md §9.2), throwing KMS's
 * errors: MalformedPolicyDocumentException without a message for text that is not a policy document
 * (what AWS answers for non-JSON, aws/aws-sdk-ruby#1784), with AWS's texts for bad principals and for
 * a policy that would lock the caller out; LimitExceededException past the 32 KiB quota.
 * Statements without Action or Resource are accepted and simply never apply.
 */
export function checkKeyPolicy(text: string, check: KeyPolicyCheck): void {
  if (Buffer.byteLength(text, "utf8") > MAX_KEY_POLICY_BYTES) {
    throw new KmsFailure("LimitExceededException", `The key policy exceeds the size quota of ${MAX_KEY_POLICY_BYTES} bytes.`);
  }
  const statements = parsePolicy(text);
  if (statements.some((s) => s.principals === "none")) {
    throw invalidPrincipals();
  }
  if (!check.bypassLockoutSafetyCheck && !allowsPolicyUpdates(statements, check)) {
    throw new KmsFailure(
      "MalformedPolicyDocumentException",
      "The new key policy will not allow you to update the key policy in the future.",
    );
  }
}

function parsePolicy(text: string): Statement[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformed();
  }
  if (!isObject(document) || Object.keys(document).some((k) => !TOP_LEVEL.has(k))) throw malformed();
  const { Version: version, Id: id, Statement: raw } = document;
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version))) throw malformed();
  if (id !== undefined && typeof id !== "string") throw malformed();
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw malformed();
  const sids = new Set<string>();
  return list.map((item) => {
    const statement = parseStatement(item);
    const sid = isObject(item) ? item["Sid"] : undefined;
    if (typeof sid === "string") {
      if (sids.has(sid)) throw malformed();
      sids.add(sid);
    }
    return statement;
  });
}

function parseStatement(item: unknown): Statement {
  if (!isObject(item) || Object.keys(item).some((k) => !STATEMENT.has(k))) throw malformed();
  const effect = item["Effect"];
  if (effect !== "Allow" && effect !== "Deny") throw malformed();
  if (item["Sid"] !== undefined && typeof item["Sid"] !== "string") throw malformed();
  const condition = item["Condition"];
  if (condition !== undefined && (!isObject(condition) || !Object.values(condition).every(isObject))) throw malformed();
  const action = exclusive(item, "Action", "NotAction");
  const resource = exclusive(item, "Resource", "NotResource");
  if ("Principal" in item && "NotPrincipal" in item) throw malformed();
  const principal = "Principal" in item ? item["Principal"] : item["NotPrincipal"];
  return {
    effect,
    principals: principal === undefined ? "none" : principalList(principal),
    notPrincipal: "NotPrincipal" in item,
    actions: action.values,
    notAction: action.negated,
    resources: resource.values,
    notResource: resource.negated,
    conditional: condition !== undefined && Object.keys(condition).length > 0,
  };
}

function exclusive(item: Record<string, unknown>, name: string, negated: string): { values?: string[]; negated: boolean } {
  if (name in item && negated in item) throw malformed();
  const raw = name in item ? item[name] : item[negated];
  if (raw === undefined) return { negated: false };
  return { values: stringList(raw), negated: negated in item };
}

/** `"*"` or `{"AWS": …, "Service": …}`; every AWS principal must be well formed (kms.md §9.2). */
function principalList(raw: unknown): string[] {
  if (raw === "*") return ["*"];
  if (!isObject(raw) || Object.keys(raw).length === 0) throw invalidPrincipals();
  const principals: string[] = [];
  for (const [type, value] of Object.entries(raw)) {
    if (!PRINCIPAL_TYPES.has(type)) throw invalidPrincipals();
    let values: string[];
    try {
      values = stringList(value);
    } catch {
      throw invalidPrincipals();
    }
    for (const v of values) {
      if (type === "AWS" && v !== "*" && !ACCOUNT.test(v) && !IAM_PRINCIPAL.test(v) && !UNIQUE_ID.test(v)) {
        throw invalidPrincipals();
      }
      if (v === "") throw invalidPrincipals();
      principals.push(type === "AWS" ? v : `${type}:${v}`);
    }
  }
  return principals;
}

/**
 * The lockout safety check: some Allow must let the caller (or the account root, which delegates to
 * IAM) call kms:PutKeyPolicy on this key, and no unconditional Deny may take it away. Conditions are
 * not evaluated here; an Allow with one counts, so a valid policy is never refused for it.
 */
function allowsPolicyUpdates(statements: readonly Statement[], check: KeyPolicyCheck): boolean {
  const applies = (s: Statement, effect: "Allow" | "Deny") =>
    s.effect === effect &&
    namesCaller(s, check) &&
    s.actions !== undefined &&
    s.actions.some((a) => wildcard(a.toLowerCase(), "kms:putkeypolicy")) !== s.notAction &&
    s.resources !== undefined &&
    s.resources.some((r) => wildcard(r, check.keyArn)) !== s.notResource;
  if (statements.some((s) => applies(s, "Deny") && !s.conditional)) return false;
  return statements.some((s) => applies(s, "Allow"));
}

function namesCaller(s: Statement, check: KeyPolicyCheck): boolean {
  if (s.principals === "none") return false;
  const names = new Set(["*", check.account, `arn:aws:iam::${check.account}:root`, check.callerArn]);
  return s.principals.some((p) => names.has(p)) !== s.notPrincipal;
}

function wildcard(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "s").test(value);
}

function stringList(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0 || !values.every((v): v is string => typeof v === "string")) throw malformed();
  return values;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function malformed(): KmsFailure {
  return new KmsFailure("MalformedPolicyDocumentException", "");
}

function invalidPrincipals(): KmsFailure {
  return new KmsFailure("MalformedPolicyDocumentException", "Policy contains a statement with one or more invalid principals.");
}
