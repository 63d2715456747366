/**
 * AWS's validator (Coral, Java) keeps enum value sets and structure members in hash tables, so the
 * order it prints enum values and reports member violations in is a Java hash-iteration order, not
 * the model's order. Both rules below were fitted to recorded AWS messages and reproduce every one
 * we found; they are computed once per shape at module load.
 */

/** Java's `String.hashCode()`: UTF-16 code units, 32-bit overflow. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Order of `Member must satisfy enum value set: [...]`: buckets of a 32-slot table indexed by the raw
 * hash (no bit spreading), ascending; inside a bucket the value inserted last (in model order) comes
 * first. Reproduces, from the botocore model order:
 *   SSM ParameterType → [SecureString, StringList, String] (spec §1.5, capture)
 *   KMS KeySpec (12 values) → [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384,
 *     RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512] (kms.md)
 *   DynamoDB ScalarAttributeType → [B, N, S]; Cognito MessageActionType → [SUPPRESS, RESEND] (issues)
 * Neither model order nor its reverse matches all of these. Sets above 24 values are assumed to grow
 * the table like a Java hash table (0.75 load factor) — unverified, no recording that large.
 */
export function coralEnumOrder(values: readonly string[]): string[] {
  let slots = 32;
  while (values.length > slots * 0.75) slots *= 2;
  const buckets = new Map<number, string[]>();
  for (const v of values) {
    const b = javaStringHash(v) & (slots - 1);
    const bucket = buckets.get(b);
    if (bucket) bucket.unshift(v);
    else buckets.set(b, [v]);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((b) => buckets.get(b) ?? []);
}

/**
 * Order in which a structure's members are validated (and so reported): iteration order of a Java 8
 * `HashMap` keyed by the lowerCamelCase member name — hash spread `h ^ (h >>> 16)`, 16 slots doubling
 * past a 0.75 load factor, insertion (model) order inside a bucket. Reproduces AWS-probed orders:
 * Firehose SchemaConfiguration (versionId, catalogId, databaseName, roleARN, region, tableName),
 * OrcSerDe, DataFormatConversionConfiguration, DynamoDB ProvisionedThroughput (writeCapacityUnits
 * before readCapacityUnits) and SES Tag (value before key); model order matches none of them but one.
 */
export function coralMemberOrder<T>(items: readonly T[], key: (item: T) => string): T[] {
  let slots = 16;
  while (items.length > slots * 0.75) slots *= 2;
  const keyed = items.map((item, index) => {
    const h = javaStringHash(key(item));
    return { item, index, bucket: (h ^ (h >>> 16)) & (slots - 1) };
  });
  keyed.sort((a, b) => a.bucket - b.bucket || a.index - b.index);
  return keyed.map((k) => k.item);
}
