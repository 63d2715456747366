import type { CreateAccessKeyResponse, ListAccessKeysResponse } from "@aws-sdk/client-iam";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lookupAccessKey } from "../access-key-directory.js";
import { ACCOUNT, ROLE_SESSION, expectIamError, openIamHarness, userCaller, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
  await h.call("CreateUser", { UserName: "alice", Path: "/team/", Tags: [{ Key: "team", Value: "blue" }] });
});
afterEach(async () => {
  await h.close();
});

const createKey = async (userName = "alice"): Promise<{ AccessKeyId: string; SecretAccessKey: string }> => {
  const created = await h.call<CreateAccessKeyResponse>("CreateAccessKey", { UserName: userName });
  return { AccessKeyId: created.AccessKey?.AccessKeyId ?? "", SecretAccessKey: created.AccessKey?.SecretAccessKey ?? "" };
};

describe("CreateAccessKey", () => {
  it("issues an active AKIA key with a 40-character secret, at most two per user", async () => {
    const created = await h.call<CreateAccessKeyResponse>("CreateAccessKey", { UserName: "ALICE" });
    expect(created.AccessKey).toEqual({
      UserName: "alice",
      AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/) as unknown,
      Status: "Active",
      SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9/+]{40}$/) as unknown,
      CreateDate: new Date(Date.UTC(2024, 4, 1, 12, 0, 0)),
    });
    await createKey();
    await expectIamError(h.call("CreateAccessKey", { UserName: "alice" }), "LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2");
    await expectIamError(h.call("CreateAccessKey", { UserName: "bob" }), "NoSuchEntity", 404, "The user with name bob cannot be found.");
  });

  it("takes the calling user when UserName is left out, and refuses root and sessions", async () => {
    const mine = await h.call<CreateAccessKeyResponse>("CreateAccessKey", {}, userCaller("alice"));
    expect(mine.AccessKey?.UserName).toBe("alice");
    const message = "Must specify userName when calling with non-User credentials";
    await expectIamError(h.call("CreateAccessKey", {}), "ValidationError", 400, message);
    await expectIamError(h.call("ListAccessKeys", {}, ROLE_SESSION), "ValidationError", 400, message);
    await expectIamError(h.call("ListAccessKeys", {}, userCaller("alice", { session: true })), "ValidationError", 400, message);
    const listed = await h.call<ListAccessKeysResponse>("ListAccessKeys", {}, userCaller("alice"));
    expect(listed.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([mine.AccessKey?.AccessKeyId]);
  });
});

describe("ListAccessKeys / UpdateAccessKey / DeleteAccessKey", () => {
  it("lists metadata only, in key id order, with paging", async () => {
    const keys = [await createKey(), await createKey()].sort((a, b) => (a.AccessKeyId < b.AccessKeyId ? -1 : 1));
    const all = await h.call<ListAccessKeysResponse>("ListAccessKeys", { UserName: "alice" });
    expect(all.AccessKeyMetadata).toEqual(
      keys.map((k) => ({ UserName: "alice", AccessKeyId: k.AccessKeyId, Status: "Active", CreateDate: new Date(Date.UTC(2024, 4, 1, 12)) })),
    );
    const first = await h.call<ListAccessKeysResponse>("ListAccessKeys", { UserName: "alice", MaxItems: 1 });
    const second = await h.call<ListAccessKeysResponse>("ListAccessKeys", { UserName: "alice", MaxItems: 1, Marker: first.Marker });
    expect([first.IsTruncated, second.IsTruncated]).toEqual([true, false]);
    expect(second.AccessKeyMetadata?.[0]?.AccessKeyId).toBe(keys[1]?.AccessKeyId);
  });

  it("deactivates a key so that the credential directory no longer knows it, and reactivates it", async () => {
    const key = await createKey();
    const found = await lookupAccessKey(h.storage, h.sealer, key.AccessKeyId, { accountId: ACCOUNT });
    expect(found).toEqual({
      secretAccessKey: key.SecretAccessKey,
      user: {
        name: "alice",
        userId: expect.stringMatching(/^AIDA/) as unknown,
        arn: `arn:aws:iam::${ACCOUNT}:user/team/alice`,
        path: "/team/",
        tags: [{ key: "team", value: "blue" }],
      },
    });
    await h.call("UpdateAccessKey", { UserName: "alice", AccessKeyId: key.AccessKeyId, Status: "Inactive" });
    const listed = await h.call<ListAccessKeysResponse>("ListAccessKeys", { UserName: "alice" });
    expect(listed.AccessKeyMetadata?.[0]?.Status).toBe("Inactive");
    expect(await lookupAccessKey(h.storage, h.sealer, key.AccessKeyId, { accountId: ACCOUNT })).toBeUndefined();
    await h.call("UpdateAccessKey", { AccessKeyId: key.AccessKeyId, Status: "Active" }, userCaller("alice"));
    expect((await lookupAccessKey(h.storage, h.sealer, key.AccessKeyId, { accountId: ACCOUNT }))?.secretAccessKey).toBe(key.SecretAccessKey);
    expect(await lookupAccessKey(h.storage, h.sealer, "AKIAUNKNOWNUNKNOWN01", { accountId: ACCOUNT })).toBeUndefined();
  });

  it("answers NoSuchEntity for an unknown key or another user's key", async () => {
    await h.call("CreateUser", { UserName: "bob" });
    const bobs = await createKey("bob");
    const message = `The Access Key with id ${bobs.AccessKeyId} cannot be found`;
    await expectIamError(h.call("UpdateAccessKey", { UserName: "alice", AccessKeyId: bobs.AccessKeyId, Status: "Inactive" }), "NoSuchEntity", 404, message);
    await expectIamError(h.call("DeleteAccessKey", { UserName: "alice", AccessKeyId: bobs.AccessKeyId }), "NoSuchEntity", 404, message);
    await h.call("DeleteAccessKey", { UserName: "bob", AccessKeyId: bobs.AccessKeyId });
    await expectIamError(h.call("DeleteAccessKey", { UserName: "bob", AccessKeyId: bobs.AccessKeyId }), "NoSuchEntity", 404, message);
    expect(await lookupAccessKey(h.storage, h.sealer, bobs.AccessKeyId, { accountId: ACCOUNT })).toBeUndefined();
  });
});

describe("secret access keys at rest", () => {
  it("never writes a secret access key in plaintext to the database files", async () => {
    const secrets = [(await createKey()).SecretAccessKey, (await createKey()).SecretAccessKey];
    // Everything committed is in the database or its WAL once the writes have resolved.
    const files = await readdir(h.dir);
    expect(files).toContain("paramstore.db");
    const contents = await Promise.all(files.map((f) => readFile(join(h.dir, f))));
    const total = contents.reduce((n, c) => n + c.length, 0);
    expect(total).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const content of contents) {
        expect(content.includes(Buffer.from(secret, "utf8"))).toBe(false);
        expect(content.includes(Buffer.from(secret, "base64"))).toBe(false);
      }
    }
    // The scan can fail: the key id, which is stored in the clear, is found.
    const listed = await h.call<ListAccessKeysResponse>("ListAccessKeys", { UserName: "alice" });
    const keyId = Buffer.from(listed.AccessKeyMetadata?.[0]?.AccessKeyId ?? "-", "utf8");
    expect(contents.some((c) => c.includes(keyId))).toBe(true);
  });
});
