import type { GetUserResponse, ListUsersResponse, ListUserTagsResponse, CreateUserResponse } from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, READ_POLICY, ROLE_SESSION, expectIamError, openIamHarness, userCaller, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
});
afterEach(async () => {
  await h.close();
});

describe("CreateUser / GetUser", () => {
  it("creates a user with an AIDA id, second-precision date, and tags only when given", async () => {
    const created = await h.call<CreateUserResponse>("CreateUser", { UserName: "Alice", Path: "/team/" });
    expect(created.User).toEqual({
      Path: "/team/",
      UserName: "Alice",
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/) as unknown,
      Arn: `arn:aws:iam::${ACCOUNT}:user/team/Alice`,
      CreateDate: new Date(Date.UTC(2024, 4, 1, 12, 0, 0)),
    });
    const tagged = await h.call<CreateUserResponse>("CreateUser", { UserName: "bob", Tags: [{ Key: "team", Value: "blue" }] });
    expect(tagged.User?.Path).toBe("/");
    expect(tagged.User?.Tags).toEqual([{ Key: "team", Value: "blue" }]);
    const got = await h.call<GetUserResponse>("GetUser", { UserName: "BOB" });
    expect(got.User).toMatchObject({ UserName: "bob", Tags: [{ Key: "team", Value: "blue" }], UserId: tagged.User?.UserId });
  });

  it("refuses a name taken in another case", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await expectIamError(h.call("CreateUser", { UserName: "ALICE" }), "EntityAlreadyExists", 409, "User with name ALICE already exists.");
  });

  it("never reuses a unique id for a recreated name", async () => {
    const first = await h.call<CreateUserResponse>("CreateUser", { UserName: "alice" });
    await h.call("DeleteUser", { UserName: "alice" });
    const second = await h.call<CreateUserResponse>("CreateUser", { UserName: "alice" });
    expect(second.User?.UserId).not.toBe(first.User?.UserId);
  });

  it("answers GetUser without UserName for the calling user only", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    expect((await h.call<GetUserResponse>("GetUser", {}, userCaller("alice"))).User?.UserName).toBe("alice");
    const message = "Must specify userName when calling with non-User credentials";
    await expectIamError(h.call("GetUser", {}), "ValidationError", 400, message);
    await expectIamError(h.call("GetUser", {}, ROLE_SESSION), "ValidationError", 400, message);
    await expectIamError(h.call("GetUser", { UserName: "nobody" }), "NoSuchEntity", 404, "The user with name nobody cannot be found.");
  });

  it("checks a permissions boundary names an existing policy", async () => {
    await expectIamError(h.call("CreateUser", { UserName: "a", PermissionsBoundary: "not-an-arn" }), "ValidationError", 400, "Invalid ARN:  Could not be parsed!");
    const arn = `arn:aws:iam::${ACCOUNT}:policy/none`;
    await expectIamError(h.call("CreateUser", { UserName: "a", PermissionsBoundary: arn }), "NoSuchEntity", 404, `Policy ${arn} does not exist or is not attachable.`);
    const boundary = "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess";
    await h.call("CreateUser", { UserName: "a", PermissionsBoundary: boundary });
    expect((await h.call<GetUserResponse>("GetUser", { UserName: "a" })).User?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "PermissionsBoundaryPolicy",
      PermissionsBoundaryArn: boundary,
    });
  });
});

describe("ListUsers / UpdateUser", () => {
  it("pages users by name with markers, filters by path, and shows no tags", async () => {
    for (const [name, path] of [["d", "/x/"], ["B", "/"], ["a", "/x/y/"], ["C", "/x/"]] as const) {
      await h.call("CreateUser", { UserName: name, Path: path, Tags: [{ Key: "k", Value: "v" }] });
    }
    const first = await h.call<ListUsersResponse>("ListUsers", { MaxItems: 3 });
    expect(first.Users?.map((u) => u.UserName)).toEqual(["a", "B", "C"]);
    expect(first.IsTruncated).toBe(true);
    expect(first.Users?.some((u) => "Tags" in u)).toBe(false);
    const rest = await h.call<ListUsersResponse>("ListUsers", { MaxItems: 3, Marker: first.Marker });
    expect(rest.Users?.map((u) => u.UserName)).toEqual(["d"]);
    expect(rest.IsTruncated).toBe(false);
    expect("Marker" in rest).toBe(false);
    const under = await h.call<ListUsersResponse>("ListUsers", { PathPrefix: "/x/" });
    expect(under.Users?.map((u) => u.UserName)).toEqual(["a", "C", "d"]);
    await expectIamError(h.call("ListUsers", { Marker: "!!not a marker" }), "ValidationError", 400, "Invalid Marker.");
  });

  it("renames and moves a user, refusing a name another user holds", async () => {
    await h.call("CreateUser", { UserName: "alice", Tags: [{ Key: "k", Value: "v" }] });
    await h.call("CreateUser", { UserName: "bob" });
    await expectIamError(h.call("UpdateUser", { UserName: "alice", NewUserName: "BOB" }), "EntityAlreadyExists", 409, "User with name BOB already exists.");
    await h.call("UpdateUser", { UserName: "alice", NewUserName: "carol", NewPath: "/ops/" });
    await expectIamError(h.call("GetUser", { UserName: "alice" }), "NoSuchEntity", 404, "The user with name alice cannot be found.");
    const carol = await h.call<GetUserResponse>("GetUser", { UserName: "carol" });
    expect(carol.User).toMatchObject({ Path: "/ops/", Arn: `arn:aws:iam::${ACCOUNT}:user/ops/carol`, Tags: [{ Key: "k", Value: "v" }] });
    await expectIamError(h.call("UpdateUser", { UserName: "zed", NewPath: "/" }), "NoSuchEntity", 404, "The user with name zed cannot be found.");
  });
});

