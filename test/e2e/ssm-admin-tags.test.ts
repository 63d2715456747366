import { AddTagsToResourceCommand, ListTagsForResourceCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, type ServerHandle } from "../support/server-process.js";

// AddTagsToResource, RemoveTagsFromResource, ListTagsForResource (ssm-parameter-store.md §4.11).
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
  const puts = ["/tg/order", "tg-top", "/tg/limit", "/tg/bulk", "/tg/remove", "/tg/cli", "/tg/sdk", "/tg/kept", "/tg/recreated"].map(
    (Name): Boto3Call => ({ op: "put_parameter", params: { Name, Type: "String", Value: "v" } }),
  );
  puts.push({ op: "put_parameter", params: { Name: "/tg/born-tagged", Type: "String", Value: "v", Tags: [{ Key: "z", Value: "1" }, { Key: "a", Value: "2" }] } });
  const results = await boto3(server.url, puts);
  const failed = results.filter((r) => !("ok" in r));
  if (failed.length > 0) throw new Error(`fixture puts failed: ${JSON.stringify(failed)}`);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const add = (ResourceId: string, tags: Record<string, string>, ResourceType = "Parameter"): Boto3Call => ({
  op: "add_tags_to_resource",
  params: { ResourceType, ResourceId, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
});
const remove = (ResourceId: string, TagKeys: string[], ResourceType = "Parameter"): Boto3Call => ({
  op: "remove_tags_from_resource",
  params: { ResourceType, ResourceId, TagKeys },
});
const list = (ResourceId: string, ResourceType = "Parameter"): Boto3Call => ({ op: "list_tags_for_resource", params: { ResourceType, ResourceId } });
const tagList = (r: unknown): Array<[string, string]> =>
  ((r as { ok: { TagList: Array<{ Key: string; Value: string }> } }).ok.TagList ?? []).map((t) => [t.Key, t.Value]);

describe("tags on a parameter", () => {
  it("keeps insertion order, overwrites a value in place and appends new keys", async () => {
    const [a1, first, a2, second] = await boto3(server.url, [
      add("/tg/order", { b: "1", a: "2", c: "3" }),
      list("/tg/order"),
      add("/tg/order", { new: "", a: "20" }),
      list("/tg/order"),
    ]);
    expect(a1).toEqual({ ok: {}, requestId: expect.any(String) });
    expect(tagList(first)).toEqual([["b", "1"], ["a", "2"], ["c", "3"]]);
    expect(a2).toMatchObject({ ok: {} });
    expect(tagList(second)).toEqual([["b", "1"], ["a", "20"], ["c", "3"], ["new", ""]]);
  });

  it("treats both spellings of a top-level name as one resource", async () => {
    const [, , viaBare, viaSlash] = await boto3(server.url, [
      add("tg-top", { one: "1" }),
      add("/tg-top", { two: "2" }),
      list("tg-top"),
      list("/tg-top"),
    ]);
    expect(tagList(viaBare)).toEqual([["one", "1"], ["two", "2"]]);
    expect(tagList(viaSlash)).toEqual([["one", "1"], ["two", "2"]]);
  });

  it("removes the named keys and ignores keys the resource does not carry", async () => {
    const [, removed, after, readded, last] = await boto3(server.url, [
      add("/tg/remove", { a: "1", b: "2", c: "3" }),
      remove("/tg/remove", ["a", "missing"]),
      list("/tg/remove"),
      add("/tg/remove", { a: "back" }),
      list("/tg/remove"),
    ]);
    expect(removed).toEqual({ ok: {}, requestId: expect.any(String) });
    expect(tagList(after)).toEqual([["b", "2"], ["c", "3"]]);
    expect(readded).toMatchObject({ ok: {} });
    expect(tagList(last)).toEqual([["b", "2"], ["c", "3"], ["a", "back"]]);
  });

  it("lists tags given at creation, and an empty TagList for an untagged parameter", async () => {
    const [born, plain] = await boto3(server.url, [list("/tg/born-tagged"), list("/tg/kept")]);
    expect(tagList(born)).toEqual([["z", "1"], ["a", "2"]]);
    expect(plain).toEqual({ ok: { TagList: [] }, requestId: expect.any(String) });
  });

  it("keeps tags across an overwrite and drops them with the parameter", async () => {
    const results = await boto3(server.url, [
      add("/tg/kept", { k: "v" }),
      { op: "put_parameter", params: { Name: "/tg/kept", Value: "v2", Overwrite: true } },
      list("/tg/kept"),
      add("/tg/recreated", { k: "v" }),
      { op: "delete_parameter", params: { Name: "/tg/recreated" } },
      list("/tg/recreated"),
      { op: "put_parameter", params: { Name: "/tg/recreated", Type: "String", Value: "again" } },
      list("/tg/recreated"),
    ]);
    expect(tagList(results[2])).toEqual([["k", "v"]]);
    expect(results[5]).toEqual({ error: { code: "InvalidResourceId", message: "", status: 400 } });
    expect(tagList(results[7])).toEqual([]);
  });

  it("allows 50 tags, refuses the 51st key and changes nothing, but still overwrites at 50", async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `${i}`]));
    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, `${i}`]));
    const [full, tooMany, overwrite, listed, bulk, bulkListed] = await boto3(server.url, [
      add("/tg/limit", fifty),
      add("/tg/limit", { extra: "x", k0: "changed" }),
      add("/tg/limit", { k0: "zero", k49: "last" }),
      list("/tg/limit"),
      add("/tg/bulk", fiftyOne),
      list("/tg/bulk"),
    ]);
    expect(full).toMatchObject({ ok: {} });
    expect(tooMany).toEqual({ error: { code: "TooManyTagsError", message: "", status: 400 } });
    expect(overwrite).toMatchObject({ ok: {} });
    const tags = tagList(listed);
    expect(tags).toHaveLength(50);
    expect(tags[0]).toEqual(["k0", "zero"]);
    expect(tags[49]).toEqual(["k49", "last"]);
    expect(tags.some(([k]) => k === "extra")).toBe(false);
    expect(bulk).toEqual({ error: { code: "TooManyTagsError", message: "", status: 400 } });
    expect(tagList(bulkListed)).toEqual([]);
  });
});

