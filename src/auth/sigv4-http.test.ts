import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import type { HttpRequest as SignedHttpRequest } from "@smithy/types";
import { SignatureV4 } from "@smithy/signature-v4";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import { AKID, fakeClock, SECRET, SUITE_MS, suiteDirectory } from "./sigv4-fixtures.case.js";
import { createSigV4Verifier } from "./sigv4-verifier.js";

// The verifier against what node's HTTP parser really hands over: rawHeaders with duplicates,
// the request line split into path and query, the body as bytes.

const verify = createSigV4Verifier({ directory: suiteDirectory(), clock: fakeClock() });
let server: Server;
let port = 0;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const body = await readBody(req);
      try {
        const auth = await verify(
          {
            method: req.method ?? "",
            path: q < 0 ? url : url.slice(0, q),
            query: q < 0 ? "" : url.slice(q + 1),
            headers: req.headers,
            rawHeaders: req.rawHeaders,
            body,
          },
          req.headers["x-amz-target"] === undefined ? "sts" : "ssm",
          "json",
        );
        res.writeHead(200).end(auth.accessKeyId);
      } catch (e) {
        res.writeHead(isAwsError(e) ? e.status : 500).end(isAwsError(e) ? e.code : String(e));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function sign(req: HttpRequest, presign: boolean): Promise<SignedHttpRequest> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    region: "us-east-1",
    service: presign ? "sts" : "ssm",
    sha256: Sha256,
  });
  const signingDate = new Date(SUITE_MS);
  return presign ? signer.presign(req, { signingDate, expiresIn: 900 }) : signer.sign(req, { signingDate });
}

function send(
  path: string,
  method: string,
  headers: Record<string, string | string[]>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path });
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.on("response", (res) => {
      void readBody(res).then((b) => resolve({ status: res.statusCode ?? 0, text: b.toString() }), reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("over a real node HTTP server", () => {
  it("verifies a signed POST whose multi-value header arrives as separate lines", async () => {
    const body = `{"Name":"/app/é"}`;
    const signed = await sign(
      new HttpRequest({
        method: "POST",
        hostname: "127.0.0.1",
        path: "/",
        headers: {
          host: `127.0.0.1:${port}`,
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AmazonSSM.GetParameter",
          "x-multi": "one,two",
          "x-folded": "a   b",
        },
        body,
      }),
      false,
    );
    const headers: Record<string, string | string[]> = { ...signed.headers, "x-multi": ["one", "two"] };
    const ok = await send("/", "POST", headers, body);
    expect(ok).toEqual({ status: 200, text: AKID });

    const tampered = await send("/", "POST", { ...headers, "x-multi": ["one", "three"] }, body);
    expect(tampered).toEqual({ status: 400, text: "InvalidSignatureException" });
  });

  it("verifies a presigned GET with an encoded query", async () => {
    const signed = await sign(
      new HttpRequest({
        method: "GET",
        hostname: "127.0.0.1",
        path: "/",
        query: { Action: "GetCallerIdentity", Version: "2011-06-15", odd: "a b/c" },
        headers: { host: `127.0.0.1:${port}` },
      }),
      true,
    );
    const query = Object.entries(signed.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    expect(await send(`/?${query}`, "GET", { host: `127.0.0.1:${port}` }, "")).toEqual({ status: 200, text: AKID });
  });
});