describe("TagUser / UntagUser / ListUserTags", () => {
  it("overwrites keys case-insensitively, removes by key, and pages tags", async () => {
    await h.call("CreateUser", { UserName: "alice", Tags: [{ Key: "Team", Value: "blue" }] });
    await h.call("TagUser", { UserName: "alice", Tags: [{ Key: "team", Value: "red" }, { Key: "env", Value: "prod" }] });
    const all = await h.call<ListUserTagsResponse>("ListUserTags", { UserName: "alice" });
    expect(all).toEqual({ Tags: [{ Key: "team", Value: "red" }, { Key: "env", Value: "prod" }], IsTruncated: false });
    const first = await h.call<ListUserTagsResponse>("ListUserTags", { UserName: "alice", MaxItems: 1 });
    expect(first.IsTruncated).toBe(true);
    const second = await h.call<ListUserTagsResponse>("ListUserTags", { UserName: "alice", MaxItems: 1, Marker: first.Marker });
    expect(second.Tags).toEqual([{ Key: "env", Value: "prod" }]);
    await h.call("UntagUser", { UserName: "alice", TagKeys: ["TEAM", "missing"] });
    expect((await h.call<ListUserTagsResponse>("ListUserTags", { UserName: "alice" })).Tags).toEqual([{ Key: "env", Value: "prod" }]);
  });

  it("refuses duplicate keys in one request and more than 50 tags", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await expectIamError(
      h.call("TagUser", { UserName: "alice", Tags: [{ Key: "a", Value: "1" }, { Key: "A", Value: "2" }] }),
      "InvalidInput",
      400,
      "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    await h.call("TagUser", { UserName: "alice", Tags: fifty });
    await h.call("TagUser", { UserName: "alice", Tags: [{ Key: "K0", Value: "again" }] });
    await expectIamError(h.call("TagUser", { UserName: "alice", Tags: [{ Key: "one-more", Value: "v" }] }), "LimitExceeded", 409, "Cannot exceed quota for TagsPerUser: 50");
    await expectIamError(h.call("TagUser", { UserName: "nobody", Tags: [] }), "NoSuchEntity", 404, "The user with name nobody cannot be found.");
  });
});

describe("DeleteUser", () => {
  it("refuses while keys, attached policies, inline policies or groups remain, in that order", async () => {
    await h.call("CreateUser", { UserName: "alice", Tags: [{ Key: "k", Value: "v" }] });
    const key = await h.call<{ AccessKey: { AccessKeyId: string } }>("CreateAccessKey", { UserName: "alice" });
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    await h.call("PutUserPolicy", { UserName: "alice", PolicyName: "p", PolicyDocument: READ_POLICY });
    await h.call("CreateGroup", { GroupName: "g" });
    await h.call("AddUserToGroup", { GroupName: "g", UserName: "alice" });

    const steps: [string, object, string][] = [
      ["DeleteAccessKey", { UserName: "alice", AccessKeyId: key.AccessKey.AccessKeyId }, "Cannot delete entity, must delete access keys first."],
      ["DetachUserPolicy", { UserName: "alice", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, "Cannot delete entity, must detach all policies first."],
      ["DeleteUserPolicy", { UserName: "alice", PolicyName: "p" }, "Cannot delete entity, must delete policies first."],
      ["RemoveUserFromGroup", { GroupName: "g", UserName: "alice" }, "Cannot delete entity, must remove referenced objects first."],
    ];
    for (const [operation, input, message] of steps) {
      await expectIamError(h.call("DeleteUser", { UserName: "alice" }), "DeleteConflict", 409, message);
      await h.call(operation, input);
    }
    await h.call("DeleteUser", { UserName: "alice" });
    await expectIamError(h.call("DeleteUser", { UserName: "alice" }), "NoSuchEntity", 404, "The user with name alice cannot be found.");
  });
});
