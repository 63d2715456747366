import type { GetUserPolicyResponse, ListRolePoliciesResponse, ListUserPoliciesResponse } from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { READ_POLICY, TRUST, expectIamError, openIamHarness, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
  await h.call("CreateUser", { UserName: "alice" });
  await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST });
  await h.call("CreateGroup", { GroupName: "devs" });
});
afterEach(async () => {
  await h.close();
});

/** A valid document of exactly `size` non-whitespace characters, padded with whitespace too. */
function documentOfSize(size: number): string {
  const bare = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Sid: "" }] });
  const sid = "x".repeat(size - bare.length);
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Sid: sid }] }, null, 8);
}

describe("inline policies", () => {
  it("stores the document verbatim and returns it under the stored names", async () => {
    const doc = `{ "Version": "2012-10-17",\n  "Statement": {"Effect":"Allow","Action":"ssm:Get*","Resource":"arn:aws:ssm:*:*:parameter/a%3Ab"} }`;
    await h.call("PutUserPolicy", { UserName: "ALICE", PolicyName: "read", PolicyDocument: doc });
    const got = await h.call<GetUserPolicyResponse>("GetUserPolicy", { UserName: "Alice", PolicyName: "READ" });
    expect(got).toEqual({ UserName: "alice", PolicyName: "read", PolicyDocument: doc });
  });

  it("renames a policy re-put under another spelling, for users, roles and groups", async () => {
    for (const [kind, owner] of [["User", { UserName: "alice" }], ["Role", { RoleName: "app" }], ["Group", { GroupName: "devs" }]] as const) {
      await h.call(`Put${kind}Policy`, { ...owner, PolicyName: "MixedName", PolicyDocument: READ_POLICY });
      await h.call(`Put${kind}Policy`, { ...owner, PolicyName: "other", PolicyDocument: READ_POLICY });
      await h.call(`Put${kind}Policy`, { ...owner, PolicyName: "MIXEDNAME", PolicyDocument: READ_POLICY });
      const listed = await h.call<ListUserPoliciesResponse>(`List${kind}Policies`, owner);
      expect(listed).toEqual({ PolicyNames: ["MIXEDNAME", "other"], IsTruncated: false });
      await h.call(`Delete${kind}Policy`, { ...owner, PolicyName: "mixedname" });
      expect((await h.call<ListUserPoliciesResponse>(`List${kind}Policies`, owner)).PolicyNames).toEqual(["other"]);
    }
  });

  it("pages policy names", async () => {
    for (const name of ["c", "a", "b"]) await h.call("PutRolePolicy", { RoleName: "app", PolicyName: name, PolicyDocument: READ_POLICY });
    const first = await h.call<ListRolePoliciesResponse>("ListRolePolicies", { RoleName: "app", MaxItems: 2 });
    expect(first.PolicyNames).toEqual(["a", "b"]);
    expect(first.IsTruncated).toBe(true);
    const rest = await h.call<ListRolePoliciesResponse>("ListRolePolicies", { RoleName: "app", MaxItems: 2, Marker: first.Marker });
    expect(rest).toEqual({ PolicyNames: ["c"], IsTruncated: false });
  });

  it("answers NoSuchEntity for unknown owners and policies, per owner kind", async () => {
    await expectIamError(h.call("GetUserPolicy", { UserName: "alice", PolicyName: "p" }), "NoSuchEntity", 404, "The user policy with name p cannot be found.");
    await expectIamError(h.call("GetRolePolicy", { RoleName: "app", PolicyName: "p" }), "NoSuchEntity", 404, "The role policy with name p cannot be found.");
    await expectIamError(h.call("DeleteGroupPolicy", { GroupName: "devs", PolicyName: "p" }), "NoSuchEntity", 404, "The group policy with name p cannot be found.");
    await expectIamError(h.call("PutRolePolicy", { RoleName: "x", PolicyName: "p", PolicyDocument: READ_POLICY }), "NoSuchEntity", 404, "The role with name x cannot be found.");
    await expectIamError(h.call("ListGroupPolicies", { GroupName: "x" }), "NoSuchEntity", 404, "The group with name x cannot be found.");
  });

  it("refuses a malformed document", async () => {
    await expectIamError(h.call("PutUserPolicy", { UserName: "alice", PolicyName: "p", PolicyDocument: "{nope" }), "MalformedPolicyDocument", 400, "This policy contains invalid Json");
    await expectIamError(h.call("PutGroupPolicy", { GroupName: "devs", PolicyName: "p", PolicyDocument: "[]" }), "MalformedPolicyDocument", 400, "Syntax errors in policy.");
  });

  it("enforces the aggregate size quota per owner kind, whitespace excluded, replacing counts once", async () => {
    expect(documentOfSize(2048).length).toBeGreaterThan(2048);
    await h.call("PutUserPolicy", { UserName: "alice", PolicyName: "big", PolicyDocument: documentOfSize(2000) });
    await h.call("PutUserPolicy", { UserName: "alice", PolicyName: "BIG", PolicyDocument: documentOfSize(2048) });
    await expectIamError(
      h.call("PutUserPolicy", { UserName: "alice", PolicyName: "more", PolicyDocument: documentOfSize(150) }),
      "LimitExceeded",
      409,
      "Maximum policy size of 2048 bytes exceeded for user alice",
    );
    await h.call("PutGroupPolicy", { GroupName: "devs", PolicyName: "a", PolicyDocument: documentOfSize(5000) });
    await expectIamError(
      h.call("PutGroupPolicy", { GroupName: "devs", PolicyName: "b", PolicyDocument: documentOfSize(150) }),
      "LimitExceeded",
      409,
      "Maximum policy size of 5120 bytes exceeded for group devs",
    );
    await h.call("PutRolePolicy", { RoleName: "app", PolicyName: "a", PolicyDocument: documentOfSize(10240) });
    await expectIamError(
      h.call("PutRolePolicy", { RoleName: "app", PolicyName: "b", PolicyDocument: documentOfSize(150) }),
      "LimitExceeded",
      409,
      "Maximum policy size of 10240 bytes exceeded for role app",
    );
  });
});
