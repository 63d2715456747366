import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from "./server-process.js";

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

export interface SignOptions {
  readonly target?: string;
  readonly contentType?: string;
  readonly service?: string;
  readonly region?: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly signingDate?: Date;
  /** Change the body after signing (a tampered request). */
  readonly bodyAfterSigning?: string;
  readonly dropHeaders?: readonly string[];
}

/** Sends one SigV4-signed AWS JSON 1.1 request and returns the raw answer, for wire-level assertions. */
export async function signedJson(endpoint: string, body: string, options: SignOptions = {}): Promise<RawResponse> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    "content-type": options.contentType ?? "application/x-amz-json-1.1",
  };
  if (options.target !== undefined) headers["x-amz-target"] = options.target;
  const signer = new SignatureV4({
    service: options.service ?? "ssm",
    region: options.region ?? "us-east-1",
    credentials: {
      accessKeyId: options.accessKeyId ?? TEST_ACCESS_KEY_ID,
      secretAccessKey: options.secretAccessKey ?? TEST_SECRET_ACCESS_KEY,
    },
    sha256: Sha256,
  });
  const signed = await signer.sign(
    new HttpRequest({ method: "POST", protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: "/", headers, body }),
    options.signingDate === undefined ? {} : { signingDate: options.signingDate },
  );
  const sent: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) {
    if (k !== "host" && !(options.dropHeaders ?? []).includes(k.toLowerCase())) sent[k] = String(v);
  }
  return rawPost(endpoint, options.bodyAfterSigning ?? body, sent);
}

export async function rawPost(endpoint: string, body: string, headers: Record<string, string>): Promise<RawResponse> {
  const res = await fetch(endpoint, { method: "POST", headers, body });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