describe("tagging errors", () => {
  it("answers InvalidResourceId for a missing parameter, a bad name and other resource types", async () => {
    const calls = [
      add("/tg/missing", { a: "1" }),
      remove("/tg/missing", ["a"]),
      list("/tg/missing"),
      list("/tg bad name"),
      list("tg/no-leading-slash"),
      list("/tg/order", "Document"),
      add("/tg/order", { a: "1" }, "ManagedInstance"),
      remove("/tg/order", ["a"], "MaintenanceWindow"),
    ];
    const results = await boto3(server.url, calls);
    results.forEach((r, i) => expect(r, `call ${i}`).toEqual({ error: { code: "InvalidResourceId", message: "", status: 400 } }));
  });

  it("sends InvalidResourceId and TooManyTagsError with no message member at all", async () => {
    const missing = await signedJson(server.url, JSON.stringify({ ResourceType: "Parameter", ResourceId: "/tg/missing" }), {
      target: "AmazonSSM.ListTagsForResource",
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toBe('{"__type":"InvalidResourceId"}');
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `x${i}`, Value: "" }));
    const tooMany = await signedJson(server.url, JSON.stringify({ ResourceType: "Parameter", ResourceId: "/tg/bulk", Tags: tags }), {
      target: "AmazonSSM.AddTagsToResource",
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toBe('{"__type":"TooManyTagsError"}');
  });

  // The enum list is in Coral's hash-set order, as the model validator renders it (src/model/coral-order.ts).
  it("validates the resource type and the tags against the model", async () => {
    const [badType, badKey, longValue] = await boto3(server.url, [
      list("/tg/order", "Bogus"),
      add("/tg/order", { "a*b": "1" }),
      add("/tg/order", { long: "v".repeat(257) }),
    ]);
    expect(badType).toEqual({
      error: {
        code: "ValidationException",
        message:
          "1 validation error detected: Value 'Bogus' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [Association, OpsMetadata, MaintenanceWindow, OpsItem, Parameter, PatchBaseline, ManagedInstance, Automation, Document]",
        status: 400,
      },
    });
    expect(badKey).toMatchObject({ error: { code: "ValidationException", status: 400 } });
    expect((badKey as { error: { message: string } }).error.message).toContain("at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect((longValue as { error: { message: string } }).error.message).toContain(
      "at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
  });
});

describe("tagging with the aws CLI and SDK v3", () => {
  it("adds and lists tags with the aws CLI, and reports a missing parameter", async () => {
    const added = await aws(server.url, ["ssm", "add-tags-to-resource", "--resource-type", "Parameter", "--resource-id", "/tg/cli", "--tags", "Key=env,Value=prod", "Key=team,Value="]);
    expect(added.status, added.stderr).toBe(0);
    const listed = await aws(server.url, ["ssm", "list-tags-for-resource", "--resource-type", "Parameter", "--resource-id", "/tg/cli"]);
    expect(listed.json).toEqual({ TagList: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "" }] });
    const missing = await aws(server.url, ["ssm", "list-tags-for-resource", "--resource-type", "Parameter", "--resource-id", "/tg/none"]);
    // aws CLI v1 exits 255 on a service error (v2 uses 254).
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("An error occurred (InvalidResourceId) when calling the ListTagsForResource operation");
  });

  it("round-trips with SDK v3 and names the error class", async () => {
    const ssm = ssmClient(server.url);
    await ssm.send(new AddTagsToResourceCommand({ ResourceType: "Parameter", ResourceId: "/tg/sdk", Tags: [{ Key: "k", Value: "v" }] }));
    const out = await ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/tg/sdk" }));
    expect(out.TagList).toEqual([{ Key: "k", Value: "v" }]);
    await expect(ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/tg/none" }))).rejects.toMatchObject({
      name: "InvalidResourceId",
      $metadata: { httpStatusCode: 400 },
    });
  });
});
