import { GetParameterCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";
import { ARN_PREFIX, awsError, expectParameterMembers, M1, okOf, rawCall, type WireParameter } from "./ssm-core-support.js";

// GetParameter and GetParameters through the real wire (ssm-parameter-store.md §2, §4.2, §4.3, §7).
let server: ServerHandle;
const run = (calls: readonly Boto3Call[]) => boto3(server.url, calls);
const get = (Name: string, WithDecryption?: boolean): Boto3Call => ({
  op: "get_parameter",
  params: WithDecryption === undefined ? { Name } : { Name, WithDecryption },
});
const parameterOf = (r: Parameters<typeof okOf>[0]) => okOf<{ Parameter: WireParameter }>(r).Parameter;

beforeAll(async () => {
  server = await startServer();
  const setup = await run([
    { op: "put_parameter", params: { Name: "bare", Value: "v1", Type: "String" } },
    { op: "put_parameter", params: { Name: "bare", Value: "v2", Overwrite: true } },
    { op: "label_parameter_version", params: { Name: "bare", ParameterVersion: 1, Labels: ["stable"] } },
    { op: "put_parameter", params: { Name: "/app/db/url", Value: "postgres://h/db", Type: "String" } },
    { op: "put_parameter", params: { Name: "/app/secret", Value: "s3cr3t", Type: "SecureString" } },
    { op: "put_parameter", params: { Name: "/app/list", Value: "a,b, c", Type: "StringList" } },
  ]);
  expect(setup.every((r) => "ok" in r)).toBe(true);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const versionNotFound = (n: string) =>
  awsError("ParameterVersionNotFound", `Systems Manager could not find version ${n} of /bare. Verify the version and try again.`);
const labelNotFound = (label: string) =>
  awsError("ParameterVersionNotFound", `Systems Manager could not find a version of /bare that has the specified label, ${label}. Verify the parameter label and try again.`);
const SELECTOR_SYNTAX = awsError(
  "ValidationException",
  "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>",
);
const NOT_FOUND = awsError("ParameterNotFound", "");

describe("GetParameter", () => {
  it("returns exactly the Parameter members, echoing the request's spelling of a top-level name", async () => {
    const [slash, bare, list] = await run([get("/bare"), get("bare"), get("/app/list")]);
    const p = parameterOf(slash);
    expectParameterMembers(p, false);
    expect(p).toMatchObject({ Name: "/bare", Type: "String", Value: "v2", Version: 2, ARN: `${ARN_PREFIX}/bare`, DataType: "text" });
    expect(typeof p.LastModifiedDate).toBe("number");
    expect(parameterOf(bare)).toMatchObject({ Name: "bare", Value: "v2", ARN: `${ARN_PREFIX}/bare` });
    expect(parameterOf(list)).toMatchObject({ Type: "StringList", Value: "a,b, c" });
  });

  it("resolves version and label selectors and echoes the selector as sent", async () => {
    const [v1, padded, label, arn, arnLabel] = await run([
      get("bare:1"),
      get("bare:01"),
      get("/bare:stable"),
      get(`${ARN_PREFIX}/app/db/url`),
      get(`${ARN_PREFIX}/bare:stable`),
    ]);
    expectParameterMembers(parameterOf(v1), true);
    expect(parameterOf(v1)).toMatchObject({ Name: "bare", Selector: ":1", Version: 1, Value: "v1" });
    expect(parameterOf(padded)).toMatchObject({ Selector: ":01", Version: 1, Value: "v1" });
    expect(parameterOf(label)).toMatchObject({ Name: "/bare", Selector: ":stable", Version: 1, Value: "v1" });
    expect(parameterOf(arn)).toMatchObject({ Name: "/app/db/url", Value: "postgres://h/db", ARN: `${ARN_PREFIX}/app/db/url` });
    expectParameterMembers(parameterOf(arn), false);
    expect(parameterOf(arnLabel)).toMatchObject({ Name: "bare", Selector: ":stable", Version: 1 });
  });

  it("names missing versions and labels, and rejects selector syntax", async () => {
    const results = await run([
      get("bare:0"),
      get("bare:99"),
      get("bare:2147483648"),
      get("bare:missing"),
      get("bare:-1"),
      get("bare:"),
      get("bare:1:2"),
    ]);
    expect(results).toEqual([
      versionNotFound("0"),
      versionNotFound("99"),
      versionNotFound("2147483648"),
      labelNotFound("missing"),
      labelNotFound("-1"),
      SELECTOR_SYNTAX,
      SELECTOR_SYNTAX,
    ]);
  });

  it("answers ParameterNotFound with no message, after checking the name's syntax", async () => {
    const results = await run([
      get("/nope"),
      get("/nope:1"),
      get("/x/bad name"),
      get("/ssm/x"),
      get("arn:aws:ssm:us-east-1:999999999999:parameter/app/db/url"),
      get("/aws/service/global-infrastructure/regions/us-east-1"),
      get("/aws/anything"),
    ]);
    expect(results).toEqual([NOT_FOUND, NOT_FOUND, awsError("ValidationException", M1), awsError("ValidationException", M1), NOT_FOUND, NOT_FOUND, NOT_FOUND]);
  });

  it("returns a SecureString as base64 ciphertext unless asked to decrypt", async () => {
    const [cipher, plain] = await run([get("/app/secret"), get("/app/secret", true)]);
    const encrypted = parameterOf(cipher);
    expectParameterMembers(encrypted, false);
    expect(encrypted.Type).toBe("SecureString");
    expect(encrypted.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(encrypted.Value, "base64").toString("latin1")).not.toContain("s3cr3t");
    expect(encrypted.Value).not.toContain("s3cr3t");
    expect(parameterOf(plain)).toMatchObject({ Value: "s3cr3t", Type: "SecureString" });
  });

  it("answers Secrets Manager references as AWS does for a secret that does not exist", async () => {
    const results = await run([
      get("/aws/reference/secretsmanager/db"),
      get("/aws/reference/secretsmanager/db", true),
      get("aws/reference/secretsmanager/db:AWSCURRENT", true),
      get("/aws/reference/secretsmanager/", true),
      get("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf", true),
    ]);
    expect(results).toEqual([
      awsError("ValidationException", "WithDecryption flag must be True for retrieving a Secret Manager secret."),
      awsError("ParameterNotFound", "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/dbnull not found."),
      awsError("ParameterNotFound", "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/db:AWSCURRENT not found."),
      awsError("ValidationException", "An error occurred while calling one AWS dependency service."),
      awsError(
        "ValidationException",
        "Secrets manager ARN reference should not be passed in the GetParameter(s) request, please refer to https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html",
      ),
    ]);
  });

  it("sends the bytes AWS sends: no message member for ParameterNotFound, members in AWS's order", async () => {
    const missing = await rawCall(server.url, "GetParameter", { Name: "/nope" });
    expect(missing.status).toBe(400);
    expect(missing.text).toBe('{"__type":"ParameterNotFound"}');
    expect(missing.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.headers.get("content-type")).toBe("application/x-amz-json-1.1");

    const found = await rawCall(server.url, "GetParameter", { Name: "bare:stable" });
    expect(found.status).toBe(200);
    const body = JSON.parse(found.text) as { Parameter: object };
    expect(Object.keys(body)).toEqual(["Parameter"]);
    expect(Object.keys(body.Parameter)).toEqual(["Name", "Type", "Value", "Version", "Selector", "LastModifiedDate", "ARN", "DataType"]);

    const versionMissing = await rawCall(server.url, "GetParameter", { Name: "bare:99" });
    expect(Object.keys(JSON.parse(versionMissing.text) as object)).toEqual(["__type", "message"]);
  });

  it("works with SDK v3 and the aws CLI", async () => {
    const ssm = ssmClient(server.url);
    const out = await ssm.send(new GetParameterCommand({ Name: "/bare:stable" }));
    expect(out.Parameter).toMatchObject({ Name: "/bare", Selector: ":stable", Version: 1, Value: "v1" });
    expect(out.Parameter?.LastModifiedDate).toBeInstanceOf(Date);

    const cli = await aws(server.url, ["ssm", "get-parameter", "--name", "/app/secret", "--with-decryption"]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.json).toMatchObject({ Parameter: { Name: "/app/secret", Value: "s3cr3t", Version: 1, Type: "SecureString" } });
  });
});

describe("GetParameters", () => {
  it("sorts found parameters by name, sorts and de-duplicates the invalid ones", async () => {
    const [r] = await run([
      {
        op: "get_parameters",
        params: {
          Names: ["bare:1", "/app/db/url", "/nope", "bare", "bare:99", "/bare", "/nope", "bare:missing", "/app/db/url", "/aws/reference/secretsmanager/x"],
          WithDecryption: true,
        },
      },
    ]);
    const out = okOf<{ Parameters: WireParameter[]; InvalidParameters: string[] }>(r);
    expect(out.InvalidParameters).toEqual(["/aws/reference/secretsmanager/x", "/nope", "bare:99", "bare:missing"]);
    expect(out.Parameters.map((p) => p.Name)).toEqual(["/app/db/url", "/bare", "bare", "bare"]);
    const bare = out.Parameters.filter((p) => p.Name === "bare").map((p) => [p.Selector, p.Version, p.Value]);
    expect(bare).toEqual(expect.arrayContaining([[undefined, 2, "v2"], [":1", 1, "v1"]]));
    for (const p of out.Parameters) expectParameterMembers(p, p.Selector !== undefined);
  });

  it("always sends both lists, decrypts on request and fails the call on a malformed name", async () => {
    const results = await run([
      { op: "get_parameters", params: { Names: ["/nope"] } },
      { op: "get_parameters", params: { Names: ["/app/secret"], WithDecryption: true } },
      { op: "get_parameters", params: { Names: ["/app/db/url", "/x/bad name"] } },
      { op: "get_parameters", params: { Names: Array.from({ length: 11 }, (_, i) => `/n${i + 1}`) } },
    ]);
    expect(results[0]).toMatchObject({ ok: { Parameters: [], InvalidParameters: ["/nope"] } });
    expect(results[1]).toMatchObject({ ok: { Parameters: [{ Name: "/app/secret", Value: "s3cr3t" }], InvalidParameters: [] } });
    expect(results[2]).toEqual(awsError("ValidationException", M1));
    expect(results[3]).toEqual(
      awsError(
        "ValidationException",
        "1 validation error detected: Value '[/n1, /n2, /n3, /n4, /n5, /n6, /n7, /n8, /n9, /n10, /n11]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
      ),
    );
    const raw = await rawCall(server.url, "GetParameters", { Names: ["/app/db/url"] });
    expect(JSON.parse(raw.text)).toMatchObject({ Parameters: [{ Name: "/app/db/url" }], InvalidParameters: [] });
  });

  it("works with the aws CLI", async () => {
    const cli = await aws(server.url, ["ssm", "get-parameters", "--names", "bare:stable", "/nope"]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.json).toMatchObject({ Parameters: [{ Name: "bare", Selector: ":stable", Version: 1 }], InvalidParameters: ["/nope"] });
  });
});
