import { KmsFailure } from "../ports.js";
import { validation } from "./kms-errors.js";

const RESERVED_PREFIX = "alias/aws/";

/**
 * The checks CreateAlias, UpdateAlias and DeleteAlias make on `AliasName` after the model's pattern
 * (kms.md §6): the `alias/` prefix, the reserved `alias/aws/` space, and no `:`.
 */
export function checkAliasName(name: string): void {
  if (!name.startsWith("alias/")) {
    throw validation(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  }
  if (name.startsWith(RESERVED_PREFIX)) throw new KmsFailure("NotAuthorizedException", "");
  if (name.includes(":")) throw validation(`${name} contains invalid characters for an alias`);
}

/** CreateAlias/UpdateAlias `TargetKeyId` takes a key id or key ARN only. */
export function checkAliasTarget(targetKeyId: string): void {
  if (targetKeyId.startsWith("alias/") || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(targetKeyId)) {
    throw validation("Aliases must refer to keys. Not aliases");
  }
}
