import { DescribeParametersCommand, type ParameterStringFilter, type ParametersFilter } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// DescribeParameters through the wire (ssm-parameter-store.md §4.7, §6.2, §6.4, Appendix B).
const ARN = `arn:aws:ssm:us-east-1:${TEST_ACCOUNT_ID}:parameter`;
const ROOT = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;

interface Fixture {
  readonly name: string;
  readonly type: "String" | "StringList" | "SecureString";
  readonly tier: "Standard" | "Advanced";
  readonly tags: Readonly<Record<string, string>>;
}

/** Every parameter this file's server holds, so each filter's expected answer can be computed. */
const fixtures: Fixture[] = [];
const pad = (i: number): string => String(i).padStart(2, "0");
for (let i = 0; i < 40; i++) fixtures.push({ name: `/pg/str/i${pad(i)}`, type: "String", tier: "Standard", tags: i % 3 === 0 ? { team: "red" } : {} });
for (let i = 0; i < 25; i++) fixtures.push({ name: `/pg/sec/s${pad(i)}`, type: "SecureString", tier: "Standard", tags: { team: "blue" } });
for (let i = 0; i < 20; i++) fixtures.push({ name: `/pg/str/deep/d${pad(i)}`, type: "StringList", tier: "Advanced", tags: {} });
fixtures.push({ name: "pg-top", type: "String", tier: "Standard", tags: { team: "green" } });
fixtures.push({ name: "/fp/plain", type: "String", tier: "Standard", tags: {} });
fixtures.push({ name: "/fp/full", type: "String", tier: "Standard", tags: {} });
fixtures.push({ name: "/fp/secret", type: "SecureString", tier: "Standard", tags: {} });
fixtures.push({ name: "/fp/was-secret", type: "String", tier: "Standard", tags: {} });
fixtures.push({ name: "/fp/advanced", type: "String", tier: "Advanced", tags: {} });
fixtures.push({ name: "fp-bare", type: "StringList", tier: "Standard", tags: {} });

const canonical = (name: string): string => (name.startsWith("/") ? name : `/${name}`);
const byKey = (a: string, b: string): number => Buffer.compare(Buffer.from(canonical(a)), Buffer.from(canonical(b)));
const expected = (pred: (f: Fixture) => boolean): string[] => fixtures.filter(pred).map((f) => f.name).sort(byKey);

const POLICIES =
  '[{"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": "2099-12-31T00:00:00.000Z"}}, {"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"30","Unit":"Days"}}]';

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
  const calls: Boto3Call[] = [];
  for (const f of fixtures.filter((f) => f.name.startsWith("/pg") || f.name.startsWith("pg"))) {
    const tags = Object.entries(f.tags).map(([Key, Value]) => ({ Key, Value }));
    calls.push({
      op: "put_parameter",
      params: { Name: f.name, Type: f.type, Value: "a,b", Tier: f.tier, ...(tags.length > 0 ? { Tags: tags } : {}) },
    });
  }
  calls.push(
    { op: "put_parameter", params: { Name: "/fp/plain", Type: "String", Value: "one" } },
    { op: "put_parameter", params: { Name: "/fp/plain", Value: "two", Overwrite: true } },
    { op: "put_parameter", params: { Name: "/fp/full", Type: "String", Value: "v1", Description: "the full one", AllowedPattern: "^v.*$" } },
    { op: "put_parameter", params: { Name: "/fp/secret", Type: "SecureString", Value: "s3cr3t-canary" } },
    { op: "put_parameter", params: { Name: "/fp/was-secret", Type: "SecureString", Value: "x" } },
    { op: "put_parameter", params: { Name: "/fp/was-secret", Type: "String", Value: "y", Overwrite: true } },
    { op: "put_parameter", params: { Name: "/fp/advanced", Type: "String", Value: "v", Tier: "Advanced", Policies: POLICIES } },
    { op: "put_parameter", params: { Name: "fp-bare", Type: "StringList", Value: "a,b" } },
  );
  const results = await boto3(server.url, calls);
  const failed = results.filter((r) => !("ok" in r));
  if (failed.length > 0) throw new Error(`fixture puts failed: ${JSON.stringify(failed)}`);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

interface Paged {
  readonly names: string[];
  readonly pageSizes: number[];
}

