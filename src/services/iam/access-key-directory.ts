import type { Storage, Tag } from "../../storage/ports.js";
import type { CredentialSealer } from "../operation.js";
import { iamArn } from "./arns.js";

export interface AccessKeyOwner {
  readonly name: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly tags: readonly Tag[];
}

export interface AccessKeyLookup {
  readonly secretAccessKey: string;
  readonly user: AccessKeyOwner;
}

/**
 * For the server's SigV4 credential directory: the secret and owner of an active long-term access
 * key; undefined for an unknown or inactive key, a key whose user is gone, or a secret that does not
 * open (another root key, tampering). `scope` (the server's account) makes the user's ARN.
 */
export async function lookupAccessKey(
  storage: Storage,
  sealer: CredentialSealer,
  accessKeyId: string,
  scope: { readonly accountId: string; readonly partition?: string },
): Promise<AccessKeyLookup | undefined> {
  const found = await storage.read(async (tx) => {
    const key = await tx.accessKey(accessKeyId);
    if (key === undefined || key.status !== "Active") return undefined;
    const user = await tx.iamUserById(key.userId);
    if (user === undefined) return undefined;
    return { key, user, tags: await tx.iamTags(user.userId) };
  });
  if (found === undefined) return undefined;
  const secretAccessKey = sealer.open(found.key.sealedSecret, accessKeyId);
  if (secretAccessKey === undefined) return undefined;
  const { user, tags } = found;
  const arn = iamArn({ partition: scope.partition ?? "aws", accountId: scope.accountId }, "user", user.path, user.name);
  return { secretAccessKey, user: { name: user.name, userId: user.userId, arn, path: user.path, tags } };
}
