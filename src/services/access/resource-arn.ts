/** The resources whose policies or tags authorisation reads, recognised from the ARN it evaluates. */
export type KnownResource =
  | { readonly kind: "parameter"; readonly region: string; readonly account: string; readonly key: string }
  | { readonly kind: "kms-key"; readonly region: string; readonly account: string; readonly keyId: string };

const PARAMETER = /^arn:[^:]+:ssm:([^:]+):(\d{12}):parameter(\/.*)$/;
const KMS_KEY = /^arn:[^:]+:kms:([^:]+):(\d{12}):key\/(.+)$/;

/** A parameter ARN (its canonical key keeps the leading slash) or a KMS key ARN; undefined for any other. */
export function knownResource(arn: string): KnownResource | undefined {
  const parameter = PARAMETER.exec(arn);
  if (parameter !== null) {
    const [, region = "", account = "", key = ""] = parameter;
    return { kind: "parameter", region, account, key };
  }
  const key = KMS_KEY.exec(arn);
  if (key !== null) {
    const [, region = "", account = "", keyId = ""] = key;
    return { kind: "kms-key", region, account, keyId };
  }
  return undefined;
}
