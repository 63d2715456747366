import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { expect } from "vitest";
import type { Boto3Result } from "../support/boto3.js";
import { TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY } from "../support/server-process.js";

/** Shared expectations of the ssm-core end-to-end files (ssm-parameter-store.md). */

export const ARN_PREFIX = `arn:aws:ssm:us-east-1:${TEST_ACCOUNT_ID}:parameter`;
export const ROOT_ARN = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;

/** M1, AWS's one message for every name-syntax problem (§2.1). */
export const M1 =
  `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`;

/** What boto3 reports for an AWS error: code, message ("" when the body has none) and HTTP status. */
export function awsError(code: string, message: string, status = 400): Boto3Result {
  return { error: { code, message, status } };
}

/**
 * The response of a call that must have succeeded. The driver returns JSON; the caller names the
 * shape it expects (the test asserts the fields it relies on).
 */
export function okOf<T>(result: Boto3Result | undefined): T {
  if (result === undefined || !("ok" in result)) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.ok as T;
}

export interface WireParameter {
  readonly Name: string;
  readonly Type: string;
  readonly Value: string;
  readonly Version: number;
  readonly Selector?: string;
  readonly LastModifiedDate: number;
  readonly ARN: string;
  readonly DataType: string;
}

export interface WireHistory {
  readonly Name: string;
  readonly Type: string;
  readonly KeyId?: string;
  readonly Value: string;
  readonly Version: number;
  readonly Labels: string[];
  readonly Tier: string;
  readonly Policies: Array<Record<string, string>>;
  readonly DataType: string;
  readonly Description?: string;
  readonly AllowedPattern?: string;
  readonly LastModifiedUser: string;
}

/** Exactly the members of a Parameter from GetParameter(s)/ByPath (Appendix B). */
export function expectParameterMembers(p: object, selector: boolean): void {
  const expected = ["ARN", "DataType", "LastModifiedDate", "Name", "Type", "Value", "Version", ...(selector ? ["Selector"] : [])];
  expect(Object.keys(p).sort()).toEqual(expected.sort());
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A SigV4-signed JSON 1.1 call made by hand, to see the bytes AWS clients hide (message keys, member order). */
export async function rawCall(endpoint: string, operation: string, body: unknown): Promise<RawResponse> {
  const url = new URL(endpoint);
  const text = JSON.stringify(body);
  const signer = new SignatureV4({
    service: "ssm",
    region: "us-east-1",
    sha256: Sha256,
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AmazonSSM.${operation}`,
      },
      body: text,
    }),
  );
  const response = await fetch(`${endpoint}/`, { method: "POST", headers: signed.headers, body: text });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