/** Follows NextToken with SDK v3 until it is absent; fails on a page larger than asked. */
async function describeAll(
  query: { ParameterFilters?: ParameterStringFilter[]; Filters?: ParametersFilter[] },
  maxResults?: number,
): Promise<Paged> {
  const ssm = ssmClient(server.url);
  const names: string[] = [];
  const pageSizes: number[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(new DescribeParametersCommand({ ...query, ...(maxResults === undefined ? {} : { MaxResults: maxResults }), NextToken }));
    const list = page.Parameters ?? [];
    expect(list.length).toBeLessThanOrEqual(maxResults ?? 10);
    names.push(...list.map((p) => p.Name ?? "?"));
    pageSizes.push(list.length);
    NextToken = page.NextToken;
    if (NextToken !== undefined) expect(NextToken).not.toBe("");
  } while (NextToken !== undefined);
  return { names, pageSizes };
}

describe("DescribeParameters output", () => {
  it("shows each parameter's metadata with exactly the members AWS sends", async () => {
    const [r] = await boto3(server.url, [
      { op: "describe_parameters", params: { ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: ["/fp/"] }] } },
    ]);
    const list = (r as { ok: { Parameters: Array<Record<string, unknown>> } }).ok.Parameters;
    const byName = new Map(list.map((p) => [p["Name"], p]));
    expect([...byName.keys()]).toEqual(["/fp/advanced", "/fp/full", "/fp/plain", "/fp/secret", "/fp/was-secret"]);
    const common = ["ARN", "DataType", "LastModifiedDate", "LastModifiedUser", "Name", "Policies", "Tier", "Type", "Version"];
    const keys = (name: string): string[] => Object.keys(byName.get(name) ?? {}).sort();

    expect(keys("/fp/plain")).toEqual(common);
    expect(byName.get("/fp/plain")).toMatchObject({
      Name: "/fp/plain",
      ARN: `${ARN}/fp/plain`,
      Type: "String",
      LastModifiedUser: ROOT,
      Version: 2,
      Tier: "Standard",
      Policies: [],
      DataType: "text",
    });
    expect(typeof byName.get("/fp/plain")?.["LastModifiedDate"]).toBe("number");

    expect(keys("/fp/full")).toEqual([...common, "AllowedPattern", "Description"].sort());
    expect(byName.get("/fp/full")).toMatchObject({ Description: "the full one", AllowedPattern: "^v.*$" });

    expect(keys("/fp/secret")).toEqual([...common, "KeyId"].sort());
    expect(byName.get("/fp/secret")).toMatchObject({ Type: "SecureString", KeyId: "alias/aws/ssm" });

    // A SecureString overwritten as String loses its KeyId (§3.5).
    expect(keys("/fp/was-secret")).toEqual(common);
    expect(byName.get("/fp/was-secret")).toMatchObject({ Type: "String", Version: 2 });

    expect(byName.get("/fp/advanced")?.["Tier"]).toBe("Advanced");
    // AWS does not promise the order of policies here (policies §1.4): compare them sorted.
    const policies = [...((byName.get("/fp/advanced")?.["Policies"] ?? []) as Array<{ PolicyType: string }>)];
    expect(policies.sort((a, b) => a.PolicyType.localeCompare(b.PolicyType))).toEqual([
      {
        PolicyText: '{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2099-12-31T00:00:00.000Z"}}',
        PolicyType: "Expiration",
        PolicyStatus: "Pending",
      },
      {
        PolicyText: '{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"30","Unit":"Days"}}',
        PolicyType: "NoChangeNotification",
        PolicyStatus: "Pending",
      },
    ]);
  });

  it("shows a top-level parameter under the spelling it was created with", async () => {
    const [withSlash, without] = await boto3(server.url, [
      { op: "describe_parameters", params: { ParameterFilters: [{ Key: "Name", Values: ["/fp-bare"] }] } },
      { op: "describe_parameters", params: { ParameterFilters: [{ Key: "Name", Values: ["fp-bare"] }] } },
    ]);
    for (const r of [withSlash, without]) {
      expect(r).toMatchObject({ ok: { Parameters: [{ Name: "fp-bare", ARN: `${ARN}/fp-bare`, Type: "StringList" }] } });
    }
  });

  it("never sends a value, and sends epoch-second numbers on the wire", async () => {
    const r = await signedJson(server.url, JSON.stringify({ ParameterFilters: [{ Key: "Name", Values: ["/fp/secret"] }] }), {
      target: "AmazonSSM.DescribeParameters",
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(r.text).not.toContain("s3cr3t-canary");
    expect(r.text).not.toContain('"Value"');
    expect(r.text).not.toContain("NextToken");
    const [p] = (r.json?.["Parameters"] ?? []) as Array<Record<string, unknown>>;
    expect(typeof p?.["LastModifiedDate"]).toBe("number");
  });

  it("answers SDK v3 with Date objects and typed members", async () => {
    const out = await ssmClient(server.url).send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Values: ["/fp/secret"] }] }));
    expect(out.Parameters?.[0]?.LastModifiedDate).toBeInstanceOf(Date);
    expect(out.Parameters?.[0]?.KeyId).toBe("alias/aws/ssm");
    expect(out.NextToken).toBeUndefined();
  });

  it("lists nothing for Shared=true: no other account shares with this one", async () => {
    const [r] = await boto3(server.url, [{ op: "describe_parameters", params: { Shared: true } }]);
    expect(r).toEqual({ ok: { Parameters: [] }, requestId: expect.any(String) });
  });
});

