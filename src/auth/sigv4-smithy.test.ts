import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import type { HttpRequest as SignedHttpRequest } from "@smithy/types";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import {
  AKID,
  fakeClock,
  fakeDirectory,
  nodeRequest,
  PRINCIPAL,
  SECRET,
  SESSION_TOKEN,
  SUITE_MS,
  suiteDirectory,
} from "./sigv4-fixtures.case.js";
import { createSigV4Verifier, type SignedRequest } from "./sigv4-verifier.js";

/** The SDK's escapeUri: encodeURIComponent plus the characters it leaves alone but SigV4 does not. */
const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

type Query = Record<string, string | string[]>;

interface Case {
  readonly method: string;
  readonly host?: string;
  /** The path as it travels on the wire (already percent-encoded once). */
  readonly path?: string;
  readonly query?: Query;
  /** Overrides the query string put on the wire (it must mean the same parameters). */
  readonly wireQuery?: string;
  readonly headers?: Record<string, string>;
  /** Replaces the named signed headers on the wire by these raw occurrences. */
  readonly rawOverrides?: Record<string, readonly string[]>;
  /** Extra headers on the wire that the client did not sign. */
  readonly unsigned?: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly service?: string;
  readonly region?: string;
  readonly sessionToken?: string;
  readonly applyChecksum?: boolean;
}

function signer(c: Case): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET, ...(c.sessionToken === undefined ? {} : { sessionToken: c.sessionToken }) },
    region: c.region ?? "us-east-1",
    service: c.service ?? "ssm",
    sha256: Sha256,
    applyChecksum: c.applyChecksum ?? false,
  });
}

function httpRequest(c: Case): HttpRequest {
  const host = c.host ?? "localhost:4566";
  return new HttpRequest({
    method: c.method,
    protocol: "http:",
    hostname: host.split(":")[0] ?? host,
    path: c.path ?? "/",
    query: c.query ?? {},
    headers: { host, ...(c.headers ?? {}) },
    ...(c.body === undefined ? {} : { body: c.body }),
  });
}

