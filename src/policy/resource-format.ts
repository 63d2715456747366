// moto's PARTITION_NAMES (moto/utilities/utils.py).
const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-eusc"]);

const IAM_RESOURCE_TYPES = [
  "user/",
  "federated-user/",
  "role/",
  "group/",
  "instance-profile/",
  "mfa/",
  "server-certificate/",
  "policy/",
  "sms-mfa/",
  "saml-provider/",
  "oidc-provider/",
  "report/",
  "access-report/",
];

/** `head` before the first `sep`, and the rest after it; rest undefined when `sep` is absent. */
function split(text: string): [string, string | undefined] {
  const i = text.indexOf(":");
  return i === -1 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/**
 * Rule 6 of iam-sts.md §10 for one Resource/NotResource entry, with moto's messages and moto's
 * order of checks (`policy_validation.py` `_validate_resource_format`): ARN shape, partition,
 * vendor, IAM region, IAM resource type.
 */
export function resourceFormatProblem(resource: string): string | undefined {
  if (resource === "*") return undefined;
  const [, afterPrefix] = split(resource);
  if (afterPrefix === undefined) return `Resource ${resource} must be in ARN format or "*".`;
  const [partition, afterPartition] = split(afterPrefix);
  if (partition !== "*" && !PARTITIONS.has(partition)) {
    const rest = (afterPartition ?? "").split(":");
    const arn1 = rest[0] !== "" || rest.length > 1 ? rest[0] : "*";
    const arn2 = rest[1] ?? "*";
    const arn3 = rest[2] ?? "*";
    const arn4 = rest.length > 3 ? rest.slice(3).join(":") : "*";
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${arn1}:${arn2}:${arn3}:${arn4}".`;
  }
  if (afterPartition === undefined) return "Resource vendor must be fully qualified and cannot contain regexes.";
  const [service, afterService = ""] = split(afterPartition);
  if (service !== "iam") return undefined;
  if (!afterService.startsWith(":")) return `IAM resource ${resource} cannot contain region information.`;
  const [, afterRegion = ""] = split(afterService);
  const [, resourceId = ""] = split(afterRegion);
  if (resourceId === "*" || IAM_RESOURCE_TYPES.some((t) => resourceId.startsWith(t))) return undefined;
  return `IAM resource path must either be "*" or start with ${IAM_RESOURCE_TYPES.join(", ")}.`;
}
