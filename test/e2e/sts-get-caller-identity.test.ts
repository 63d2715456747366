import { Sha256 } from "@aws-crypto/sha256-js";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// STS GetCallerIdentity on the server's one port (iam-sts.md §4.1), through the three clients, plus
// the Query front end's routing and authentication errors as they arrive on the wire.
let server: ServerHandle;

beforeAll(async () => {
  // At debug level the server logs a line per served request too (at info only refused and failed ones).
  server = await startServer({ env: { PARAMSTORE_LOG_LEVEL: "debug" } });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const ROOT = { UserId: TEST_ACCOUNT_ID, Account: TEST_ACCOUNT_ID, Arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` };
const SIGNATURE_MISMATCH = /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n\/\n/;
const FORM = "application/x-www-form-urlencoded; charset=utf-8";

const xmlField = (text: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
const unescapeXml = (s: string | undefined): string | undefined =>
  s?.replace(/&#xD;/g, "\r").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("sts get-caller-identity", () => {
  it("aws CLI: the root identity", async () => {
    const r = await aws(server.url, ["sts", "get-caller-identity"]);
    expect(r.stderr).toBe("");
    expect(r.json).toEqual(ROOT);
  });

  it("aws CLI: a wrong secret is SignatureDoesNotMatch", async () => {
    const r = await aws(server.url, ["sts", "get-caller-identity"], { AWS_SECRET_ACCESS_KEY: "wrong/secret/0000000000000000000000000000" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/An error occurred \(SignatureDoesNotMatch\) when calling the GetCallerIdentity operation( \(reached max retries: 0\))?: The request signature we calculated does not match/);
  });

  it("boto3: the root identity, and SignatureDoesNotMatch 403 for a wrong secret", async () => {
    const [ok] = await boto3(server.url, [{ op: "get_caller_identity" }], { service: "sts" });
    expect(ok).toMatchObject({ ok: ROOT });
    expect((ok as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [bad] = await boto3(server.url, [{ op: "get_caller_identity" }], { service: "sts", secretAccessKey: "wrong/secret/0000000000000000000000000000" });
    expect(bad).toMatchObject({ error: { code: "SignatureDoesNotMatch", status: 403 } });
    if (!("error" in bad!)) throw new Error("expected an error");
    expect(bad.error.message).toMatch(SIGNATURE_MISMATCH);
  });

  it("SDK v3: the root identity, and SignatureDoesNotMatch 403 for a wrong secret", async () => {
    const client = (secretAccessKey: string) =>
      new STSClient({ endpoint: server.url, region: "eu-west-1", credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey }, maxAttempts: 1 });
    const out = await client(TEST_SECRET_ACCESS_KEY).send(new GetCallerIdentityCommand({}));
    expect({ UserId: out.UserId, Account: out.Account, Arn: out.Arn }).toEqual(ROOT);
    expect(out.$metadata.httpStatusCode).toBe(200);
    const error = await client("wrong/secret/0000000000000000000000000000").send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toMatch(SIGNATURE_MISMATCH);
  });

  it("answers the raw request with AWS's XML, as text/xml with x-amzn-RequestId", async () => {
    const r = await signedJson(server.url, "Action=GetCallerIdentity&Version=2011-06-15", { contentType: FORM, service: "sts" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/xml");
    const requestId = r.headers.get("x-amzn-requestid");
    expect(r.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        `<UserId>${TEST_ACCOUNT_ID}</UserId><Account>${TEST_ACCOUNT_ID}</Account><Arn>arn:aws:iam::${TEST_ACCOUNT_ID}:root</Arn>` +
        `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });

  it("works as a presigned GET (parameters in the query string)", async () => {
    const u = new URL(server.url);
    const signer = new SignatureV4({
      service: "sts",
      region: "us-east-1",
      credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
      sha256: Sha256,
    });
    const presigned = await signer.presign(
      new HttpRequest({
        method: "GET",
        protocol: "http:",
        hostname: u.hostname,
        port: Number(u.port),
        path: "/",
        query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
        headers: { host: u.host },
      }),
      { expiresIn: 900 },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const res = await fetch(`${server.url}/?${query}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(xmlField(text, "Arn")).toBe(ROOT.Arn);
    const tampered = await fetch(`${server.url}/?${query.replace("Version=2011-06-15", "Version=2011-06-15&UserName=x")}`);
    expect(tampered.status).toBe(403);
    expect(xmlField(await tampered.text(), "Code")).toBe("SignatureDoesNotMatch");
  });

  it("answers an unknown Action with InvalidAction, 400", async () => {
    const r = await signedJson(server.url, "Action=GetCallerIdentities&Version=2011-06-15", { contentType: FORM, service: "sts" });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("text/xml");
    expect(xmlField(r.text, "Type")).toBe("Sender");
    expect(xmlField(r.text, "Code")).toBe("InvalidAction");
    expect(xmlField(r.text, "Message")).toBe("Could not find operation GetCallerIdentities for version 2011-06-15");
    expect(r.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
  });

  it("answers a request without Action with MissingAction, 400", async () => {
    const r = await signedJson(server.url, "Version=2011-06-15", { contentType: FORM, service: "sts" });
    expect([r.status, xmlField(r.text, "Code")]).toEqual([400, "MissingAction"]);
  });

  it("answers IAM Actions paramstore does not implement with InvalidAction", async () => {
    const r = await aws(server.url, ["iam", "get-account-summary"]);
    expect(r.stderr).toMatch(
      /An error occurred \(InvalidAction\) when calling the GetAccountSummary operation( \(reached max retries: 0\))?: Could not find operation GetAccountSummary for version 2010-05-08/,
    );
  });

  it("refuses an STS request signed for another service, and an unsigned one, in the Query error form", async () => {
    const scoped = await signedJson(server.url, "Action=GetCallerIdentity&Version=2011-06-15", { contentType: FORM, service: "iam" });
    expect(scoped.status).toBe(403);
    expect(xmlField(scoped.text, "Code")).toBe("SignatureDoesNotMatch");
    expect(xmlField(scoped.text, "Message")).toBe("Credential should be scoped to correct service: 'sts'. ");
    const unsigned = await fetch(`${server.url}/`, { method: "POST", headers: { "content-type": FORM }, body: "Action=GetCallerIdentity&Version=2011-06-15" });
    const text = await unsigned.text();
    expect(unsigned.status).toBe(403);
    expect([xmlField(text, "Code"), xmlField(text, "Message")]).toEqual(["MissingAuthenticationToken", "Request is missing Authentication Token"]);
  });

  it("escapes the canonical request echoed in a signature mismatch", async () => {
    const r = await signedJson(server.url, "Action=GetCallerIdentity&Version=2011-06-15", {
      contentType: FORM,
      service: "sts",
      secretAccessKey: "wrong/secret/0000000000000000000000000000",
    });
    expect(r.status).toBe(403);
    expect(r.text).not.toContain(TEST_SECRET_ACCESS_KEY);
    expect(unescapeXml(xmlField(r.text, "Message"))).toMatch(SIGNATURE_MISMATCH);
  });

  it("leaves the JSON protocol as it was", async () => {
    const r = await signedJson(server.url, JSON.stringify({ Name: "/sts-e2e/missing" }), { target: "AmazonSSM.GetParameter" });
    expect([r.status, r.json]).toEqual([400, { __type: "ParameterNotFound" }]);
  });

  it("logs the operation and the caller for a Query request", async () => {
    await aws(server.url, ["sts", "get-caller-identity"]);
    const lines = server.log().split("\n").filter((l) => l.includes('"operation":"GetCallerIdentity"') && l.includes('"status":200'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ principal: ROOT.Arn });
  });
});
