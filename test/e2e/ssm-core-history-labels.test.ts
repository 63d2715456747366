import { DeleteParameterCommand, GetParameterHistoryCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";
import { ARN_PREFIX, awsError, okOf, rawCall, ROOT_ARN, type WireHistory } from "./ssm-core-support.js";

// GetParameterHistory, Label/UnlabelParameterVersion and DeleteParameter(s) through the real wire
// (ssm-parameter-store.md §4.5, §4.6, §4.8–4.10, §5.2).
let server: ServerHandle;
const run = (calls: readonly Boto3Call[]) => boto3(server.url, calls);
const history = (params: Record<string, unknown>): Boto3Call => ({ op: "get_parameter_history", params });
const label = (Name: string, Labels: string[], ParameterVersion?: number): Boto3Call => ({
  op: "label_parameter_version",
  params: ParameterVersion === undefined ? { Name, Labels } : { Name, Labels, ParameterVersion },
});
const unlabel = (Name: string, Labels: string[], ParameterVersion: number): Boto3Call => ({
  op: "unlabel_parameter_version",
  params: { Name, Labels, ParameterVersion },
});
const entriesOf = (r: Parameters<typeof okOf>[0]) => okOf<{ Parameters: WireHistory[]; NextToken?: string }>(r);
const NOT_FOUND = awsError("ParameterNotFound", "");
const POLICY = '{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2031-01-01T00:00:00.000Z"}}';

beforeAll(async () => {
  server = await startServer();
  const setup = await run([
    { op: "put_parameter", params: { Name: "/h/p", Value: "v1", Type: "String", Description: "first", AllowedPattern: "^[a-z0-9]+$" } },
    { op: "put_parameter", params: { Name: "/h/p", Value: "secret2", Type: "SecureString", Overwrite: true } },
    { op: "put_parameter", params: { Name: "/h/p", Value: "v3", Type: "String", Overwrite: true, Tier: "Advanced", Policies: `[${POLICY}]` } },
    { op: "put_parameter", params: { Name: "/h/p", Value: "v4", Overwrite: true } },
    { op: "put_parameter", params: { Name: "/h/p", Value: "v5", Overwrite: true } },
    label("/h/p", ["a", "b"], 1),
    { op: "put_parameter", params: { Name: "hbare", Value: "x", Type: "String" } },
  ]);
  expect(setup.every((r) => "ok" in r)).toBe(true);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("GetParameterHistory", () => {
  it("lists every version oldest first with its own metadata, labels and policies", async () => {
    const [r] = await run([history({ Name: "/h/p" })]);
    const { Parameters: entries, NextToken } = entriesOf(r);
    expect(NextToken).toBeUndefined();
    expect(entries.map((e) => e.Version)).toEqual([1, 2, 3, 4, 5]);
    const [v1, v2, v3] = entries;
    expect(Object.keys(v1 ?? {})).toEqual([
      "Name", "Type", "LastModifiedDate", "LastModifiedUser", "Description", "Value", "AllowedPattern", "Version", "Labels", "Tier", "Policies", "DataType",
    ]);
    expect(v1).toMatchObject({ Name: "/h/p", Type: "String", Value: "v1", Labels: ["a", "b"], Tier: "Standard", Policies: [], DataType: "text", LastModifiedUser: ROOT_ARN });
    expect(v2).toMatchObject({ Type: "SecureString", KeyId: "alias/aws/ssm", Labels: [], Description: "first" });
    expect(v2?.Value).not.toBe("secret2");
    expect(v3).toMatchObject({ Type: "String", Value: "v3", Tier: "Advanced", Policies: [{ PolicyText: POLICY, PolicyType: "Expiration" }] });
    expect(Object.keys(v3 ?? {})).not.toContain("KeyId");
    expect(Object.keys(v3?.Policies[0] ?? {})).toEqual(["PolicyText", "PolicyType"]);
  });

  it("decrypts on request, accepts an ARN and echoes the request's spelling", async () => {
    const [decrypted, byArn, bare] = await run([
      history({ Name: "/h/p", WithDecryption: true }),
      history({ Name: `${ARN_PREFIX}/h/p` }),
      history({ Name: "/hbare" }),
    ]);
    expect(entriesOf(decrypted).Parameters[1]).toMatchObject({ Version: 2, Value: "secret2" });
    expect(entriesOf(byArn).Parameters).toHaveLength(5);
    expect(entriesOf(byArn).Parameters[0]?.Name).toBe("/h/p");
    expect(entriesOf(bare).Parameters[0]).toMatchObject({ Name: "/hbare", Value: "x" });
  });

  it("pages with MaxResults and sends no NextToken with the last page", async () => {
    const ssm = ssmClient(server.url);
    const versions: number[][] = [];
    let token: string | undefined;
    do {
      const page = await ssm.send(new GetParameterHistoryCommand({ Name: "/h/p", MaxResults: 2, NextToken: token }));
      versions.push((page.Parameters ?? []).map((p) => p.Version ?? 0));
      token = page.NextToken;
    } while (token !== undefined);
    expect(versions).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("answers a missing parameter, a bad token and a bad page size as AWS does", async () => {
    const [first] = await run([history({ Name: "/h/p", MaxResults: 2 })]);
    const token = entriesOf(first).NextToken ?? "";
    const results = await run([
      history({ Name: "/h/none" }),
      history({ Name: "/h/p", NextToken: "fixture-invalid-token" }),
      history({ Name: "hbare", NextToken: token }),
      history({ Name: "/h/p", MaxResults: 51 }),
    ]);
    expect(results).toEqual([
      NOT_FOUND,
      awsError("InvalidNextToken", "The following token is invalid: fixture-invalid-token."),
      awsError("InvalidNextToken", `The following token is invalid: ${token}.`),
      awsError("ValidationException", "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"),
    ]);
  });
});

describe("LabelParameterVersion", () => {
  beforeAll(async () => {
    const setup = await run([
      { op: "put_parameter", params: { Name: "/l/p", Value: "v1", Type: "String" } },
      { op: "put_parameter", params: { Name: "/l/p", Value: "v2", Overwrite: true } },
      { op: "put_parameter", params: { Name: "/l/p", Value: "v3", Overwrite: true } },
    ]);
    expect(setup.every((r) => "ok" in r)).toBe(true);
  });

  it("labels the latest version by default and moves a label between versions", async () => {
    const [latest, moved, onOne, after] = await run([
      label("/l/p", ["live"]),
      label("/l/p", ["pin"], 1),
      label("/l/p", ["pin", "live"], 2),
      history({ Name: "/l/p" }),
    ]);
    expect(latest).toEqual({ ok: { InvalidLabels: [], ParameterVersion: 3 }, requestId: expect.any(String) });
    expect(moved).toMatchObject({ ok: { InvalidLabels: [], ParameterVersion: 1 } });
    expect(onOne).toMatchObject({ ok: { ParameterVersion: 2 } });
    expect(entriesOf(after).Parameters.map((e) => e.Labels)).toEqual([[], ["pin", "live"], []]);
  });

  it("attaches the valid labels and lists the invalid ones once each, in request order", async () => {
    const [r, after] = await run([
      label("/l/p", ["9bad", "ok.1", "aws-x", "9bad", "has space", "Ssmbad", "a/b", "ok_2"], 3),
      { op: "get_parameter", params: { Name: "/l/p:ok_2" } },
    ]);
    expect(r).toMatchObject({ ok: { InvalidLabels: ["9bad", "aws-x", "has space", "Ssmbad", "a/b"], ParameterVersion: 3 } });
    expect(after).toMatchObject({ ok: { Parameter: { Version: 3, Selector: ":ok_2" } } });
  });

  it("refuses a missing parameter or version, an 11th label, an over-long label and a reserved name", async () => {
    const results = await run([
      label("/l/none", ["x"]),
      label("/l/p", ["x"], 99),
      label("/l/p", Array.from({ length: 10 }, (_, i) => `l${i}`), 1),
      label("/l/p", ["eleventh"], 1),
      label("/l/p", ["x".repeat(101)], 1),
      label("/aws/x", ["x"]),
    ]);
    expect(results[0]).toEqual(NOT_FOUND);
    expect(results[1]).toEqual(awsError("ParameterVersionNotFound", "Systems Manager could not find version 99 of /l/p. Verify the version and try again."));
    expect(results[2]).toMatchObject({ ok: { InvalidLabels: [] } });
    expect(results[3]).toEqual(
      awsError("ParameterVersionLabelLimitExceeded", "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again."),
    );
    expect(results[4]).toEqual(
      awsError(
        "ValidationException",
        `1 validation error detected: Value '[${"x".repeat(101)}]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]`,
      ),
    );
    expect(results[5]).toEqual(awsError("AccessDeniedException", "No access to reserved parameter name: /aws/x."));
  });

  it("works with the aws CLI", async () => {
    const cli = await aws(server.url, ["ssm", "label-parameter-version", "--name", "/l/p", "--parameter-version", "2", "--labels", "cli", "1x"]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.json).toEqual({ InvalidLabels: ["1x"], ParameterVersion: 2 });
  });
});

describe("UnlabelParameterVersion", () => {
  it("removes the labels of that version and lists the rest as invalid", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/u/p", Value: "v1", Type: "String" } },
      { op: "put_parameter", params: { Name: "/u/p", Value: "v2", Overwrite: true } },
      label("/u/p", ["one", "keep"], 1),
      label("/u/p", ["two"], 2),
      unlabel("/u/p", ["one", "two", "never", "bad label", "one"], 1),
      history({ Name: "/u/p" }),
      unlabel("/u/p", ["x"], 9),
      unlabel("/u/none", ["x"], 1),
    ]);
    expect(results[4]).toEqual({ ok: { RemovedLabels: ["one"], InvalidLabels: ["two", "never", "bad label"] }, requestId: expect.any(String) });
    expect(entriesOf(results[5]).Parameters.map((e) => e.Labels)).toEqual([["keep"], ["two"]]);
    expect(results[6]).toEqual(awsError("ParameterVersionNotFound", "Systems Manager could not find version 9 of /u/p. Verify the version and try again."));
    expect(results[7]).toEqual(NOT_FOUND);
  });
});

describe("DeleteParameter and DeleteParameters", () => {
  it("deletes by either spelling, leaves nothing behind, and a recreated parameter starts over", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "gone", Value: "v1", Type: "String", Tags: [{ Key: "k", Value: "v" }] } },
      { op: "put_parameter", params: { Name: "gone", Value: "v2", Overwrite: true } },
      label("gone", ["l"], 1),
      { op: "delete_parameter", params: { Name: "/gone" } },
      { op: "get_parameter", params: { Name: "gone" } },
      { op: "delete_parameter", params: { Name: "gone" } },
      { op: "put_parameter", params: { Name: "/gone", Value: "again", Type: "String" } },
      history({ Name: "gone" }),
      { op: "list_tags_for_resource", params: { ResourceType: "Parameter", ResourceId: "gone" } },
      { op: "delete_parameter", params: { Name: "aws-cdk-playground" } },
    ]);
    expect(results[3]).toEqual({ ok: {}, requestId: expect.any(String) });
    expect(results[4]).toEqual(NOT_FOUND);
    expect(results[5]).toEqual(NOT_FOUND);
    expect(results[6]).toMatchObject({ ok: { Version: 1 } });
    expect(entriesOf(results[7]).Parameters.map((e) => [e.Version, e.Labels, e.Value])).toEqual([[1, [], "again"]]);
    expect(results[8]).toMatchObject({ ok: { TagList: [] } });
    expect(results[9]).toEqual(awsError("AccessDeniedException", "No access to reserved parameter name: aws-cdk-playground."));

    const raw = await rawCall(server.url, "DeleteParameter", { Name: "/never-was" });
    expect([raw.status, raw.text]).toEqual([400, '{"__type":"ParameterNotFound"}']);
    await expect(ssmClient(server.url).send(new DeleteParameterCommand({ Name: "/never-was" }))).rejects.toMatchObject({
      name: "ParameterNotFound",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("deletes what exists and lists the rest, both lists always present", async () => {
    const results = await run([
      { op: "put_parameter", params: { Name: "/d/a", Value: "v", Type: "String" } },
      { op: "put_parameter", params: { Name: "/d/b", Value: "v", Type: "String" } },
      { op: "delete_parameters", params: { Names: ["/d/a", "/d/none", "/d/b", "/d/a"] } },
      { op: "delete_parameters", params: { Names: ["/d/a"] } },
      { op: "get_parameters", params: { Names: ["/d/a", "/d/b"] } },
      { op: "delete_parameters", params: { Names: Array.from({ length: 11 }, (_, i) => `/d/${i}`) } },
    ]);
    expect(results[2]).toEqual({ ok: { DeletedParameters: ["/d/a", "/d/b"], InvalidParameters: ["/d/none"] }, requestId: expect.any(String) });
    expect(results[3]).toMatchObject({ ok: { DeletedParameters: [], InvalidParameters: ["/d/a"] } });
    expect(results[4]).toMatchObject({ ok: { Parameters: [], InvalidParameters: ["/d/a", "/d/b"] } });
    expect(results[5]).toEqual(
      awsError(
        "ValidationException",
        "1 validation error detected: Value '[/d/0, /d/1, /d/2, /d/3, /d/4, /d/5, /d/6, /d/7, /d/8, /d/9, /d/10]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
      ),
    );
  });
});
