import type { ParameterMetadata } from "@aws-sdk/client-ssm";
import { epochSeconds, type WireShape } from "../../model/wire-shape.js";
import type { ParameterVersionRecord } from "../../storage/ports.js";
import { parameterArn, type ParameterScope } from "./domain/parameter-name.js";

/**
 * A DescribeParameters entry (ssm-parameter-store.md §4.7, Appendix B): the latest version's
 * metadata, never its value. `Name` is the spelling the parameter was created with; `KeyId` only for
 * SecureString; `Description` and `AllowedPattern` only when set; `Policies` always, each with its
 * status (ssm-events-and-policies.md §1.4). Members in the order AWS sends them.
 */
export function parameterMetadata(record: ParameterVersionRecord, scope: ParameterScope): WireShape<ParameterMetadata> {
  return {
    Name: record.name,
    ARN: parameterArn(scope.partition, scope.region, scope.account, record.name),
    Type: record.type,
    ...(record.type === "SecureString" && record.keyId !== null ? { KeyId: record.keyId } : {}),
    LastModifiedDate: epochSeconds(record.lastModifiedDate),
    LastModifiedUser: record.lastModifiedUser,
    ...(record.description !== null ? { Description: record.description } : {}),
    ...(record.allowedPattern !== null ? { AllowedPattern: record.allowedPattern } : {}),
    Version: record.version,
    Tier: record.tier,
    Policies: record.policies.map((p) => ({ PolicyText: p.text, PolicyType: p.type, PolicyStatus: p.status })),
    DataType: record.dataType,
  };
}
