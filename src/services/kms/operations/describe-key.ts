import type { DescribeKeyRequest, DescribeKeyResponse } from "@aws-sdk/client-kms";
import { keyMetadata } from "../key-metadata.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";

/** §5.2: any spelling, any state; naming `alias/aws/ssm` creates the AWS managed key. */
export const DescribeKey: KmsOperation<Validated<DescribeKeyRequest, "KeyId">, KmsWire<DescribeKeyResponse>> = {
  name: "DescribeKey",
  action: "kms:DescribeKey",
  async run(input, cx, keys) {
    const key = await keys.resolve(input.KeyId, keyScope(cx));
    return { KeyMetadata: keyMetadata(key, cx.accountId) };
  },
};
