import type { Parameter, ParameterHistory } from "@aws-sdk/client-ssm";
import { epochSeconds, type WireShape } from "../../model/wire-shape.js";
import type { ParameterVersionRecord, ParameterVersionWithLabels } from "../../storage/ports.js";
import type { OperationContext } from "../operation.js";
import { arnOf } from "./parameter-scope.js";
import { ciphertextText, decryptValue } from "./secure-value.js";

/**
 * A stored version as a read returns it. String and StringList values are the stored UTF-8; a
 * SecureString is decrypted only when asked, otherwise its stored envelope goes out as base64 —
 * never the plaintext (§3.1). `WithDecryption` means nothing for the other types.
 */
export async function valueText(record: ParameterVersionRecord, withDecryption: boolean, cx: OperationContext): Promise<string> {
  if (record.type !== "SecureString") return Buffer.from(record.value).toString("utf8");
  if (!withDecryption) return ciphertextText(record.value);
  return decryptValue(record.value, arnOf(cx, record.name), cx);
}

/** How the request named the parameter: reads echo its spelling and selector (§2.4, §2.6). */
export interface NameEcho {
  readonly name: string;
  /** `":" + selector as sent`, or null when the request had none. */
  readonly selector: string | null;
}

/**
 * The `Parameter` of GetParameter, GetParameters and GetParametersByPath: exactly these members, in
 * AWS's order — never Tier, KeyId, Description, Labels or Policies (§4.2, Appendix B).
 */
export function parameterView(record: ParameterVersionRecord, echo: NameEcho, value: string, cx: OperationContext): WireShape<Parameter> {
  return {
    Name: echo.name,
    Type: record.type,
    Value: value,
    Version: record.version,
    ...(echo.selector !== null ? { Selector: echo.selector } : {}),
    LastModifiedDate: epochSeconds(record.lastModifiedDate),
    ARN: arnOf(cx, record.name),
    DataType: record.dataType,
  };
}

/**
 * A GetParameterHistory entry (§4.8, Appendix B): each version's own metadata; `Labels` and
 * `Policies` always present, policies without PolicyStatus; `KeyId` only for SecureString versions;
 * no ARN and no Selector.
 */
export function historyView(record: ParameterVersionWithLabels, name: string, value: string): WireShape<ParameterHistory> {
  return {
    Name: name,
    Type: record.type,
    ...(record.type === "SecureString" && record.keyId !== null ? { KeyId: record.keyId } : {}),
    LastModifiedDate: epochSeconds(record.lastModifiedDate),
    LastModifiedUser: record.lastModifiedUser,
    ...(record.description !== null ? { Description: record.description } : {}),
    Value: value,
    ...(record.allowedPattern !== null ? { AllowedPattern: record.allowedPattern } : {}),
    Version: record.version,
    Labels: [...record.labels],
    Tier: record.tier,
    Policies: record.policies.map((p) => ({ PolicyText: p.text, PolicyType: p.type })),
    DataType: record.dataType,
  };
}
