import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { GetUserCommand, GetUserPolicyCommand, IAMClient, ListPoliciesCommand, DeleteUserCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSigV4Verifier } from "../../src/auth/sigv4-verifier.js";
import { rootPrincipal } from "../../src/iam/principal.js";
import { iamErrors, iamMetadata, iamOperations } from "../../src/model/generated/iam.js";
import { stsMetadata, stsOperations } from "../../src/model/generated/sts.js";
import { modelError } from "../../src/model/model-error.js";
import { systemClock } from "../../src/platform/clock.js";
import { systemRandom } from "../../src/platform/random.js";
import type { AnyOperation, ServicePorts } from "../../src/services/operation.js";
import { boto3 } from "../support/boto3.js";
import { UNRESTRICTED_ACCESS } from "../../src/services/access/unrestricted-access.case.js";
import { createPipeline } from "../../src/wire/pipeline.js";
import { IAM_VALIDATION, STS_VALIDATION } from "../../src/wire/query-validation.js";
import type { QueryService } from "../../src/wire/query-service.js";

// The Query path end to end through the real pipeline and SigV4, with a small fixture operation table
// (not the server's): decoding, validation, XML results and errors as the three clients read them.
const KEY = "AKIAQUERYFIXTURE0001";
const SECRET = "query/fixture/secret/0123456789ABCDEFGHIJ";
const ACCOUNT = "111122223333";
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"arn:aws:ssm:*:*:parameter/a%3Ab"}]}';
const CREATED = new Date(Date.UTC(2024, 4, 1, 12, 34, 56));

// The fixtures are called by root, whom nothing here restricts: they declare no resource to authorise.
const op = (name: string, run: AnyOperation["run"]): [string, AnyOperation] => [name, { name, action: `fixture:${name}`, access: () => [], run }];

const iamFixtures = new Map<string, AnyOperation>([
  op("GetUserPolicy", async (input: { UserName: string; PolicyName: string }) => ({ ...input, PolicyDocument: POLICY })),
  op("GetUser", async (input: { UserName?: string }) => ({
    User: {
      Path: "/team/",
      UserName: input.UserName ?? "me",
      UserId: "AIDACKCEVSQ6C2EXAMPLE",
      Arn: `arn:aws:iam::${ACCOUNT}:user/team/${input.UserName ?? "me"}`,
      CreateDate: CREATED,
      Tags: [{ Key: "team", Value: "a&b <c>" }],
    },
  })),
  // Echoes how the booleans and integers were read.
  op("ListPolicies", async (input: { OnlyAttached?: boolean; MaxItems?: number }) => ({
    Policies: [],
    IsTruncated: input.OnlyAttached === true,
    Marker: String(input.MaxItems),
  })),
  op("DeleteUser", async (input: { UserName: string }) => {
    throw modelError(iamErrors.NoSuchEntityException, `The user with name ${input.UserName} cannot be found.`);
  }),
  op("GetAccountSummary", async () => {
    throw new Error("a bug");
  }),
]);

