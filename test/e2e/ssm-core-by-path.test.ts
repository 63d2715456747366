import { paginateGetParametersByPath, PutParameterCommand, type Parameter } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";
import { awsError, expectParameterMembers, okOf, type WireParameter } from "./ssm-core-support.js";

// GetParametersByPath through the real wire (ssm-parameter-store.md §4.4, §6.3).
let server: ServerHandle;
const run = (calls: readonly Boto3Call[]) => boto3(server.url, calls);
const byPath = (params: Record<string, unknown>): Boto3Call => ({ op: "get_parameters_by_path", params });

interface Page {
  readonly Parameters: WireParameter[];
  readonly NextToken?: string;
}
const pageOf = (r: Parameters<typeof okOf>[0]) => okOf<Page>(r);
const names = (r: Parameters<typeof okOf>[0]) => pageOf(r).Parameters.map((p) => p.Name);
const pad = (i: number) => String(i).padStart(2, "0");

beforeAll(async () => {
  server = await startServer();
  const ssm = ssmClient(server.url);
  const put = (Name: string, Value: string, Type: "String" | "StringList" | "SecureString", Overwrite = false) =>
    ssm.send(new PutParameterCommand({ Name, Value, Type, Overwrite }));
  await put("/svc/a", "a1", "String");
  await ssm.send(new PutParameterCommand({ Name: "/svc/a", Value: "a2", Overwrite: true }));
  await put("/svc/b", "b-secret", "SecureString");
  await put("/svc/c", "c1,c2", "StringList");
  await put("/svc/deep/x", "x", "String");
  await put("/svc/deep/y/z", "z", "String");
  await put("/svcx/other", "o", "String");
  await put("/svc", "the path itself", "String");
  await put("tl1", "top", "String");
  await put("/tl2", "top", "String");
  for (let i = 0; i < 25; i++) await put(`/page/p${pad(i)}`, `v${i}`, i % 2 === 0 ? "String" : "StringList");
  for (let i = 0; i < 20; i++) await put(`/exact/p${pad(i)}`, `v${i}`, "String");
  const [label] = await run([{ op: "label_parameter_version", params: { Name: "/svc/a", ParameterVersion: 1, Labels: ["prod"] } }]);
  expect(label).toMatchObject({ ok: { ParameterVersion: 1 } });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("GetParametersByPath lists", () => {
  it("one level below the path, or every descendant when recursive, in name order", async () => {
    const [oneLevel, trailing, recursive, root, secret] = await run([
      byPath({ Path: "/svc" }),
      byPath({ Path: "/svc/" }),
      byPath({ Path: "/svc", Recursive: true }),
      byPath({ Path: "/" }),
      byPath({ Path: "/svc", WithDecryption: true }),
    ]);
    expect(names(oneLevel)).toEqual(["/svc/a", "/svc/b", "/svc/c"]);
    expect(pageOf(oneLevel).NextToken).toBeUndefined();
    expect(names(trailing)).toEqual(["/svc/a", "/svc/b", "/svc/c"]);
    expect(names(recursive)).toEqual(["/svc/a", "/svc/b", "/svc/c", "/svc/deep/x", "/svc/deep/y/z"]);
    // Top-level names are echoed as they were created.
    expect(names(root)).toEqual(["/svc", "tl1", "/tl2"]);

    const listed = pageOf(oneLevel).Parameters;
    for (const p of listed) expectParameterMembers(p, false);
    expect(listed[0]).toMatchObject({ Name: "/svc/a", Value: "a2", Version: 2, Type: "String", DataType: "text" });
    expect(listed[1]?.Value).not.toBe("b-secret");
    expect(pageOf(secret).Parameters[1]).toMatchObject({ Name: "/svc/b", Value: "b-secret", Type: "SecureString" });
  });

  it("narrows by Type and KeyId, and lists the labelled version for a Label filter", async () => {
    const [secure, strings, keyId, label] = await run([
      byPath({ Path: "/svc", Recursive: true, ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Type", Option: "BeginsWith", Values: ["String"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "KeyId", Values: ["alias/aws/ssm"] }] }),
      byPath({ Path: "/svc", Recursive: true, ParameterFilters: [{ Key: "Label", Values: ["prod"] }] }),
    ]);
    expect(names(secure)).toEqual(["/svc/b"]);
    expect(names(strings)).toEqual(["/svc/a", "/svc/c"]);
    expect(names(keyId)).toEqual(["/svc/b"]);
    const labelled = pageOf(label).Parameters;
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toMatchObject({ Name: "/svc/a", Version: 1, Value: "a1" });
    expectParameterMembers(labelled[0] ?? {}, false);
  });

  it("serves /aws/service paths (empty: no public dataset is shipped)", async () => {
    const [r] = await run([byPath({ Path: "/aws/service/global-infrastructure", Recursive: true })]);
    expect(r).toMatchObject({ ok: { Parameters: [] } });
    expect(pageOf(r).NextToken).toBeUndefined();
  });
});

describe("GetParametersByPath refuses", () => {
  it("malformed and reserved paths with AWS's text", async () => {
    const INVALID_PATH = awsError(
      "ValidationException",
      `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`,
    );
    const results = await run(["svc", "/a//b", "/ssm/x", "/aws/x", "/aws/reference/secretsmanager", "/bad path"].map((Path) => byPath({ Path })));
    expect(results).toEqual(Array(6).fill(INVALID_PATH));
  });

  it("filters other than Type, KeyId and Label, and their bad options and values", async () => {
    const results = await run([
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Name", Values: ["x"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Label", Option: "BeginsWith", Values: ["x"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Type", Option: "Contains", Values: ["String"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Label", Values: ["a", "b"] }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Type" }] }),
      byPath({ Path: "/svc", ParameterFilters: [{ Key: "Foo", Values: ["x"] }] }),
      byPath({ Path: "/svc", MaxResults: 11 }),
    ]);
    expect(results).toEqual([
      awsError("InvalidFilterKey", "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label]."),
      awsError("InvalidFilterOption", "The following filter option is not valid: BeginsWith. Valid options include: [Equals]."),
      awsError("InvalidFilterOption", "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals]."),
      awsError("InvalidFilterValue", "The following filter Label can have only one value"),
      awsError("InvalidFilterValue", "The following filter values are missing : null for filter key Type."),
      awsError(
        "ValidationException",
        "1 validation error detected: Value 'Foo' at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType",
      ),
      awsError("ValidationException", "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10"),
    ]);
  });
});

describe("GetParametersByPath pages", () => {
  it("through 25 parameters 10 at a time, with no NextToken on the last page", async () => {
    const [first] = await run([byPath({ Path: "/page", MaxResults: 10 })]);
    const [second] = await run([byPath({ Path: "/page", MaxResults: 10, NextToken: pageOf(first).NextToken })]);
    const [third] = await run([byPath({ Path: "/page", MaxResults: 10, NextToken: pageOf(second).NextToken })]);
    expect([first, second, third].map((r) => pageOf(r).Parameters.length)).toEqual([10, 10, 5]);
    expect(pageOf(first).NextToken).toEqual(expect.any(String));
    expect(pageOf(third).NextToken).toBeUndefined();
    expect([first, second, third].flatMap(names)).toEqual(Array.from({ length: 25 }, (_, i) => `/page/p${pad(i)}`));
  });

  it("ends exactly on a full page without a NextToken (default page size 10)", async () => {
    const [first] = await run([byPath({ Path: "/exact" })]);
    const [second] = await run([byPath({ Path: "/exact", NextToken: pageOf(first).NextToken })]);
    expect(names(first)).toHaveLength(10);
    expect(names(second)).toEqual(Array.from({ length: 10 }, (_, i) => `/exact/p${pad(i + 10)}`));
    expect(pageOf(second).NextToken).toBeUndefined();
  });

  it("pages a filtered listing to its end", async () => {
    const ssm = ssmClient(server.url);
    const seen: Parameter[] = [];
    let pages = 0;
    for await (const page of paginateGetParametersByPath(
      { client: ssm, pageSize: 5 },
      { Path: "/page", ParameterFilters: [{ Key: "Type", Values: ["StringList"] }] },
    )) {
      pages++;
      seen.push(...(page.Parameters ?? []));
    }
    expect(seen.map((p) => p.Name)).toEqual(Array.from({ length: 12 }, (_, i) => `/page/p${pad(2 * i + 1)}`));
    expect(pages).toBe(3);
  });

  it("rejects a forged token and a token of another query", async () => {
    const [first] = await run([byPath({ Path: "/page", MaxResults: 10 })]);
    const token = pageOf(first).NextToken ?? "";
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "AB" : "AA"}`;
    const results = await run([
      byPath({ Path: "/page", NextToken: "fixture-invalid-token" }),
      byPath({ Path: "/exact", MaxResults: 10, NextToken: token }),
      byPath({ Path: "/page", Recursive: true, MaxResults: 10, NextToken: token }),
      byPath({ Path: "/page", MaxResults: 10, NextToken: tampered }),
      byPath({ Path: "/page", MaxResults: 5, NextToken: token }),
    ]);
    expect(results.slice(0, 4)).toEqual([
      awsError("InvalidNextToken", "The following token is invalid: fixture-invalid-token."),
      awsError("InvalidNextToken", `The following token is invalid: ${token}.`),
      awsError("InvalidNextToken", `The following token is invalid: ${token}.`),
      awsError("InvalidNextToken", `The following token is invalid: ${tampered}.`),
    ]);
    // MaxResults is not part of the query: a token may continue with another page size.
    expect(names(results[4])).toEqual(Array.from({ length: 5 }, (_, i) => `/page/p${pad(i + 10)}`));
  });

  it("lets the aws CLI follow NextToken to the end", async () => {
    const cli = await aws(server.url, ["ssm", "get-parameters-by-path", "--path", "/page", "--page-size", "4"]);
    expect(cli.status, cli.stderr).toBe(0);
    const listed = (cli.json as { Parameters: Array<{ Name: string }> }).Parameters.map((p) => p.Name);
    expect(listed).toEqual(Array.from({ length: 25 }, (_, i) => `/page/p${pad(i)}`));
  });
});
