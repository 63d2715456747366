import type { PutParameterRequest } from "@aws-sdk/client-ssm";
import { isAwsError, type AwsError } from "../../errors/aws-error.js";
import { tagsWithOverwrite, tooManyTagsError, typeRequired } from "../../errors/ssm-errors.js";
import type { ParameterType, Tag } from "../../storage/ports.js";
import { MAX_TAGS_PER_RESOURCE } from "./domain/limits.js";
import { parseNameForWrite, type ParameterName, type ParameterScope } from "./domain/parameter-name.js";
import { parsePoliciesInput, type PoliciesInput } from "./domain/parameter-policies.js";
import { assertNoNestedReference, compileAllowedPattern, validateDataType } from "./domain/parameter-value.js";
import type { RequestedTier } from "./domain/tier.js";
import type { Validated } from "./validated-request.js";

export type PutParameterInput = Validated<PutParameterRequest, "Name" | "Value">;

/** The `Policies` member: parsed, or the error to raise when its turn in the check order comes. */
export type PoliciesMember = { readonly parsed: PoliciesInput } | { readonly error: AwsError };

/** A PutParameter request after the checks that need no stored state; `undefined` = not sent. */
export interface PutRequest {
  readonly name: ParameterName;
  readonly value: string;
  readonly type: ParameterType | undefined;
  readonly overwrite: boolean;
  readonly description: string | undefined;
  readonly keyId: string | undefined;
  readonly allowedPattern: string | undefined;
  readonly tags: readonly Tag[];
  readonly tier: RequestedTier | undefined;
  readonly policies: PoliciesMember | undefined;
  readonly dataType: string | undefined;
}

/**
 * The stateless part of §4.1's order: name syntax and reserved prefix → tags with overwrite → type
 * required (a request without Overwrite must create) → DataType → `{{}}` nesting → AllowedPattern
 * syntax. Checks that need the type wait for it when an overwrite inherits it (see planPut).
 */
export function parsePutRequest(input: PutParameterInput, scope: ParameterScope): PutRequest {
  const name = parseNameForWrite(input.Name, scope);
  const overwrite = input.Overwrite === true;
  const tags = (input.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" }));
  if (overwrite && tags.length > 0) throw tagsWithOverwrite();
  if (!overwrite && input.Type === undefined) throw typeRequired();
  // Without a Type the overwrite inherits one; the checks that depend on it run again in planPut.
  if (input.DataType !== undefined) validateDataType(input.DataType, name.name, input.Type ?? "String");
  if (input.Type !== undefined) assertNoNestedReference(input.Value, input.Type);
  if (input.AllowedPattern !== undefined) compileAllowedPattern(input.AllowedPattern);
  if (tags.length > MAX_TAGS_PER_RESOURCE) throw tooManyTagsError();
  return {
    name,
    value: input.Value,
    type: input.Type,
    overwrite,
    description: input.Description,
    keyId: input.KeyId,
    allowedPattern: input.AllowedPattern,
    tags,
    tier: input.Tier,
    policies: input.Policies === undefined ? undefined : policiesMember(input.Policies),
    dataType: input.DataType,
  };
}

/**
 * Intelligent-Tiering needs to know whether policies were sent before §4.1 reaches the policy
 * checks, so the JSON is parsed up front and a parse failure raised in its place.
 */
function policiesMember(raw: string): PoliciesMember {
  try {
    return { parsed: parsePoliciesInput(raw) };
  } catch (e) {
    if (isAwsError(e)) return { error: e };
    throw e;
  }
}
