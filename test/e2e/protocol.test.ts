import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// Protocol-level failures (ssm-parameter-store.md §1.4): AWS's error, never a 500 or a crash.
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("the AWS JSON 1.1 front end", () => {
  it("answers an unknown operation with UnknownOperationException", async () => {
    const r = await signedJson(server.url, "{}", { target: "AmazonSSM.NoSuchThing" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "UnknownOperationException" });
  });

  it("answers a foreign target prefix with UnknownOperationException", async () => {
    const r = await signedJson(server.url, "{}", { target: "DynamoDB_20120810.ListTables" });
    expect(r.json).toEqual({ __type: "UnknownOperationException" });
  });

  it("answers a body that is not JSON with SerializationException", async () => {
    const r = await signedJson(server.url, "{not json", { target: "AmazonSSM.GetParameter" });
    expect(r.status).toBe(400);
    expect(r.json?.["__type"]).toBe("SerializationException");
  });

  it("answers a member of the wrong JSON type with SerializationException", async () => {
    const r = await signedJson(server.url, JSON.stringify({ Name: "/x", WithDecryption: "yes" }), { target: "AmazonSSM.GetParameter" });
    expect(r.status).toBe(400);
    expect(r.json?.["__type"]).toBe("SerializationException");
  });

  it("answers a JSON array body with SerializationException", async () => {
    const r = await signedJson(server.url, "[]", { target: "AmazonSSM.GetParameter" });
    expect(r.json?.["__type"]).toBe("SerializationException");
  });

  it("refuses an oversized body without crashing", async () => {
    const big = JSON.stringify({ Name: "/x", Value: "v".repeat(2 * 1024 * 1024) });
    const r = await signedJson(server.url, big, { target: "AmazonSSM.PutParameter" });
    expect(r.status).toBe(413);
    const after = await signedJson(server.url, JSON.stringify({ Name: "/x" }), { target: "AmazonSSM.GetParameter" });
    expect(after.json).toEqual({ __type: "ParameterNotFound" });
  });

  it("answers a missing required member with AWS's validation message", async () => {
    const r = await signedJson(server.url, "{}", { target: "AmazonSSM.GetParameter" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      __type: "ValidationException",
      message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
  });

  it("answers GET /health with 200", async () => {
    const r = await fetch(`${server.url}/health`);
    expect(r.status).toBe(200);
  });
});
