import { KmsFailure } from "../ports.js";

/** The four accepted spellings of a KMS key (kms.md §2), resolved against one region and account. */
export type KeyReference =
  | { readonly kind: "key"; readonly keyId: string }
  | { readonly kind: "alias"; readonly alias: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function keyArn(region: string, account: string, keyId: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${account}:key/${keyId}`;
}

export function aliasArn(region: string, account: string, alias: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${account}:${alias}`;
}

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function parseKeyReference(ref: string, region: string, account: string): KeyReference {
  if (ref.startsWith("arn:")) {
    const parts = ref.split(":");
    const resource = parts.slice(5).join(":");
    const [, , service, refRegion, refAccount] = parts;
    if (service !== "kms" || parts.length < 6) throw invalidKeyId(ref);
    if (resource.startsWith("alias/")) {
      if (refRegion !== region || refAccount !== account) throw aliasNotFound(ref);
      return { kind: "alias", alias: resource };
    }
    if (resource.startsWith("key/")) {
      if (refRegion !== region) throw new KmsFailure("NotFoundException", `Invalid arn ${refRegion ?? ""}`);
      const keyId = resource.slice(4);
      if (refAccount !== account || !UUID.test(keyId)) throw keyDoesNotExist(ref);
      return { kind: "key", keyId };
    }
    throw invalidKeyId(ref);
  }
  if (ref.startsWith("alias/")) return { kind: "alias", alias: ref };
  if (!UUID.test(ref)) throw invalidKeyId(ref);
  return { kind: "key", keyId: ref };
}

export const invalidKeyId = (ref: string): KmsFailure => new KmsFailure("NotFoundException", `Invalid keyId '${ref}'`);
export const keyDoesNotExist = (arn: string): KmsFailure => new KmsFailure("NotFoundException", `Key '${arn}' does not exist`);
export const aliasNotFound = (arn: string): KmsFailure => new KmsFailure("NotFoundException", `Alias ${arn} is not found.`);
