import type { DescribeKeyRequest, DescribeKeyResponse } from "@aws-sdk/client-kms";
import { keyMetadata } from "../key-metadata.js";
import { keyScope, type KmsOperation, type KmsWire, type Validated } from "../kms-operation.js";
import { keyIdRequest } from "../access-requests.js";

/** §5.2: any spelling, any state; naming `alias/aws/ssm` creates the AWS managed key. */
export const DescribeKey: KmsOperation<Validated<DescribeKeyRequest, "KeyId">, KmsWire<DescribeKeyResponse>> = {
  name: "DescribeKey",
  action: "kms:DescribeKey",
  access: async (input, cx, keys) => [await keyIdRequest("kms:DescribeKey", input.KeyId, cx, keys)],
  async run(input, cx, keys) {
    const key = await keys.resolve(input.KeyId, keyScope(cx));
    return { KeyMetadata: keyMetadata(key, cx.accountId) };
  },
};
