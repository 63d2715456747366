import type { CreateGroupResponse, GetGroupResponse, ListGroupsForUserResponse, ListGroupsResponse } from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, READ_POLICY, expectIamError, openIamHarness, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
});
afterEach(async () => {
  await h.close();
});

describe("groups", () => {
  it("creates a group, refuses a duplicate name in any case, and lists by path", async () => {
    const created = await h.call<CreateGroupResponse>("CreateGroup", { GroupName: "Readers", Path: "/ops/" });
    expect(created.Group).toEqual({
      Path: "/ops/",
      GroupName: "Readers",
      GroupId: expect.stringMatching(/^AGPA[A-Z2-7]{17}$/) as unknown,
      Arn: `arn:aws:iam::${ACCOUNT}:group/ops/Readers`,
      CreateDate: new Date(Date.UTC(2024, 4, 1, 12)),
    });
    await expectIamError(h.call("CreateGroup", { GroupName: "readers" }), "EntityAlreadyExists", 409, "Group with name readers already exists.");
    await h.call("CreateGroup", { GroupName: "admins" });
    const all = await h.call<ListGroupsResponse>("ListGroups", {});
    expect(all.Groups?.map((g) => g.GroupName)).toEqual(["admins", "Readers"]);
    const ops = await h.call<ListGroupsResponse>("ListGroups", { PathPrefix: "/ops/" });
    expect(ops.Groups?.map((g) => g.GroupName)).toEqual(["Readers"]);
    const page = await h.call<ListGroupsResponse>("ListGroups", { MaxItems: 1 });
    expect((await h.call<ListGroupsResponse>("ListGroups", { Marker: page.Marker })).Groups?.map((g) => g.GroupName)).toEqual(["Readers"]);
  });

  it("adds members idempotently, pages them, and lists a user's groups", async () => {
    await h.call("CreateGroup", { GroupName: "g" });
    for (const name of ["alice", "bob", "carol"]) {
      await h.call("CreateUser", { UserName: name, Tags: [{ Key: "k", Value: "v" }] });
      await h.call("AddUserToGroup", { GroupName: "G", UserName: name });
    }
    await h.call("AddUserToGroup", { GroupName: "g", UserName: "alice" });
    const first = await h.call<GetGroupResponse>("GetGroup", { GroupName: "g", MaxItems: 2 });
    expect(first.Group?.GroupName).toBe("g");
    expect(first.Users).toHaveLength(2);
    expect(first.Users?.some((u) => "Tags" in u)).toBe(false);
    expect(first.IsTruncated).toBe(true);
    const rest = await h.call<GetGroupResponse>("GetGroup", { GroupName: "g", MaxItems: 2, Marker: first.Marker });
    const names = [...(first.Users ?? []), ...(rest.Users ?? [])].map((u) => u.UserName).sort();
    expect(names).toEqual(["alice", "bob", "carol"]);
    expect(rest.IsTruncated).toBe(false);
    const groups = await h.call<ListGroupsForUserResponse>("ListGroupsForUser", { UserName: "alice" });
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(["g"]);
  });

  it("limits a user to 10 groups", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    for (let i = 0; i < 11; i++) await h.call("CreateGroup", { GroupName: `g${i}` });
    for (let i = 0; i < 10; i++) await h.call("AddUserToGroup", { GroupName: `g${i}`, UserName: "alice" });
    await h.call("AddUserToGroup", { GroupName: "g3", UserName: "alice" });
    await expectIamError(h.call("AddUserToGroup", { GroupName: "g10", UserName: "alice" }), "LimitExceeded", 409, "Cannot exceed quota for GroupsPerUser: 10");
  });

  it("answers NoSuchEntity for unknown groups, users and non-members", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await h.call("CreateGroup", { GroupName: "g" });
    await expectIamError(h.call("GetGroup", { GroupName: "nope" }), "NoSuchEntity", 404, "The group with name nope cannot be found.");
    await expectIamError(h.call("AddUserToGroup", { GroupName: "g", UserName: "bob" }), "NoSuchEntity", 404, "The user with name bob cannot be found.");
    await expectIamError(h.call("RemoveUserFromGroup", { GroupName: "g", UserName: "alice" }), "NoSuchEntity", 404, "User alice is not in group g.");
    await expectIamError(h.call("ListGroupsForUser", { UserName: "bob" }), "NoSuchEntity", 404, "The user with name bob cannot be found.");
  });

  it("refuses DeleteGroup while it has members, attached policies or inline policies, in that order", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await h.call("CreateGroup", { GroupName: "g" });
    await h.call("AddUserToGroup", { GroupName: "g", UserName: "alice" });
    await h.call("AttachGroupPolicy", { GroupName: "g", PolicyArn: "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess" });
    await h.call("PutGroupPolicy", { GroupName: "g", PolicyName: "p", PolicyDocument: READ_POLICY });
    const steps: [string, object, string][] = [
      ["RemoveUserFromGroup", { GroupName: "g", UserName: "alice" }, "Cannot delete entity, must remove users from group first."],
      ["DetachGroupPolicy", { GroupName: "g", PolicyArn: "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess" }, "Cannot delete entity, must detach all policies first."],
      ["DeleteGroupPolicy", { GroupName: "g", PolicyName: "p" }, "Cannot delete entity, must delete policies first."],
    ];
    for (const [operation, input, message] of steps) {
      await expectIamError(h.call("DeleteGroup", { GroupName: "g" }), "DeleteConflict", 409, message);
      await h.call(operation, input);
    }
    await h.call("DeleteGroup", { GroupName: "g" });
    await expectIamError(h.call("DeleteGroup", { GroupName: "g" }), "NoSuchEntity", 404, "The group with name g cannot be found.");
  });
});
