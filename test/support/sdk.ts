import { SSMClient } from "@aws-sdk/client-ssm";
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from "./server-process.js";

/** An SDK v3 SSM client pointed at the server, with retries off so errors surface as sent. */
export function ssmClient(endpoint: string, region = "us-east-1", credentials = {
  accessKeyId: TEST_ACCESS_KEY_ID,
  secretAccessKey: TEST_SECRET_ACCESS_KEY,
}): SSMClient {
  return new SSMClient({ endpoint, region, credentials, maxAttempts: 1 });
}
