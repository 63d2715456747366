import type { CreateRoleResponse, GetRoleResponse, ListRolesResponse, ListRoleTagsResponse, CreateUserResponse } from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, READ_POLICY, TRUST, expectIamError, openIamHarness, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
});
afterEach(async () => {
  await h.close();
});

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service/app-reader`;

describe("roles", () => {
  it("shows different members from CreateRole, GetRole and ListRoles (§8.1)", async () => {
    const trust = ` { "Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${ACCOUNT}"},"Action":"sts:AssumeRole"}]}\n`;
    const created = await h.call<CreateRoleResponse>("CreateRole", {
      RoleName: "app-reader",
      Path: "/service/",
      AssumeRolePolicyDocument: trust,
      Tags: [{ Key: "team", Value: "blue" }],
    });
    const base = {
      Path: "/service/",
      RoleName: "app-reader",
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/) as unknown,
      Arn: ROLE_ARN,
      CreateDate: new Date(Date.UTC(2024, 4, 1, 12)),
      AssumeRolePolicyDocument: trust,
    };
    expect(created.Role).toEqual({ ...base, Tags: [{ Key: "team", Value: "blue" }] });
    const got = await h.call<GetRoleResponse>("GetRole", { RoleName: "APP-READER" });
    expect(got.Role).toEqual({ ...base, MaxSessionDuration: 3600, Tags: [{ Key: "team", Value: "blue" }], RoleLastUsed: {} });
    const listed = await h.call<ListRolesResponse>("ListRoles", {});
    expect(listed).toEqual({ Roles: [{ ...base, MaxSessionDuration: 3600 }], IsTruncated: false });
  });

  it("refuses a duplicate, a malformed trust policy and an oversized one", async () => {
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST });
    await expectIamError(h.call("CreateRole", { RoleName: "APP", AssumeRolePolicyDocument: TRUST }), "EntityAlreadyExists", 409, "Role with name APP already exists.");
    await expectIamError(h.call("CreateRole", { RoleName: "x", AssumeRolePolicyDocument: '{"Version": "2012-10-17",}' }), "MalformedPolicyDocument", 400, "This policy contains invalid Json");
    const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Sid: "s".repeat(2100) }] });
    await expectIamError(h.call("CreateRole", { RoleName: "x", AssumeRolePolicyDocument: big }), "LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
  });

  it("keeps the unique ids of the users and roles a trust policy names, and refuses unknown ones", async () => {
    const alice = await h.call<CreateUserResponse>("CreateUser", { UserName: "alice", Path: "/team/" });
    const names = (arn: string): string =>
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: [arn, `${ACCOUNT}`] }, Action: "sts:AssumeRole" }] });
    const aliceArn = `arn:aws:iam::${ACCOUNT}:user/team/alice`;
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: names(aliceArn) });
    const stored = await h.storage.read((tx) => tx.iamRole("app"));
    expect(stored?.trustPrincipals).toEqual([{ arn: aliceArn, uniqueId: alice.User?.UserId }]);

    const wrongPath = `arn:aws:iam::${ACCOUNT}:user/alice`;
    await expectIamError(h.call("CreateRole", { RoleName: "b", AssumeRolePolicyDocument: names(wrongPath) }), "MalformedPolicyDocument", 400, `Invalid principal in policy: "AWS":"${wrongPath}"`);
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/app`;
    await h.call("UpdateAssumeRolePolicy", { RoleName: "app", PolicyDocument: names(roleArn) });
    const updated = await h.storage.read((tx) => tx.iamRole("app"));
    expect(updated?.trustPrincipals).toEqual([{ arn: roleArn, uniqueId: stored?.roleId }]);
    expect((await h.call<GetRoleResponse>("GetRole", { RoleName: "app" })).Role?.AssumeRolePolicyDocument).toBe(names(roleArn));
  });

  it("updates description and maximum session duration", async () => {
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST, Description: "first" });
    await h.call("UpdateRole", { RoleName: "app", MaxSessionDuration: 7200 });
    expect((await h.call<GetRoleResponse>("GetRole", { RoleName: "app" })).Role).toMatchObject({ Description: "first", MaxSessionDuration: 7200 });
    await h.call("UpdateRole", { RoleName: "app", Description: "second" });
    expect((await h.call<GetRoleResponse>("GetRole", { RoleName: "app" })).Role).toMatchObject({ Description: "second", MaxSessionDuration: 7200 });
    await expectIamError(h.call("UpdateRole", { RoleName: "none" }), "NoSuchEntity", 404, "The role with name none cannot be found.");
  });

  it("tags and untags a role", async () => {
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST });
    await h.call("TagRole", { RoleName: "app", Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] });
    await h.call("UntagRole", { RoleName: "app", TagKeys: ["A"] });
    expect(await h.call<ListRoleTagsResponse>("ListRoleTags", { RoleName: "app" })).toEqual({ Tags: [{ Key: "b", Value: "2" }], IsTruncated: false });
  });

  it("refuses DeleteRole while policies are attached, then while inline policies remain", async () => {
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST });
    await h.call("AttachRolePolicy", { RoleName: "app", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    await h.call("PutRolePolicy", { RoleName: "app", PolicyName: "p", PolicyDocument: READ_POLICY });
    await expectIamError(h.call("DeleteRole", { RoleName: "app" }), "DeleteConflict", 409, "Cannot delete entity, must detach all policies first.");
    await h.call("DetachRolePolicy", { RoleName: "app", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    await expectIamError(h.call("DeleteRole", { RoleName: "app" }), "DeleteConflict", 409, "Cannot delete entity, must delete policies first.");
    await h.call("DeleteRolePolicy", { RoleName: "app", PolicyName: "P" });
    await h.call("DeleteRole", { RoleName: "app" });
    await expectIamError(h.call("GetRole", { RoleName: "app" }), "NoSuchEntity", 404, "The role with name app cannot be found.");
  });

  it("pages roles by name", async () => {
    for (const name of ["c", "a", "b"]) await h.call("CreateRole", { RoleName: name, AssumeRolePolicyDocument: TRUST });
    const first = await h.call<ListRolesResponse>("ListRoles", { MaxItems: 2 });
    expect(first.Roles?.map((r) => r.RoleName)).toEqual(["a", "b"]);
    const rest = await h.call<ListRolesResponse>("ListRoles", { MaxItems: 2, Marker: first.Marker });
    expect(rest.Roles?.map((r) => r.RoleName)).toEqual(["c"]);
  });
});