function wireQuery(query: SignedHttpRequest["query"]): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(name)}=${escapeUri(v ?? "")}`);
  }
  return parts.join("&");
}

function toNode(c: Case, signed: SignedHttpRequest): SignedRequest {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(signed.headers)) {
    const overrides = c.rawOverrides?.[name];
    if (overrides === undefined) pairs.push([name, value]);
    else for (const v of overrides) pairs.push([name, v]);
  }
  for (const [name, value] of c.unsigned ?? []) pairs.push([name, value]);
  const query = c.wireQuery ?? wireQuery(signed.query);
  return nodeRequest(signed.method, `${signed.path}${query === "" ? "" : `?${query}`}`, pairs, c.body ?? "");
}

async function signedByClient(c: Case): Promise<SignedRequest> {
  const signed = await signer(c).sign(httpRequest(c), { signingDate: new Date(SUITE_MS) });
  return toNode(c, signed);
}

async function presignedByClient(c: Case, expiresIn = 900): Promise<SignedRequest> {
  const signed = await signer(c).presign(httpRequest(c), { signingDate: new Date(SUITE_MS), expiresIn });
  return toNode(c, signed);
}

const tempDirectory = () =>
  fakeDirectory({ [AKID]: { secretAccessKey: SECRET, principal: PRINCIPAL, sessionToken: SESSION_TOKEN } });

const verify = (req: SignedRequest, c: Case, directory = c.sessionToken === undefined ? suiteDirectory() : tempDirectory()) =>
  createSigV4Verifier({ directory, clock: fakeClock() })(req, c.service ?? "ssm", "query");

const ssmJson = {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": "AmazonSSM.GetParameter",
};

const cases: Record<string, Case> = {
  "SSM JSON POST": { method: "POST", headers: ssmJson, body: `{"Name":"/app/db","WithDecryption":true}` },
  "SSM JSON POST with x-amz-content-sha256": {
    method: "POST", headers: ssmJson, body: `{"Name":"/app/db"}`, applyChecksum: true,
  },
  "SSM JSON POST with a session token": {
    method: "POST", headers: ssmJson, body: `{"Name":"/x"}`, sessionToken: SESSION_TOKEN,
  },
  "KMS on another region and port": {
    method: "POST", host: "127.0.0.1:8080", service: "kms", region: "eu-central-1",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.Encrypt" }, body: "{}",
  },
  "STS form POST": {
    method: "POST", service: "sts", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: "Action=GetCallerIdentity&Version=2011-06-15",
  },
  "GET with odd query characters": {
    method: "GET",
    query: {
      "Param 1": "a/b=c&d",
      "ü": "€ euro",
      "tilde~x": "1+2",
      empty: "",
      multi: ["zeta", "alpha", "Beta"],
      "star*(paren)!": "it's",
    },
  },
  "GET with characters the client left unencoded on the wire": {
    method: "GET", query: { "a:b": "c@d", path: "/x/y", sp: "a b" }, wireQuery: "a:b=c@d&path=/x/y&sp=a%20b",
  },
  "PUT with dot segments, empty segments and an encoded space": {
    method: "PUT", path: "/a/./b/../c//d%20e/", body: "payload",
  },
  "DELETE with reserved characters in the path": { method: "DELETE", path: "/foo:bar@baz/%E2%82%AC/~x" },
  "folded whitespace and a multi-value header": {
    method: "POST",
    headers: {
      ...ssmJson,
      "x-folded": "  lots   of \t space  here  ",
      "x-multi": "one,two , three",
      "X-Mixed-Case": "Value",
    },
    rawOverrides: { "x-multi": ["one", "  two   ,  three "] },
    unsigned: [["User-Agent", "aws-cli/2"], ["X-Amzn-Trace-Id", "Root=1-abc"]],
    body: "{}",
  },
};

describe("requests signed by @smithy/signature-v4 verify", () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const req = await signedByClient(c);
      await expect(verify(req, c)).resolves.toEqual({
        principal: PRINCIPAL,
        accessKeyId: AKID,
        region: c.region ?? "us-east-1",
        service: c.service ?? "ssm",
      });
    });
  }

  it("and fail once the client's secret differs", async () => {
    const c = cases["GET with odd query characters"] as Case;
    const req = await signedByClient(c);
    const other = fakeDirectory({ [AKID]: { secretAccessKey: `${SECRET}x`, principal: PRINCIPAL } });
    const e: unknown = await verify(req, c, other).catch((err: unknown) => err);
    expect(isAwsError(e) && e.code).toBe("SignatureDoesNotMatch");
  });

  it("and fail when a proxy re-joins a multi-value header with \", \"", async () => {
    const c = cases["folded whitespace and a multi-value header"] as Case;
    const rejoined = { ...c, rawOverrides: { "x-multi": ["one, two , three"] } };
    const e: unknown = await verify(await signedByClient(rejoined), c).catch((err: unknown) => err);
    expect(isAwsError(e) && e.code).toBe("SignatureDoesNotMatch");
  });

  it("and fail when a query space travels as '+' (it means a literal plus)", async () => {
    const c: Case = { method: "GET", query: { q: "a b" }, wireQuery: "q=a+b" };
    const e: unknown = await verify(await signedByClient(c), c).catch((err: unknown) => err);
    expect(isAwsError(e) && e.code).toBe("SignatureDoesNotMatch");
  });
});

describe("URLs presigned by @smithy/signature-v4 verify", () => {
  const sts: Case = {
    method: "GET", host: "sts.us-east-1.amazonaws.com", service: "sts",
    query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
  };

  it("with long-term credentials", async () => {
    await expect(verify(await presignedByClient(sts), sts)).resolves.toMatchObject({ service: "sts" });
  });

  it("with a session token in the query", async () => {
    const c = { ...sts, sessionToken: SESSION_TOKEN };
    const req = await presignedByClient(c);
    expect(req.query).toContain("X-Amz-Security-Token=");
    const directory = tempDirectory();
    await expect(verify(req, c, directory)).resolves.toMatchObject({ service: "sts" });
    expect(directory.calls).toEqual([[AKID, SESSION_TOKEN]]);
  });

  it("with an S3-style UNSIGNED-PAYLOAD and no body", async () => {
    const c = { ...sts, headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } };
    const req = await presignedByClient(c);
    await expect(verify(req, c)).resolves.toMatchObject({ service: "sts" });
  });

  it("but not past a short X-Amz-Expires", async () => {
    const req = await presignedByClient(sts, 30);
    const late = createSigV4Verifier({ directory: suiteDirectory(), clock: fakeClock(SUITE_MS + 31_000) });
    const e: unknown = await late(req, "sts", "query").catch((err: unknown) => err);
    expect(isAwsError(e) && e.message).toBe(
      "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123631Z - 30 sec.)",
    );
  });
});