const stsFixtures = new Map<string, AnyOperation>([
  op("AssumeRole", async (input: { RoleArn: string; RoleSessionName: string; DurationSeconds?: number }) => ({
    Credentials: {
      AccessKeyId: "ASIAFIXTURE000000001",
      SecretAccessKey: "fixture-secret",
      SessionToken: "fixture-token",
      Expiration: new Date(CREATED.getTime() + (input.DurationSeconds ?? 3600) * 1000),
    },
    AssumedRoleUser: { AssumedRoleId: `AROAFIXTURE:${input.RoleSessionName}`, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/r/${input.RoleSessionName}` },
  })),
]);

const iam: QueryService = {
  version: iamMetadata.apiVersion,
  signingName: "iam",
  xmlNamespace: iamMetadata.xmlNamespace,
  operations: iamFixtures,
  models: iamOperations,
  validation: IAM_VALIDATION,
};
const sts: QueryService = {
  version: stsMetadata.apiVersion,
  signingName: "sts",
  xmlNamespace: stsMetadata.xmlNamespace,
  operations: stsFixtures,
  models: stsOperations,
  validation: STS_VALIDATION,
};

const logLines: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  const verify = createSigV4Verifier({
    directory: { lookup: async (id) => (id === KEY ? { secretAccessKey: SECRET, principal: rootPrincipal(ACCOUNT, KEY) } : undefined) },
    clock: systemClock,
  });
  const handle = createPipeline({
    services: [],
    queryServices: [iam, sts],
    authenticate: verify,
    accessFor: async () => ({ ...UNRESTRICTED_ACCESS, decisions: [] }),
    ports: {} as ServicePorts, // the fixtures touch no port
    random: systemRandom,
    logger: pino({ level: "info" }, { write: (line: string) => void logLines.push(line) }),
    maxBodyBytes: 64 * 1024,
  });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function signedForm(form: string, service = "iam", method: "POST" | "GET" = "POST") {
  const u = new URL(url);
  const query = method === "GET" ? Object.fromEntries(new URLSearchParams(form)) : {};
  const headers: Record<string, string> = { host: u.host };
  if (method === "POST") headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
  const signer = new SignatureV4({ service, region: "us-east-1", credentials: { accessKeyId: KEY, secretAccessKey: SECRET }, sha256: Sha256 });
  const signed = await signer.sign(
    new HttpRequest({ method, protocol: "http:", hostname: u.hostname, port: Number(u.port), path: "/", query, headers, ...(method === "POST" ? { body: form } : {}) }),
  );
  const sent: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (k !== "host") sent[k] = String(v);
  const target = method === "GET" ? `${url}/?${form}` : `${url}/`;
  const res = await fetch(target, { method, headers: sent, ...(method === "POST" ? { body: form } : {}) });
  return { status: res.status, contentType: res.headers.get("content-type"), requestId: res.headers.get("x-amzn-requestid"), text: await res.text() };
}

const IAM_V = "Version=2010-05-08";
const errorOf = (text: string) => ({
  type: /<Type>([^<]*)<\/Type>/.exec(text)?.[1],
  code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
  message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1],
});

describe("the Query pipeline on the wire", () => {
  it("answers a result as text/xml with the request id in header and body", async () => {
    const r = await signedForm(`Action=GetUser&${IAM_V}&UserName=bob`);
    expect(r.status).toBe(200);
    expect(r.contentType).toBe("text/xml");
    expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.text).toContain(`<RequestId>${r.requestId}</RequestId>`);
    expect(r.text.startsWith(`<GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserResult><User>`)).toBe(true);
  });

  it("reads booleans and integers strictly: 1 and 0900 are fine", async () => {
    const r = await signedForm(`Action=ListPolicies&${IAM_V}&OnlyAttached=1&MaxItems=0900`);
    expect(r.text).toContain("<Policies/><IsTruncated>true</IsTruncated><Marker>900</Marker>");
  });

  it.each([
    ["OnlyAttached=True", "boolean must follow xsd1.1 definition"],
    ["MaxItems=9e2", "int must follow xsd1.1 definition"],
    ["MaxItems=%20900%20", "int must follow xsd1.1 definition"],
    ["MaxItems=4294967296", "int must follow xsd1.1 definition"],
  ])("answers %s with MalformedInput, 400", async (param, message) => {
    const r = await signedForm(`Action=ListPolicies&${IAM_V}&${param}`);
    expect(r.status).toBe(400);
    expect(errorOf(r.text)).toEqual({ type: "Sender", code: "MalformedInput", message });
  });

  it("answers a constraint violation with IAM's value-less ValidationError", async () => {
    const r = await signedForm(`Action=ListPolicies&${IAM_V}&MaxItems=0&Scope=Everywhere`);
    expect(r.status).toBe(400);
    expect(errorOf(r.text)).toEqual({
      type: "Sender",
      code: "ValidationError",
      message:
        "2 validation errors detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value at 'scope' failed to satisfy constraint: Member must satisfy enum value set",
    });
  });

  it("answers a constraint violation with STS's quoted ValidationError, in STS's namespace", async () => {
    const r = await signedForm(`Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::${ACCOUNT}:role/r&RoleSessionName=Session1:2`, "sts");
    expect(r.status).toBe(400);
    expect(r.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(errorOf(r.text).message).toBe(
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it("answers a missing Action with MissingAction and an unknown one with InvalidAction", async () => {
    const missing = await signedForm(IAM_V);
    expect([missing.status, errorOf(missing.text).code]).toEqual([400, "MissingAction"]);
    const unknown = await signedForm(`Action=CreateUser&${IAM_V}&UserName=x`);
    expect([unknown.status, errorOf(unknown.text)]).toEqual([
      400,
      { type: "Sender", code: "InvalidAction", message: "Could not find operation CreateUser for version 2010-05-08" },
    ]);
    const wrongVersion = await signedForm("Action=GetUser&Version=2011-06-15", "sts");
    expect(errorOf(wrongVersion.text).message).toBe("Could not find operation GetUser for version 2011-06-15");
    const noVersion = await signedForm("Action=GetUser");
    expect(errorOf(noVersion.text).message).toBe("Could not find operation GetUser for version NO_VERSION_SPECIFIED");
  });

  it("routes before authenticating: an unknown Action is InvalidAction even unsigned", async () => {
    const r = await fetch(`${url}/?Action=Nope&Version=2011-06-15`);
    expect(r.status).toBe(400);
    expect(errorOf(await r.text()).code).toBe("InvalidAction");
  });

  it("requires the credential scope to name the service Version selects", async () => {
    const r = await signedForm(`Action=GetUser&${IAM_V}`, "sts");
    expect(r.status).toBe(403);
    expect(errorOf(r.text)).toEqual({ type: "Sender", code: "SignatureDoesNotMatch", message: "Credential should be scoped to correct service: 'iam'. " });
  });

  it("answers a model error with its code and status, and a bug with InternalFailure 500", async () => {
    const missing = await signedForm(`Action=DeleteUser&${IAM_V}&UserName=ghost`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing.text)).toEqual({ type: "Sender", code: "NoSuchEntity", message: "The user with name ghost cannot be found." });
    const bug = await signedForm(`Action=GetAccountSummary&${IAM_V}`);
    expect(bug.status).toBe(500);
    expect(errorOf(bug.text)).toMatchObject({ type: "Receiver", code: "InternalFailure" });
  });

  it("reads parameters from a GET query string", async () => {
    const r = await signedForm(`Action=GetUser&${IAM_V}&UserName=carol`, "iam", "GET");
    expect(r.status).toBe(200);
    expect(r.text).toContain("<UserName>carol</UserName>");
  });

  it("logs one line per request with the operation and status", async () => {
    const before = logLines.length;
    await signedForm(`Action=DeleteUser&${IAM_V}&UserName=ghost`);
    const line = JSON.parse(logLines.slice(before).find((l) => l.includes('"status"')) ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ operation: "DeleteUser", status: 404, principal: `arn:aws:iam::${ACCOUNT}:root` });
  });
});

describe("the Query wire as the clients read it", () => {
  const credentials = { accessKeyId: KEY, secretAccessKey: SECRET };

  it("SDK v3 reads users, timestamps, tags and the still-encoded policy document", async () => {
    const client = new IAMClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 1 });
    const user = await client.send(new GetUserCommand({ UserName: "bob" }));
    expect(user.User).toEqual({
      Path: "/team/",
      UserName: "bob",
      UserId: "AIDACKCEVSQ6C2EXAMPLE",
      Arn: `arn:aws:iam::${ACCOUNT}:user/team/bob`,
      CreateDate: CREATED,
      Tags: [{ Key: "team", Value: "a&b <c>" }],
    });
    const policy = await client.send(new GetUserPolicyCommand({ UserName: "bob", PolicyName: "p" }));
    expect(policy.PolicyDocument).toContain("%253A");
    expect(decodeURIComponent(policy.PolicyDocument ?? "")).toBe(POLICY);
    const listed = await client.send(new ListPoliciesCommand({ OnlyAttached: true, MaxItems: 5 }));
    expect(listed).toMatchObject({ Policies: [], IsTruncated: true, Marker: "5" });
    const error = await client.send(new DeleteUserCommand({ UserName: "ghost" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NoSuchEntityException", message: "The user with name ghost cannot be found.", $metadata: { httpStatusCode: 404 } });
  });

  it("SDK v3 reads STS credentials with their expiration", async () => {
    const client = new STSClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 1 });
    const out = await client.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/r`, RoleSessionName: "s1", DurationSeconds: 900 }));
    expect(out.Credentials?.Expiration).toEqual(new Date(CREATED.getTime() + 900_000));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/r/s1`);
  });

  it("boto3 decodes the policy document to a dict and reads the rest", async () => {
    const [policy, user, missing, invalid] = await boto3(
      url,
      [
        { op: "get_user_policy", params: { UserName: "bob", PolicyName: "p" } },
        { op: "get_user", params: { UserName: "bob" } },
        { op: "delete_user", params: { UserName: "ghost" } },
        { op: "list_policies", params: { MaxItems: 0 } },
      ],
      { service: "iam", accessKeyId: KEY, secretAccessKey: SECRET },
    );
    expect(policy).toMatchObject({ ok: { PolicyDocument: JSON.parse(POLICY) as unknown } });
    expect(user).toMatchObject({ ok: { User: { UserName: "bob", CreateDate: CREATED.getTime() / 1000, Tags: [{ Key: "team", Value: "a&b <c>" }] } } });
    expect(missing).toEqual({ error: { code: "NoSuchEntity", message: "The user with name ghost cannot be found.", status: 404 } });
    // botocore checks MaxItems >= 1 itself.
    expect(invalid).toHaveProperty("clientValidation");
  });
});
