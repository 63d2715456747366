import type {
  CreatePolicyResponse,
  CreatePolicyVersionResponse,
  GetPolicyResponse,
  GetPolicyVersionResponse,
  ListAttachedUserPoliciesResponse,
  ListEntitiesForPolicyResponse,
  ListPoliciesResponse,
  ListPolicyVersionsResponse,
} from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, READ_POLICY, TRUST, expectIamError, openIamHarness, type IamHarness } from "../iam-harness.case.js";

let h: IamHarness;
beforeEach(async () => {
  h = await openIamHarness();
});
afterEach(async () => {
  await h.close();
});

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const SSM_READ = "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess";
const arnOf = (name: string, path = "/"): string => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`;
const docWith = (action: string): string => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

describe("CreatePolicy / GetPolicy / DeletePolicy", () => {
  it("creates v1 as the default and shows the description only in GetPolicy", async () => {
    const created = await h.call<CreatePolicyResponse>("CreatePolicy", {
      PolicyName: "ssm-read-app",
      PolicyDocument: READ_POLICY,
      Description: "reads app parameters",
    });
    const base = {
      PolicyName: "ssm-read-app",
      PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/) as unknown,
      Arn: arnOf("ssm-read-app"),
      Path: "/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: new Date(Date.UTC(2024, 4, 1, 12)),
      UpdateDate: new Date(Date.UTC(2024, 4, 1, 12)),
    };
    expect(created.Policy).toEqual(base);
    const got = await h.call<GetPolicyResponse>("GetPolicy", { PolicyArn: arnOf("ssm-read-app") });
    expect(got.Policy).toEqual({ ...base, Description: "reads app parameters" });
    const version = await h.call<GetPolicyVersionResponse>("GetPolicyVersion", { PolicyArn: arnOf("ssm-read-app"), VersionId: "v1" });
    expect(version.PolicyVersion).toEqual({ Document: READ_POLICY, VersionId: "v1", IsDefaultVersion: true, CreateDate: base.CreateDate });
  });

  it("refuses a duplicate name in any case and path, a malformed document, and an oversized one", async () => {
    await h.call("CreatePolicy", { PolicyName: "p", PolicyDocument: READ_POLICY });
    await expectIamError(
      h.call("CreatePolicy", { PolicyName: "P", Path: "/x/", PolicyDocument: READ_POLICY }),
      "EntityAlreadyExists",
      409,
      "A policy called P already exists. Duplicate names are not allowed.",
    );
    await expectIamError(h.call("CreatePolicy", { PolicyName: "q", PolicyDocument: "nope" }), "MalformedPolicyDocument", 400, "This policy contains invalid Json");
    const big = docWith(`ssm:${"G".repeat(6144)}`);
    await expectIamError(h.call("CreatePolicy", { PolicyName: "q", PolicyDocument: big }), "LimitExceeded", 409, "Cannot exceed quota for PolicySize: 6144");
  });

  it("answers an unknown ARN with NoSuchEntity and a non-ARN with the parse error", async () => {
    await expectIamError(h.call("GetPolicy", { PolicyArn: arnOf("none") }), "NoSuchEntity", 404, `Policy ${arnOf("none")} was not found.`);
    await expectIamError(h.call("DeletePolicy", { PolicyArn: arnOf("none") }), "NoSuchEntity", 404, `Policy ${arnOf("none")} was not found.`);
    await expectIamError(h.call("GetPolicy", { PolicyArn: "longpolicynamebutnoarn" }), "ValidationError", 400, "Invalid ARN:  Could not be parsed!");
  });

  it("refuses DeletePolicy while attached or while other versions remain", async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await h.call("CreatePolicy", { PolicyName: "p", PolicyDocument: READ_POLICY });
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: arnOf("p") });
    await expectIamError(h.call("DeletePolicy", { PolicyArn: arnOf("p") }), "DeleteConflict", 409, "Cannot delete a policy attached to entities.");
    await h.call("DetachUserPolicy", { UserName: "alice", PolicyArn: arnOf("p") });
    await h.call("CreatePolicyVersion", { PolicyArn: arnOf("p"), PolicyDocument: READ_POLICY });
    await expectIamError(
      h.call("DeletePolicy", { PolicyArn: arnOf("p") }),
      "DeleteConflict",
      409,
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    await h.call("DeletePolicyVersion", { PolicyArn: arnOf("p"), VersionId: "v2" });
    await h.call("DeletePolicy", { PolicyArn: arnOf("p") });
    await expectIamError(h.call("GetPolicy", { PolicyArn: arnOf("p") }), "NoSuchEntity", 404, `Policy ${arnOf("p")} was not found.`);
  });
});

describe("policy versions", () => {
  it("numbers versions without reuse, caps them at 5, and moves the default", async () => {
    const arn = arnOf("p");
    await h.call("CreatePolicy", { PolicyName: "p", PolicyDocument: docWith("ssm:GetParameter") });
    const v2 = await h.call<CreatePolicyVersionResponse>("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: docWith("ssm:A") });
    expect(v2.PolicyVersion).toEqual({ VersionId: "v2", IsDefaultVersion: false, CreateDate: new Date(Date.UTC(2024, 4, 1, 12)) });
    for (const action of ["ssm:B", "ssm:C", "ssm:D"]) await h.call("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: docWith(action) });
    await expectIamError(
      h.call("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: docWith("ssm:E") }),
      "LimitExceeded",
      409,
      "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
    );
    await h.call("DeletePolicyVersion", { PolicyArn: arn, VersionId: "v3" });
    h.now += 60_000;
    const v6 = await h.call<CreatePolicyVersionResponse>("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: docWith("ssm:F"), SetAsDefault: true });
    expect(v6.PolicyVersion?.VersionId).toBe("v6");
    expect(v6.PolicyVersion?.IsDefaultVersion).toBe(true);
    const got = await h.call<GetPolicyResponse>("GetPolicy", { PolicyArn: arn });
    expect(got.Policy).toMatchObject({ DefaultVersionId: "v6", UpdateDate: new Date(Date.UTC(2024, 4, 1, 12, 1)) });
    const listed = await h.call<ListPolicyVersionsResponse>("ListPolicyVersions", { PolicyArn: arn });
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ["v1", false],
      ["v2", false],
      ["v4", false],
      ["v5", false],
      ["v6", true],
    ]);
    expect(listed.Versions?.some((v) => "Document" in v)).toBe(false);

    await expectIamError(h.call("DeletePolicyVersion", { PolicyArn: arn, VersionId: "v6" }), "DeleteConflict", 409, "Cannot delete the default version of a policy.");
    const missing = `Policy ${arn} version v3 does not exist or is not attachable.`;
    await expectIamError(h.call("GetPolicyVersion", { PolicyArn: arn, VersionId: "v3" }), "NoSuchEntity", 404, missing);
    await expectIamError(h.call("SetDefaultPolicyVersion", { PolicyArn: arn, VersionId: "v3" }), "NoSuchEntity", 404, missing);
    await expectIamError(h.call("DeletePolicyVersion", { PolicyArn: arn, VersionId: "v3" }), "NoSuchEntity", 404, missing);
    await h.call("SetDefaultPolicyVersion", { PolicyArn: arn, VersionId: "v2" });
    const v2doc = await h.call<GetPolicyVersionResponse>("GetPolicyVersion", { PolicyArn: arn, VersionId: "v2" });
    expect(v2doc.PolicyVersion).toMatchObject({ Document: docWith("ssm:A"), IsDefaultVersion: true });
  });
});

describe("AWS managed policies", () => {
  it("reads the catalogue's documents and refuses to change them", async () => {
    const got = await h.call<GetPolicyResponse>("GetPolicy", { PolicyArn: ADMIN });
    expect(got.Policy).toEqual({
      PolicyName: "AdministratorAccess",
      PolicyId: "ANPAIWMBCKSKIEE64ZLYK",
      Arn: ADMIN,
      Path: "/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Description: "Provides full access to AWS services and resources.",
      CreateDate: new Date("2015-02-06T18:39:46Z"),
      UpdateDate: new Date("2015-02-06T18:39:46Z"),
    });
    const version = await h.call<GetPolicyVersionResponse>("GetPolicyVersion", { PolicyArn: SSM_READ, VersionId: "v1" });
    expect(JSON.parse(version.PolicyVersion?.Document ?? "")).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["ssm:Describe*", "ssm:Get*", "ssm:List*"], Resource: "*" }],
    });
    await expectIamError(h.call("DeletePolicy", { PolicyArn: ADMIN }), "UnmodifiableEntity", 400, `Cannot modify AWS managed policy ${ADMIN}.`);
    await expectIamError(h.call("CreatePolicyVersion", { PolicyArn: ADMIN, PolicyDocument: READ_POLICY }), "UnmodifiableEntity", 400, `Cannot modify AWS managed policy ${ADMIN}.`);
  });
});

describe("attachments", () => {
  beforeEach(async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await h.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: TRUST });
    await h.call("CreateGroup", { GroupName: "devs" });
  });

  it("validates the ARN, then the policy's existence; attaching twice is a no-op", async () => {
    await expectIamError(h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: "longpolicynamebutnoarn" }), "ValidationError", 400, "Invalid ARN:  Could not be parsed!");
    const none = arnOf("none");
    await expectIamError(h.call("AttachRolePolicy", { RoleName: "app", PolicyArn: none }), "NoSuchEntity", 404, `Policy ${none} does not exist or is not attachable.`);
    await expectIamError(h.call("AttachGroupPolicy", { GroupName: "nobody", PolicyArn: ADMIN }), "NoSuchEntity", 404, "The group with name nobody cannot be found.");
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: ADMIN });
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: ADMIN });
    const listed = await h.call<ListAttachedUserPoliciesResponse>("ListAttachedUserPolicies", { UserName: "alice" });
    expect(listed).toEqual({ AttachedPolicies: [{ PolicyName: "AdministratorAccess", PolicyArn: ADMIN }], IsTruncated: false });
    await h.call("DetachUserPolicy", { UserName: "alice", PolicyArn: ADMIN });
    await expectIamError(h.call("DetachUserPolicy", { UserName: "alice", PolicyArn: ADMIN }), "NoSuchEntity", 404, `Policy ${ADMIN} was not found.`);
  });

  it("limits each owner to 10 managed policies", async () => {
    for (let i = 0; i < 11; i++) await h.call("CreatePolicy", { PolicyName: `p${i}`, PolicyDocument: READ_POLICY });
    for (let i = 0; i < 10; i++) {
      await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: arnOf(`p${i}`) });
      await h.call("AttachRolePolicy", { RoleName: "app", PolicyArn: arnOf(`p${i}`) });
      await h.call("AttachGroupPolicy", { GroupName: "devs", PolicyArn: arnOf(`p${i}`) });
    }
    await expectIamError(h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: arnOf("p10") }), "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerUser: 10");
    await expectIamError(h.call("AttachRolePolicy", { RoleName: "app", PolicyArn: arnOf("p10") }), "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerRole: 10");
    await expectIamError(h.call("AttachGroupPolicy", { GroupName: "devs", PolicyArn: arnOf("p10") }), "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerGroup: 10");
    const first = await h.call<ListAttachedUserPoliciesResponse>("ListAttachedUserPolicies", { UserName: "alice", MaxItems: 6 });
    const rest = await h.call<ListAttachedUserPoliciesResponse>("ListAttachedUserPolicies", { UserName: "alice", MaxItems: 6, Marker: first.Marker });
    expect([first.AttachedPolicies?.length, rest.AttachedPolicies?.length, first.IsTruncated, rest.IsTruncated]).toEqual([6, 4, true, false]);
  });

  it("counts attachments and lists the entities a policy is attached to", async () => {
    await h.call("CreatePolicy", { PolicyName: "p", PolicyDocument: READ_POLICY, Path: "/team/" });
    const arn = arnOf("p", "/team/");
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: arn });
    await h.call("AttachRolePolicy", { RoleName: "app", PolicyArn: arn });
    await h.call("AttachGroupPolicy", { GroupName: "devs", PolicyArn: arn });
    expect((await h.call<GetPolicyResponse>("GetPolicy", { PolicyArn: arn })).Policy?.AttachmentCount).toBe(3);
    const entities = await h.call<ListEntitiesForPolicyResponse>("ListEntitiesForPolicy", { PolicyArn: arn });
    expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual(["alice"]);
    expect(entities.PolicyRoles?.map((r) => r.RoleName)).toEqual(["app"]);
    expect(entities.PolicyGroups?.map((g) => g.GroupName)).toEqual(["devs"]);
    const roles = await h.call<ListEntitiesForPolicyResponse>("ListEntitiesForPolicy", { PolicyArn: arn, EntityFilter: "Role" });
    expect([roles.PolicyUsers, roles.PolicyGroups, roles.PolicyRoles?.length]).toEqual([[], [], 1]);
  });
});

describe("ListPolicies", () => {
  beforeEach(async () => {
    await h.call("CreateUser", { UserName: "alice" });
    await h.call("CreatePolicy", { PolicyName: "zeta", PolicyDocument: READ_POLICY });
    await h.call("CreatePolicy", { PolicyName: "AdministratorAccess", PolicyDocument: READ_POLICY, Path: "/mine/" });
    await h.call("CreatePolicy", { PolicyName: "beta", PolicyDocument: READ_POLICY, Path: "/mine/" });
  });

  const names = (r: ListPoliciesResponse): string[] => (r.Policies ?? []).map((p) => p.Arn ?? "");

  it("merges AWS managed and local policies by name, local first on a tie, across pages", async () => {
    const all = await h.call<ListPoliciesResponse>("ListPolicies", {});
    const expected = [arnOf("AdministratorAccess", "/mine/"), ADMIN, SSM_READ, arnOf("beta", "/mine/"), arnOf("zeta")];
    expect(names(all)).toEqual(expected);
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page: ListPoliciesResponse = await h.call("ListPolicies", { MaxItems: 2, ...(marker === undefined ? {} : { Marker: marker }) });
      seen.push(...names(page));
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } while (marker !== undefined);
    expect(seen).toEqual(expected);
  });

  it("filters by scope, attachment and path prefix", async () => {
    expect(names(await h.call("ListPolicies", { Scope: "AWS" }))).toEqual([ADMIN, SSM_READ]);
    expect(names(await h.call("ListPolicies", { Scope: "Local", PathPrefix: "/mine/" }))).toEqual([arnOf("AdministratorAccess", "/mine/"), arnOf("beta", "/mine/")]);
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: SSM_READ });
    await h.call("AttachUserPolicy", { UserName: "alice", PolicyArn: arnOf("zeta") });
    const attached = await h.call<ListPoliciesResponse>("ListPolicies", { OnlyAttached: true });
    expect(names(attached)).toEqual([SSM_READ, arnOf("zeta")]);
    expect(attached.Policies?.map((p) => p.AttachmentCount)).toEqual([1, 1]);
  });
});
