import { GetParameterCommand, GetParameterHistoryCommand, GetParametersByPathCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// The user's journey of issue 3, run with each of the three real clients against one server.
const ARN = `arn:aws:ssm:us-east-1:${TEST_ACCOUNT_ID}:parameter`;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("the journey with the aws CLI", () => {
  it("puts, reads by path, decrypts and lists history", async () => {
    const put1 = await aws(server.url, ["ssm", "put-parameter", "--name", "/cli-app/dev/db-url", "--type", "String", "--value", "dev.example.com:3306"]);
    expect(put1.status, put1.stderr).toBe(0);
    expect(put1.json).toEqual({ Version: 1, Tier: "Standard" });
    const put2 = await aws(server.url, ["ssm", "put-parameter", "--name", "/cli-app/prod/db-password", "--type", "SecureString", "--value", "s3cr3t"]);
    expect(put2.json).toEqual({ Version: 1, Tier: "Standard" });

    const byPath = await aws(server.url, ["ssm", "get-parameters-by-path", "--path", "/cli-app", "--recursive", "--with-decryption"]);
    expect(byPath.status, byPath.stderr).toBe(0);
    const params = (byPath.json as { Parameters: Array<Record<string, unknown>> }).Parameters;
    expect(params.map((p) => [p["Name"], p["Value"], p["Type"]])).toEqual([
      ["/cli-app/dev/db-url", "dev.example.com:3306", "String"],
      ["/cli-app/prod/db-password", "s3cr3t", "SecureString"],
    ]);

    const get = await aws(server.url, ["ssm", "get-parameter", "--name", "/cli-app/prod/db-password", "--with-decryption"]);
    const p = (get.json as { Parameter: Record<string, unknown> }).Parameter;
    expect(Object.keys(p).sort()).toEqual(["ARN", "DataType", "LastModifiedDate", "Name", "Type", "Value", "Version"]);
    expect(p).toMatchObject({ Name: "/cli-app/prod/db-password", Type: "SecureString", Value: "s3cr3t", Version: 1, ARN: `${ARN}/cli-app/prod/db-password`, DataType: "text" });

    const encrypted = await aws(server.url, ["ssm", "get-parameter", "--name", "/cli-app/prod/db-password"]);
    const cipher = (encrypted.json as { Parameter: { Value: string } }).Parameter.Value;
    expect(cipher).not.toContain("s3cr3t");
    expect(Buffer.from(cipher, "base64").toString("base64")).toBe(cipher);

    const history = await aws(server.url, ["ssm", "get-parameter-history", "--name", "/cli-app/prod/db-password"]);
    const entries = (history.json as { Parameters: Array<Record<string, unknown>> }).Parameters;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ Name: "/cli-app/prod/db-password", Type: "SecureString", KeyId: "alias/aws/ssm", Version: 1, Labels: [], Tier: "Standard", Policies: [], DataType: "text", LastModifiedUser: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` });
    expect(entries[0]?.["Value"]).not.toBe("s3cr3t");
  });

  it("reports a missing parameter as AWS does", async () => {
    const r = await aws(server.url, ["ssm", "get-parameter", "--name", "/cli-app/nope"]);
    expect(r.status).not.toBe(0); // 255 from CLI v1, 254 from v2
    expect(r.stderr).toContain("An error occurred (ParameterNotFound) when calling the GetParameter operation");
  });
});

describe("the journey with boto3", () => {
  it("puts, reads by path, decrypts and lists history", async () => {
    const [put1, put2, byPath, get, history, missing] = await boto3(server.url, [
      { op: "put_parameter", params: { Name: "/boto-app/dev/db-url", Type: "String", Value: "dev.example.com:3306" } },
      { op: "put_parameter", params: { Name: "/boto-app/prod/db-password", Type: "SecureString", Value: "s3cr3t" } },
      { op: "get_parameters_by_path", params: { Path: "/boto-app", Recursive: true, WithDecryption: true } },
      { op: "get_parameter", params: { Name: "/boto-app/prod/db-password", WithDecryption: true } },
      { op: "get_parameter_history", params: { Name: "/boto-app/prod/db-password", WithDecryption: true } },
      { op: "get_parameter", params: { Name: "/boto-app/none" } },
    ]);
    expect(put1).toMatchObject({ ok: { Version: 1, Tier: "Standard" } });
    expect(put2).toMatchObject({ ok: { Version: 1, Tier: "Standard" } });
    const list = (byPath as { ok: { Parameters: Array<{ Name: string; Value: string }> } }).ok.Parameters;
    expect(list.map((p) => [p.Name, p.Value])).toEqual([
      ["/boto-app/dev/db-url", "dev.example.com:3306"],
      ["/boto-app/prod/db-password", "s3cr3t"],
    ]);
    expect(get).toMatchObject({ ok: { Parameter: { Value: "s3cr3t", Version: 1, Type: "SecureString" } } });
    expect(history).toMatchObject({ ok: { Parameters: [{ Value: "s3cr3t", Version: 1, KeyId: "alias/aws/ssm" }] } });
    expect(missing).toEqual({ error: { code: "ParameterNotFound", message: "", status: 400 } });
  });
});

describe("the journey with @aws-sdk/client-ssm v3", () => {
  it("puts, reads by path, decrypts and lists history", async () => {
    const ssm = ssmClient(server.url);
    expect(await ssm.send(new PutParameterCommand({ Name: "/sdk-app/dev/db-url", Type: "String", Value: "dev.example.com:3306" }))).toMatchObject({ Version: 1, Tier: "Standard" });
    expect(await ssm.send(new PutParameterCommand({ Name: "/sdk-app/prod/db-password", Type: "SecureString", Value: "s3cr3t" }))).toMatchObject({ Version: 1 });
    const byPath = await ssm.send(new GetParametersByPathCommand({ Path: "/sdk-app", Recursive: true, WithDecryption: true }));
    expect(byPath.Parameters?.map((p) => [p.Name, p.Value])).toEqual([
      ["/sdk-app/dev/db-url", "dev.example.com:3306"],
      ["/sdk-app/prod/db-password", "s3cr3t"],
    ]);
    const get = await ssm.send(new GetParameterCommand({ Name: "/sdk-app/prod/db-password", WithDecryption: true }));
    expect(get.Parameter?.Value).toBe("s3cr3t");
    expect(get.Parameter?.LastModifiedDate).toBeInstanceOf(Date);
    const history = await ssm.send(new GetParameterHistoryCommand({ Name: "/sdk-app/prod/db-password" }));
    expect(history.Parameters?.[0]?.KeyId).toBe("alias/aws/ssm");
    await expect(ssm.send(new GetParameterCommand({ Name: "/sdk-app/none" }))).rejects.toMatchObject({
      name: "ParameterNotFound",
      $metadata: { httpStatusCode: 400 },
    });
  });
});
