import { KMSClient, ListResourceTagsCommand, TagResourceCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// Key tags (kms.md §8) and descriptions (§5.1, §5.4), with the key-state rules of §4.2.
const arnOf = (keyId: string): string => `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/${keyId}`;
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });
const tag = (TagKey: string, TagValue: string) => ({ TagKey, TagValue });

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const kms = (calls: readonly Boto3Call[]): Promise<Boto3Result[]> => boto3(server.url, calls, { service: "kms" });
function ok(r: Boto3Result | undefined): Record<string, unknown> {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
}
async function newKey(params: Record<string, unknown> = {}): Promise<string> {
  const [created] = await kms([{ op: "create_key", params }]);
  return (ok(created)["KeyMetadata"] as { KeyId: string }).KeyId;
}
const sdk = (): KMSClient =>
  new KMSClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });

describe("TagResource, UntagResource, ListResourceTags", () => {
  it("stores CreateKey tags, adds, overwrites in place and removes", async () => {
    const keyId = await newKey({ Tags: [tag("team", "core"), tag("env", "")] });
    const results = await kms([
      { op: "list_resource_tags", params: { KeyId: keyId } },
      { op: "tag_resource", params: { KeyId: arnOf(keyId), Tags: [tag("cost", "42"), tag("team", "infra")] } },
      { op: "list_resource_tags", params: { KeyId: keyId } },
      { op: "untag_resource", params: { KeyId: keyId, TagKeys: ["env", "never-set"] } },
      { op: "list_resource_tags", params: { KeyId: arnOf(keyId) } },
    ]);
    expect(results.map(ok)).toEqual([
      { Tags: [tag("team", "core"), tag("env", "")], Truncated: false },
      {},
      { Tags: [tag("team", "infra"), tag("env", ""), tag("cost", "42")], Truncated: false },
      {},
      { Tags: [tag("team", "infra"), tag("cost", "42")], Truncated: false },
    ]);
    const cli = await aws(server.url, ["kms", "list-resource-tags", "--key-id", keyId]);
    // The CLI pages through ListResourceTags itself and drops the paging members.
    expect(cli.json).toEqual({ Tags: [tag("team", "infra"), tag("cost", "42")] });
  });

  it("lists an untagged key as an empty list and pages with Limit and Marker", async () => {
    const keyId = await newKey();
    const [empty] = await kms([{ op: "list_resource_tags", params: { KeyId: keyId } }]);
    expect(ok(empty)).toEqual({ Tags: [], Truncated: false });
    const tags = Array.from({ length: 5 }, (_, i) => tag(`k${i}`, `v${i}`));
    await sdk().send(new TagResourceCommand({ KeyId: keyId, Tags: tags }));
    const first = await sdk().send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 2 }));
    expect(first).toMatchObject({ Tags: tags.slice(0, 2), Truncated: true, NextMarker: expect.any(String) });
    const second = await sdk().send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker ?? "" }));
    expect(second).toMatchObject({ Tags: tags.slice(2, 4), Truncated: true });
    const last = await sdk().send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 2, Marker: second.NextMarker ?? "" }));
    expect(last.Tags).toEqual(tags.slice(4));
    expect(last.Truncated).toBe(false);
    expect(last.NextMarker).toBeUndefined();
    const [badMarker] = await kms([{ op: "list_resource_tags", params: { KeyId: keyId, Marker: "not-a-marker" } }]);
    expect(badMarker).toMatchObject({ error: { code: "InvalidMarkerException", status: 400 } });
  });

  it("rejects reserved prefixes in any case, duplicate keys, too many tags and over-long keys and values", async () => {
    const keyId = await newKey();
    const fifty = Array.from({ length: 50 }, (_, i) => tag(`t${i}`, "x"));
    const results = await kms([
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("AWS:owner", "me")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("a", "1"), tag("a", "2")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [...fifty, tag("one-more", "x")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("k".repeat(129), "v")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("ok", "fine"), tag("long", "v".repeat(257))] } },
      { op: "create_key", params: { Tags: [tag("aws:x", "y")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: fifty } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("t0", "overwrite is fine")] } },
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("t50", "x")] } },
    ]);
    expect(results).toEqual([
      error("TagException", "Tags beginning with aws: are reserved"),
      error("TagException", "Duplicate tag keys"),
      error("TagException", "Too many tags"),
      error(
        "ValidationException",
        `1 validation error detected: Value '${"k".repeat(129)}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
      ),
      error(
        "ValidationException",
        `1 validation error detected: Value '${"v".repeat(257)}' at 'tags.2.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`,
      ),
      error("TagException", "Tags beginning with aws: are reserved"),
      { ok: {}, requestId: expect.any(String) },
      { ok: {}, requestId: expect.any(String) },
      error("TagException", "Too many tags"),
    ]);
    const [listed] = await kms([{ op: "list_resource_tags", params: { KeyId: keyId } }]);
    expect(ok(listed)).toMatchObject({ Truncated: false });
    expect((ok(listed)["Tags"] as unknown[]).length).toBe(50);
  });

  it("refuses changes while pending deletion but still lists; accepts key ids and ARNs only", async () => {
    const keyId = await newKey({ Tags: [tag("keep", "me")] });
    await kms([
      { op: "create_alias", params: { AliasName: "alias/tagged", TargetKeyId: keyId } },
      { op: "disable_key", params: { KeyId: keyId } },
    ]);
    const whileDisabled = await kms([{ op: "tag_resource", params: { KeyId: keyId, Tags: [tag("d", "1")] } }]);
    expect(ok(whileDisabled[0])).toEqual({});
    await kms([{ op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 7 } }]);
    const pending = `${arnOf(keyId)} is pending deletion.`;
    const results = await kms([
      { op: "tag_resource", params: { KeyId: keyId, Tags: [tag("x", "y")] } },
      { op: "untag_resource", params: { KeyId: keyId, TagKeys: ["keep"] } },
      { op: "update_key_description", params: { KeyId: keyId, Description: "late" } },
      { op: "list_resource_tags", params: { KeyId: keyId } },
      { op: "list_resource_tags", params: { KeyId: "alias/tagged" } },
      { op: "tag_resource", params: { KeyId: "00000000-0000-4000-8000-000000000000", Tags: [tag("x", "y")] } },
    ]);
    expect(results).toEqual([
      error("KMSInvalidStateException", pending),
      error("KMSInvalidStateException", pending),
      error("KMSInvalidStateException", pending),
      { ok: { Tags: [tag("keep", "me"), tag("d", "1")], Truncated: false }, requestId: expect.any(String) },
      error("NotFoundException", "Invalid keyId 'alias/tagged'"),
      error("NotFoundException", `Key '${arnOf("00000000-0000-4000-8000-000000000000")}' does not exist`),
    ]);
  });

  it("lists the tags of alias/aws/ssm as empty and refuses to tag it", async () => {
    const [described] = await kms([{ op: "describe_key", params: { KeyId: "alias/aws/ssm" } }]);
    const ssmKey = (ok(described)["KeyMetadata"] as { KeyId: string }).KeyId;
    const [listed, tagged] = await kms([
      { op: "list_resource_tags", params: { KeyId: ssmKey } },
      { op: "tag_resource", params: { KeyId: ssmKey, Tags: [tag("a", "b")] } },
    ]);
    expect(ok(listed)).toEqual({ Tags: [], Truncated: false });
    expect(tagged).toMatchObject({ error: { code: "AccessDeniedException", status: 400 } });
  });
});

describe("key descriptions", () => {
  it("keeps CreateKey's description, changes it with UpdateKeyDescription, and bounds it to 8192 characters", async () => {
    const keyId = await newKey({ Description: "d".repeat(8192) });
    const results = await kms([
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "update_key_description", params: { KeyId: arnOf(keyId), Description: "" } },
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "update_key_description", params: { KeyId: keyId, Description: "new words" } },
      { op: "describe_key", params: { KeyId: keyId } },
      { op: "update_key_description", params: { KeyId: keyId, Description: "e".repeat(8193) } },
      { op: "create_key", params: { Description: "e".repeat(8193) } },
    ]);
    const description = (r: Boto3Result | undefined): unknown => (ok(r)["KeyMetadata"] as { Description: string }).Description;
    expect(description(results[0])).toBe("d".repeat(8192));
    expect(ok(results[1])).toEqual({});
    expect(description(results[2])).toBe("");
    expect(description(results[4])).toBe("new words");
    const tooLong = (member: string) =>
      error(
        "ValidationException",
        `1 validation error detected: Value '${"e".repeat(8193)}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to 8192`,
      );
    expect(results.slice(5)).toEqual([tooLong("description"), tooLong("description")]);
  });
});
