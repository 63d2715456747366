// The world of iam-policy-evaluation.md §9: account 123456789012, us-east-1, user alice
// (tag team=payments), role app-reader with session build-42. Shared by the policy case tables.
import type { ContextValue } from "./condition-context.js";
import type { DecisionReason, EvaluationMode } from "./evaluate.js";
import type { PrincipalFacts } from "./principal-facts.js";

export const ACCOUNT = "123456789012";
export const OTHER_ACCOUNT = "210987654321";
export const REGION = "us-east-1";
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-reader`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/build-42`;
export const ALICE_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const BOB_ARN = `arn:aws:iam::${ACCOUNT}:user/bob`;
export const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;
export const VIA_SSM = `ssm.${REGION}.amazonaws.com`;

export const param = (name: string): string => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name}`;

export const alice: PrincipalFacts = {
  kind: "user",
  arn: ALICE_ARN,
  principalArn: ALICE_ARN,
  accountId: ACCOUNT,
  userId: "AIDAALICEEXAMPLE00001",
  uniqueId: "AIDAALICEEXAMPLE00001",
  userName: "alice",
  tags: { team: "payments" },
};

export const bob: PrincipalFacts = {
  kind: "user",
  arn: BOB_ARN,
  principalArn: BOB_ARN,
  accountId: ACCOUNT,
  userId: "AIDABOBEXAMPLE0000001",
  uniqueId: "AIDABOBEXAMPLE0000001",
  userName: "bob",
};

export const session: PrincipalFacts = {
  kind: "assumed-role",
  arn: SESSION_ARN,
  principalArn: ROLE_ARN,
  accountId: ACCOUNT,
  userId: "AROAAPPREADEREXAMPLE1:build-42",
  uniqueId: "AROAAPPREADEREXAMPLE1",
  tags: { team: "payments" },
  tokenIssueTime: "2024-05-01T12:00:00Z",
};

export const root: PrincipalFacts = {
  kind: "root",
  arn: ROOT_ARN,
  principalArn: ROOT_ARN,
  accountId: ACCOUNT,
  userId: ACCOUNT,
};

type Json = Record<string, unknown>;

export const doc = (...statements: Json[]): Json => ({ Version: "2012-10-17", Statement: statements });
export const allow = (action: string | string[], resource: string | string[], extra: Json = {}): Json => ({
  Effect: "Allow",
  Action: action,
  Resource: resource,
  ...extra,
});
export const deny = (action: string | string[], resource: string | string[], extra: Json = {}): Json => ({
  Effect: "Deny",
  Action: action,
  Resource: resource,
  ...extra,
});
/** A resource-policy statement naming `principal` (`"*"` or an `AWS` value). */
export const grant = (effect: "Allow" | "Deny", principal: string | string[], action: string | string[], extra: Json = {}): Json => ({
  Effect: effect,
  Principal: principal === "*" ? "*" : { AWS: principal },
  Action: action,
  Resource: "*",
  ...extra,
});

/** kms.md §9.1: the default key policy. */
export const DEFAULT_KEY_POLICY = {
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: ROOT_ARN }, Action: "kms:*", Resource: "*" }],
};

/** kms.md §11: the policy of the AWS managed key aws/ssm, verbatim. */
export const AWS_SSM_KEY_POLICY = {
  Version: "2012-10-17",
  Id: "auto-ssm-1",
  Statement: [
    {
      Sid: "Allow access through SSM for all principals in the account that are authorized to use SSM",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": VIA_SSM } },
    },
    {
      Sid: "Allow direct access to key metadata to the account",
      Effect: "Allow",
      Principal: { AWS: ROOT_ARN },
      Action: ["kms:Describe*", "kms:Get*", "kms:List*"],
      Resource: "*",
    },
  ],
};

/** The context SSM adds to the KMS calls it makes for the caller (iam-policy-evaluation.md §8.3). */
export const viaSsm = (parameterName: string): Record<string, ContextValue> => ({
  "kms:ViaService": VIA_SSM,
  "kms:CallerAccount": ACCOUNT,
  "aws:ViaAWSService": "true",
  "kms:EncryptionContext:PARAMETER_ARN": param(parameterName),
  "kms:EncryptionContextKeys": ["PARAMETER_ARN"],
});

export type PolicyText = Json | string;

/** One authorization request and the decision AWS's documented semantics give. */
export interface EvalCase {
  readonly name: string;
  /** Defaults to alice. */
  readonly principal?: PrincipalFacts;
  readonly action: string;
  readonly resource: string;
  /** Request keys, added to `principalContext(principal)`. */
  readonly context?: Record<string, ContextValue>;
  readonly mode?: EvaluationMode;
  readonly identity?: readonly PolicyText[];
  readonly resourcePolicy?: PolicyText;
  readonly session?: readonly PolicyText[];
  readonly boundary?: PolicyText;
  readonly expect: DecisionReason;
  /** The deciding statement: which policy (`identity[0]`, `resource`, `session[0]`, `boundary`) and index/Sid. */
  readonly decidedBy?: { readonly policy: string; readonly index: number; readonly sid?: string };
}

/** One condition block and whether it holds for the given context (nothing else in the context). */
export interface ConditionCase {
  readonly name: string;
  readonly condition: Json;
  readonly context: Record<string, ContextValue>;
  readonly holds: boolean;
  /** Defaults to 2012-10-17. */
  readonly version?: string | null;
}
