import type { KmsKeyRecord, Storage } from "../../storage/ports.js";
import { KmsFailure } from "../ports.js";
import { jacksonJson } from "./jackson-json.js";

/** The one key policy name KMS knows (kms.md §9.2). */
export const DEFAULT_POLICY_NAME = "default";

/**
 * The policy CreateKey attaches when the caller gives none (kms.md §9.1): the account root statement,
 * which delegates every KMS action on the key to IAM.
 */
export function defaultKeyPolicy(account: string): string {
  return rendered(`default\u0000${account}`, () => ({
    Version: "2012-10-17",
    Id: "key-default-1",
    Statement: [
      {
        Sid: "Enable IAM User Permissions",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  }));
}

/**
 * The policy of the AWS managed `alias/aws/ssm` key (kms.md §11): every principal of the account may
 * use it through SSM; the account may read its metadata. Nobody may change it.
 */
export function awsSsmKeyPolicy(account: string, region: string): string {
  return rendered(`aws-ssm\u0000${account}\u0000${region}`, () => ({
    Version: "2012-10-17",
    Id: "auto-ssm-1",
    Statement: [
      {
        Sid: "Allow access through SSM for all principals in the account that are authorized to use SSM",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": account, "kms:ViaService": `ssm.${region}.amazonaws.com` } },
      },
      {
        Sid: "Allow direct access to key metadata to the account",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ["kms:Describe*", "kms:Get*", "kms:List*"],
        Resource: "*",
      },
    ],
  }));
}

const renderedPolicies = new Map<string, string>();

/**
 * The fixed policies depend only on the account (and region): each is rendered once. Every KMS call,
 * SSM's SecureString reads included, evaluates its key's policy; rendering it each time was ~12 µs.
 */
function rendered(id: string, document: () => unknown): string {
  let text = renderedPolicies.get(id);
  if (text === undefined) {
    text = jacksonJson(document());
    if (renderedPolicies.size >= 1000) renderedPolicies.clear();
    renderedPolicies.set(id, text);
  }
  return text;
}

/** The policy GetKeyPolicy shows: the AWS managed key's fixed one, else the stored or default one. */
export async function currentKeyPolicy(storage: Storage, key: KmsKeyRecord, account: string): Promise<string> {
  if (key.keyManager === "AWS") return awsSsmKeyPolicy(account, key.region);
  return (await storage.read((tx) => tx.kmsKeyPolicy(key.region, key.keyId))) ?? defaultKeyPolicy(account);
}

/** GetKeyPolicy and PutKeyPolicy know only `default` (kms.md §9.2). */
export function assertPolicyName(name: string | undefined): void {
  if (name !== undefined && name !== DEFAULT_POLICY_NAME) throw new KmsFailure("NotFoundException", "No such policy exists");
}
