import { DescribeParametersCommand, type ParameterStringFilter } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// Each DescribeParameters request examines a bounded number of rows (500): a sparse filter over a
// larger store answers short pages with a NextToken, as AWS does (ssm-parameter-store.md §4.7).
const COUNT = 520;
const names = Array.from({ length: COUNT }, (_, i) => `/bulk/p${String(i).padStart(3, "0")}`);
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
  const calls: Boto3Call[] = names.map((Name) => ({ op: "put_parameter", params: { Name, Type: "String", Value: "v" } }));
  for (const name of ["/bulk/p000", "/bulk/p519"]) {
    calls.push({ op: "add_tags_to_resource", params: { ResourceType: "Parameter", ResourceId: name, Tags: [{ Key: "rare", Value: "yes" }] } });
  }
  const results = await boto3(server.url, calls);
  const failed = results.filter((r) => !("ok" in r));
  if (failed.length > 0) throw new Error(`fixtures failed: ${JSON.stringify(failed.slice(0, 3))}`);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

async function pages(ParameterFilters: ParameterStringFilter[] | undefined, MaxResults: number): Promise<string[][]> {
  const ssm = ssmClient(server.url);
  const out: string[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(new DescribeParametersCommand({ ParameterFilters, MaxResults, NextToken }));
    out.push((page.Parameters ?? []).map((p) => p.Name ?? "?"));
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return out;
}

describe("DescribeParameters over a store larger than one request's row budget", () => {
  it("answers a sparse filter with a short page and a NextToken, then the rest", async () => {
    expect(await pages([{ Key: "tag:rare", Values: ["yes"] }], 50)).toEqual([["/bulk/p000"], ["/bulk/p519"]]);
  });

  it("answers a filter matching nothing with one empty page per budget, never a token at the end", async () => {
    expect(await pages([{ Key: "Type", Values: ["SecureString"] }], 50)).toEqual([[], []]);
  });

  it("fills every page when the filter is pushed down to the index", async () => {
    expect(await pages([{ Key: "Name", Option: "BeginsWith", Values: ["/bulk/p51"] }], 50)).toEqual([names.slice(510)]);
    const all = await pages([{ Key: "Path", Values: ["/bulk"] }], 50);
    expect(all.map((p) => p.length)).toEqual([50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 20]);
    expect(all.flat()).toEqual(names);
  });
});