describe("DescribeParameters paging and filters", () => {
  it("pages everything in name order, 10 per page by default, with no token on the last page", async () => {
    const all = await describeAll({});
    expect(all.names).toEqual(expected(() => true));
    expect(all.pageSizes.slice(0, -1).every((n) => n === 10)).toBe(true);
    const odd = await describeAll({}, 7);
    expect(odd.names).toEqual(expected(() => true));
    const exact = await describeAll({ ParameterFilters: [{ Key: "Path", Option: "Recursive", Values: ["/pg/str"] }] }, 20);
    expect(exact.pageSizes).toEqual([20, 20, 20]);
  });

  it.each<[string, ParameterStringFilter[], (f: Fixture) => boolean]>([
    ["Name BeginsWith", [{ Key: "Name", Option: "BeginsWith", Values: ["/pg/str/"] }], (f) => f.name.startsWith("/pg/str/")],
    ["Name BeginsWith without the slash of a top-level name", [{ Key: "Name", Option: "BeginsWith", Values: ["pg-"] }], (f) => f.name === "pg-top"],
    ["Name BeginsWith, several values", [{ Key: "Name", Option: "BeginsWith", Values: ["/pg/sec/s1", "/fp/"] }], (f) => f.name.startsWith("/pg/sec/s1") || f.name.startsWith("/fp/")],
    ["Name Equals, either spelling, missing names ignored", [{ Key: "Name", Values: ["/pg/sec/s03", "/pg-top", "/pg/none"] }], (f) => ["/pg/sec/s03", "pg-top"].includes(f.name)],
    ["Name Contains", [{ Key: "Name", Option: "Contains", Values: ["deep/d1"] }], (f) => f.name.includes("deep/d1")],
    ["Path OneLevel (default)", [{ Key: "Path", Values: ["/pg/str"] }], (f) => /^\/pg\/str\/[^/]+$/.test(f.name)],
    ["Path OneLevel with a trailing slash", [{ Key: "Path", Option: "OneLevel", Values: ["/pg/str/"] }], (f) => /^\/pg\/str\/[^/]+$/.test(f.name)],
    ["Path Recursive", [{ Key: "Path", Option: "Recursive", Values: ["/pg"] }], (f) => f.name.startsWith("/pg/")],
    ["Path OneLevel /", [{ Key: "Path", Option: "OneLevel", Values: ["/"] }], (f) => !canonical(f.name).slice(1).includes("/")],
    ["Type Equals", [{ Key: "Type", Values: ["SecureString"] }], (f) => f.type === "SecureString"],
    ["Type Equals, several values", [{ Key: "Type", Values: ["StringList", "SecureString"] }], (f) => f.type !== "String"],
    ["Type BeginsWith", [{ Key: "Type", Option: "BeginsWith", Values: ["String"] }], (f) => f.type !== "SecureString"],
    ["KeyId Equals", [{ Key: "KeyId", Values: ["alias/aws/ssm"] }], (f) => f.type === "SecureString"],
    ["KeyId BeginsWith", [{ Key: "KeyId", Option: "BeginsWith", Values: ["alias/"] }], (f) => f.type === "SecureString"],
    ["Tier Equals", [{ Key: "Tier", Values: ["Advanced"] }], (f) => f.tier === "Advanced"],
    ["Tier BeginsWith", [{ Key: "Tier", Option: "BeginsWith", Values: ["Standard"] }], (f) => f.tier === "Standard"],
    ["DataType Equals text", [{ Key: "DataType", Values: ["text"] }], () => true],
    ["DataType Equals aws:ec2:image", [{ Key: "DataType", Values: ["aws:ec2:image"] }], () => false],
    ["tag Equals", [{ Key: "tag:team", Values: ["red"] }], (f) => f.tags["team"] === "red"],
    ["tag BeginsWith", [{ Key: "tag:team", Option: "BeginsWith", Values: ["bl", "gr"] }], (f) => ["blue", "green"].includes(f.tags["team"] ?? "")],
    ["tag key present (no values)", [{ Key: "tag:team" }], (f) => f.tags["team"] !== undefined],
    [
      "several filters, ANDed",
      [
        { Key: "Path", Option: "Recursive", Values: ["/pg"] },
        { Key: "Type", Values: ["String"] },
        { Key: "tag:team", Values: ["red"] },
      ],
      (f) => f.name.startsWith("/pg/") && f.type === "String" && f.tags["team"] === "red",
    ],
  ])("pages through %s", async (_label, ParameterFilters, pred) => {
    const want = expected(pred);
    const paged = await describeAll({ ParameterFilters }, 7);
    expect(paged.names).toEqual(want);
    const whole = await describeAll({ ParameterFilters }, 50);
    expect(whole.names).toEqual(want);
  });

  it.each<[string, ParametersFilter[], (f: Fixture) => boolean]>([
    ["Name (a prefix match)", [{ Key: "Name", Values: ["/pg/sec/"] }], (f) => f.name.startsWith("/pg/sec/")],
    ["Type", [{ Key: "Type", Values: ["StringList"] }], (f) => f.type === "StringList"],
    ["KeyId", [{ Key: "KeyId", Values: ["alias/aws/ssm"] }], (f) => f.type === "SecureString"],
    ["Name and Type", [{ Key: "Name", Values: ["/fp/"] }, { Key: "Type", Values: ["String"] }], (f) => f.name.startsWith("/fp/") && f.type === "String"],
  ])("pages through the legacy %s filter", async (_label, Filters, pred) => {
    expect((await describeAll({ Filters }, 6)).names).toEqual(expected(pred));
  });

  it("pages with the aws CLI, which follows NextToken itself", async () => {
    const r = await aws(server.url, [
      "ssm",
      "describe-parameters",
      "--parameter-filters",
      "Key=Path,Option=Recursive,Values=/pg/str",
      "Key=tag:team,Values=red",
      "--page-size",
      "4",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const names = (r.json as { Parameters: Array<{ Name: string }> }).Parameters.map((p) => p.Name);
    expect(names).toEqual(expected((f) => f.name.startsWith("/pg/str/") && f.tags["team"] === "red"));
  });
});

describe("DescribeParameters errors", () => {
  const filter = (...ParameterFilters: Array<Record<string, unknown>>): Boto3Call => ({ op: "describe_parameters", params: { ParameterFilters } });

  it("answers bad filters with AWS's codes and texts", async () => {
    const cases: Array<[Boto3Call, string, string]> = [
      [filter({ Key: "Label", Values: ["prod"] }), "InvalidFilterKey", "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier]."],
      [
        filter({ Key: "Type", Values: ["String"] }, { Key: "Type", Values: ["SecureString"] }),
        "InvalidFilterKey",
        "The following filter is duplicated in the request: Type. A request can contain only one occurrence of a specific filter.",
      ],
      [filter({ Key: "Type" }), "InvalidFilterValue", "The following filter values are missing : null for filter key Type."],
      [filter({ Key: "KeyId" }), "InvalidFilterValue", "The following filter values are missing : null for filter key KeyId."],
      [filter({ Key: "Type", Option: "Contains", Values: ["String"] }), "InvalidFilterOption", "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals]."],
      [filter({ Key: "Path", Option: "Equals", Values: ["/pg"] }), "InvalidFilterOption", "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel]."],
      [filter({ Key: "Name", Option: "Like", Values: ["x"] }), "InvalidFilterOption", "The following filter option is not valid: Like. Valid options include: [BeginsWith, Equals, Contains]."],
      [filter({ Key: "tag:team", Option: "Contains", Values: ["x"] }), "InvalidFilterOption", "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals]."],
      [filter({ Key: "Type", Values: ["test"] }), "InvalidFilterValue", "The following filter value is not valid: test. Valid values include: [String, StringList, SecureString]."],
      [filter({ Key: "Tier", Values: ["Premium"] }), "InvalidFilterValue", "The following filter value is not valid: Premium. Valid values include: [Standard, Advanced, Intelligent-Tiering]."],
      [filter({ Key: "DataType", Values: ["json"] }), "InvalidFilterValue", "The following filter value is not valid: json. Valid values include: [text, aws:ec2:image, aws:ssm:integration]."],
      [
        filter({ Key: "Path", Values: ["no-slash"] }),
        "ValidationException",
        `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`,
      ],
      [
        filter({ Key: "Path", Values: ["/aws/x"] }),
        "ValidationException",
        `Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`,
      ],
      [
        filter({ Key: "Bogus", Values: ["x"] }),
        "ValidationException",
        "1 validation error detected: Value 'Bogus' at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType",
      ],
      [
        { op: "describe_parameters", params: { Filters: [{ Key: "Name", Values: ["/pg"] }], ParameterFilters: [{ Key: "Type", Values: ["String"] }] } },
        "ValidationException",
        "You can use either Filters or ParameterFilters in a single request.",
      ],
      [
        { op: "describe_parameters", params: { MaxResults: 51 } },
        "ValidationException",
        "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
      ],
      [{ op: "describe_parameters", params: { NextToken: "garbage-token" } }, "InvalidNextToken", "The following token is invalid: garbage-token."],
    ];
    const results = await boto3(server.url, cases.map(([call]) => call));
    results.forEach((r, i) => {
      const [, code, message] = cases[i] ?? [];
      expect(r, `case ${i}: ${code}`).toEqual({ error: { code, message, status: 400 } });
    });
  });

  it("refuses a token issued for another query, and accepts it for its own", async () => {
    const first = await ssmClient(server.url).send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }], MaxResults: 5 }),
    );
    const token = first.NextToken ?? "";
    expect(token).not.toBe("");
    const [other, same] = await boto3(server.url, [
      { op: "describe_parameters", params: { ParameterFilters: [{ Key: "Type", Values: ["String"] }], NextToken: token } },
      { op: "describe_parameters", params: { ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }], NextToken: token, MaxResults: 5 } },
    ]);
    expect(other).toEqual({ error: { code: "InvalidNextToken", message: `The following token is invalid: ${token}.`, status: 400 } });
    const names = (same as { ok: { Parameters: Array<{ Name: string }> } }).ok.Parameters.map((p) => p.Name);
    expect(names).toEqual(expected((f) => f.type === "SecureString").slice(5, 10));
  });

  it("sends each filter error under the message key AWS uses", async () => {
    const send = (body: unknown) => signedJson(server.url, JSON.stringify(body), { target: "AmazonSSM.DescribeParameters" });
    const key = await send({ ParameterFilters: [{ Key: "Label", Values: ["x"] }] });
    const option = await send({ ParameterFilters: [{ Key: "Type", Option: "Contains", Values: ["String"] }] });
    const value = await send({ ParameterFilters: [{ Key: "Type" }] });
    const token = await send({ NextToken: "nope" });
    expect([key.status, option.status, value.status, token.status]).toEqual([400, 400, 400, 400]);
    expect(Object.keys(key.json ?? {})).toEqual(["__type", "Message"]);
    expect(Object.keys(option.json ?? {})).toEqual(["__type", "message"]);
    expect(value.json).toEqual({ __type: "InvalidFilterValue", Message: "The following filter values are missing : null for filter key Type." });
    expect(token.json).toEqual({ __type: "InvalidNextToken", Message: "The following token is invalid: nope." });
  });

  it("gives SDK v3 the error by name", async () => {
    await expect(
      ssmClient(server.url).send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Label", Values: ["x"] }] })),
    ).rejects.toMatchObject({ name: "InvalidFilterKey", $metadata: { httpStatusCode: 400 } });
  });
});
