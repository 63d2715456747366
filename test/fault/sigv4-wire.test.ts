import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawPost, signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// SigV4 failures as a client sees them on the wire (sigv4.md §10): JSON protocol, HTTP 400,
// lowercase `message`, a request id on every answer.
let server: ServerHandle;
const target = "AmazonSSM.GetParameter";
const body = JSON.stringify({ Name: "/sigv4/x" });

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("SigV4 on the wire", () => {
  it("accepts a correctly signed request (the parameter is simply missing)", async () => {
    const r = await signedJson(server.url, body, { target });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "ParameterNotFound" });
    expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a wrong secret", async () => {
    const r = await signedJson(server.url, body, { target, secretAccessKey: "not-the-secret" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      __type: "InvalidSignatureException",
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    });
  });

  it("rejects a body changed after signing", async () => {
    const r = await signedJson(server.url, body, { target, bodyAfterSigning: JSON.stringify({ Name: "/sigv4/y" }) });
    expect(r.json?.["__type"]).toBe("InvalidSignatureException");
  });

  it("rejects an unknown access key", async () => {
    const r = await signedJson(server.url, body, { target, accessKeyId: "AKIAUNKNOWNUNKNOWN00" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "UnrecognizedClientException", message: "The security token included in the request is invalid." });
  });

  it("rejects a request signed 20 minutes ago", async () => {
    const r = await signedJson(server.url, body, { target, signingDate: new Date(Date.now() - 20 * 60_000) });
    expect(r.status).toBe(400);
    expect(r.json?.["__type"]).toBe("InvalidSignatureException");
    expect(String(r.json?.["message"])).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it("rejects a request signed 20 minutes in the future", async () => {
    const r = await signedJson(server.url, body, { target, signingDate: new Date(Date.now() + 20 * 60_000) });
    expect(String(r.json?.["message"])).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
  });

  it("rejects a scope for another service", async () => {
    const r = await signedJson(server.url, body, { target, service: "kms" });
    expect(r.json).toEqual({ __type: "InvalidSignatureException", message: "Credential should be scoped to correct service: 'ssm'. " });
  });

  it("rejects a request with no authentication", async () => {
    const r = await rawPost(server.url, body, { "content-type": "application/x-amz-json-1.1", "x-amz-target": target });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "MissingAuthenticationTokenException", message: "Request is missing Authentication Token" });
  });

  it("rejects a signed request whose date header was removed", async () => {
    const r = await signedJson(server.url, body, { target, dropHeaders: ["x-amz-date"] });
    expect(r.status).toBe(400);
    expect(r.json?.["__type"]).toBe("IncompleteSignatureException");
  });
});
