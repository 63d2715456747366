import { createHash } from "node:crypto";
import { ResourcePolicyCache } from "../../access/resource-policy-cache.js";
import type { AssumeRoleResponse, GetCallerIdentityResponse } from "@aws-sdk/client-sts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accessDenied } from "../../../errors/auth-errors.js";
import type { Principal } from "../../../iam/principal.js";
import { AuthorityCache } from "../../access/authority-cache.js";
import { RequestAccess } from "../../access/request-access.js";
import { expectIamError } from "../../iam/iam-harness.case.js";
import { ACCOUNT, openStsHarness, ROOT, type StsHarness } from "../sts-harness.case.js";

let h: StsHarness;
beforeEach(async () => {
  h = await openStsHarness();
});
afterEach(async () => {
  await h.close();
});

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-reader`;
const ALICE_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
const statement = (principal: unknown, action: string | string[] = "sts:AssumeRole", extra: object = {}) => ({
  Effect: "Allow",
  Principal: principal,
  Action: action,
  ...extra,
});
const trust = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const denied = (caller: string, action: string, resource = ROLE_ARN): string =>
  `User: ${caller} is not authorized to perform: ${action} on resource: ${resource}`;

/** A role; a trust policy naming the role itself is saved once the role exists. */
async function role(name: string, trustPolicy: string, extra: object = {}): Promise<void> {
  const self = trustPolicy.includes(`:role/${name}"`);
  await h.call("CreateRole", { RoleName: name, AssumeRolePolicyDocument: self ? trust(statement({ AWS: ACCOUNT })) : trustPolicy, ...extra });
  if (self) await h.call("UpdateAssumeRolePolicy", { RoleName: name, PolicyDocument: trustPolicy });
}

async function assume(caller: Principal, input: object = {}): Promise<AssumeRoleResponse> {
  return h.sts<AssumeRoleResponse>("AssumeRole", { RoleArn: ROLE_ARN, RoleSessionName: "build-42", ...input }, caller);
}

async function expectDenied(promise: Promise<unknown>, message: string): Promise<void> {
  await expectIamError(promise, "AccessDenied", 403, message);
}

describe("AssumeRole", () => {
  it("issues role session credentials a trusted user can sign with (§4.2 step 7)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })), { Path: "/service/" });
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/service/app-reader`;
    const out = await h.sts<AssumeRoleResponse>("AssumeRole", { RoleArn: roleArn, RoleSessionName: "build-42" }, alice);
    const stored = await h.storage.read((tx) => tx.iamRole("app-reader"));
    expect(out).toEqual({
      Credentials: {
        AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/) as unknown,
        SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9/+]{40}$/) as unknown,
        SessionToken: expect.stringMatching(/^[A-Za-z0-9/+]{128}$/) as unknown,
        // Whole seconds: the clock stands at 12:00:00.250.
        Expiration: new Date(Date.UTC(2024, 4, 1, 13, 0, 0)),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${stored?.roleId}:build-42`,
        // No role path in the session ARN (§2.2).
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/build-42`,
      },
    });
    const session = await h.principalOf(out.Credentials);
    expect(session).toEqual({
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/build-42`,
      accessKeyId: out.Credentials?.AccessKeyId,
      kind: "assumed-role",
      userId: `${stored?.roleId}:build-42`,
      roleArn,
      sessionIssuedAt: Date.UTC(2024, 4, 1, 12, 0, 0),
    });
    const identity = await h.sts<GetCallerIdentityResponse>("GetCallerIdentity", {}, session!);
    expect(identity).toEqual({ UserId: `${stored?.roleId}:build-42`, Account: ACCOUNT, Arn: session?.arn });
  });

  it("stores the secret only sealed and the session token only as its SHA-256", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    const out = await assume(alice);
    const record = await h.storage.read((tx) => tx.session(out.Credentials?.AccessKeyId ?? ""));
    expect(Buffer.from(record?.tokenHash ?? []).toString("hex")).toBe(createHash("sha256").update(out.Credentials?.SessionToken ?? "").digest("hex"));
    expect(Buffer.from(record?.sealedSecret ?? []).toString("latin1")).not.toContain(out.Credentials?.SecretAccessKey);
    expect(h.sealer.open(record?.sealedSecret ?? new Uint8Array(), out.Credentials?.AccessKeyId ?? "")).toBe(out.Credentials?.SecretAccessKey);
    expect(record).toMatchObject({ sessionName: "build-42", chained: false, tags: [], sessionPolicyArns: [] });
    // A wrong token is not the session's.
    expect(await h.principalOf({ ...out.Credentials!, SessionToken: "wrong" })).toBeUndefined();
  });

  it("refuses a RoleArn that is not an ARN (§4.2 step 1)", async () => {
    const alice = await h.user("alice");
    await expectIamError(assume(alice, { RoleArn: "nothing-valid-in-here" }), "ValidationError", 400, "nothing-valid-in-here is invalid");
    await expectIamError(assume(alice, { RoleArn: "arn:a:::something/test-role" }), "ValidationError", 400, "arn:a:::something/test-role is invalid");
  });

  it("refuses the account root, before looking at the role (§4.2 step 2)", async () => {
    await role("app-reader", trust(statement({ AWS: ACCOUNT })));
    await expectDenied(assume(ROOT), "Roles may not be assumed by root accounts.");
    await expectDenied(assume(ROOT, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/none` }), "Roles may not be assumed by root accounts.");
  });

  it("answers a missing role as an untrusted caller (§4.2 step 3)", async () => {
    const alice = await h.user("alice");
    const bob = await h.user("bob");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    await expectDenied(assume(bob), denied(bob.arn, "sts:AssumeRole"));
    for (const arn of [
      `arn:aws:iam::${ACCOUNT}:role/none`,
      // The same name in another account, by another path, or in another spelling is not this role.
      `arn:aws:iam::999999999999:role/app-reader`,
      `arn:aws:iam::${ACCOUNT}:role/other/app-reader`,
      `arn:aws:iam::${ACCOUNT}:role/APP-READER`,
      `arn:aws:iam::${ACCOUNT}:user/alice`,
    ]) {
      await expectDenied(assume(alice, { RoleArn: arn }), denied(ALICE_ARN, "sts:AssumeRole", arn));
    }
  });

  it("needs an identity-policy Allow when the trust policy names only the account (§3.3)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: `arn:aws:iam::${ACCOUNT}:root` })));
    await expectDenied(assume(alice), denied(ALICE_ARN, "sts:AssumeRole"));
    const allow = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: ROLE_ARN }] });
    await h.call("PutUserPolicy", { UserName: "alice", PolicyName: "assume", PolicyDocument: allow });
    expect((await assume(alice)).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/build-42`);
  });

  it("lets an explicit identity Deny win over a trust policy naming the user", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    const deny = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "sts:*", Resource: "*" }] });
    await h.call("PutUserPolicy", { UserName: "alice", PolicyName: "deny", PolicyDocument: deny });
    await expectDenied(assume(alice), denied(ALICE_ARN, "sts:AssumeRole"));
  });

  it("does not trust a user deleted and recreated under the same name (§2.3 of the evaluation spec)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    expect((await assume(alice)).AssumedRoleUser).toBeDefined();
    const keys = await h.storage.read((tx) => tx.accessKeysOf(alice.userId));
    for (const k of keys) await h.call("DeleteAccessKey", { UserName: "alice", AccessKeyId: k.accessKeyId });
    await h.call("DeleteUser", { UserName: "alice" });
    const again = await h.user("alice");
    expect(again.arn).toBe(ALICE_ARN);
    await expectDenied(assume(again), denied(ALICE_ARN, "sts:AssumeRole"));
    // Saving the trust policy again names the new alice.
    await h.call("UpdateAssumeRolePolicy", { RoleName: "app-reader", PolicyDocument: trust(statement({ AWS: ALICE_ARN })) });
    expect((await assume(again)).AssumedRoleUser).toBeDefined();
  });

  it("evaluates sts:ExternalId and sts:RoleSessionName conditions", async () => {
    const alice = await h.user("alice");
    await role(
      "app-reader",
      trust(statement({ AWS: ALICE_ARN }, "sts:AssumeRole", { Condition: { StringEquals: { "sts:ExternalId": "ext-1" }, StringLike: { "sts:RoleSessionName": "build-*" } } })),
    );
    await expectDenied(assume(alice), denied(ALICE_ARN, "sts:AssumeRole"));
    await expectDenied(assume(alice, { ExternalId: "ext-2" }), denied(ALICE_ARN, "sts:AssumeRole"));
    await expectDenied(assume(alice, { ExternalId: "ext-1", RoleSessionName: "deploy" }), denied(ALICE_ARN, "sts:AssumeRole"));
    expect((await assume(alice, { ExternalId: "ext-1" })).AssumedRoleUser).toBeDefined();
  });

  it("holds DurationSeconds to the role's MaxSessionDuration and role chains to an hour (§4.2 step 5)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: [ALICE_ARN, `arn:aws:iam::${ACCOUNT}:role/app-reader`] })), { MaxSessionDuration: 7200 });
    await expectIamError(
      assume(alice, { DurationSeconds: 7201 }),
      "ValidationError",
      400,
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
    const out = await assume(alice, { DurationSeconds: 7200 });
    expect(out.Credentials?.Expiration).toEqual(new Date(Date.UTC(2024, 4, 1, 14, 0, 0)));
    const session = (await h.principalOf(out.Credentials))!;
    await expectIamError(
      assume(session, { DurationSeconds: 3601, RoleSessionName: "chained" }),
      "ValidationError",
      400,
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
    const chained = await assume(session, { DurationSeconds: 3600, RoleSessionName: "chained" });
    const record = await h.storage.read((tx) => tx.session(chained.Credentials?.AccessKeyId ?? ""));
    expect(record?.chained).toBe(true);
  });

  it("checks session tags and needs sts:TagSession for them (§4.2 step 6)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    const tags = [{ Key: "team", Value: "blue" }];
    await expectIamError(
      assume(alice, { Tags: [...tags, { Key: "TEAM", Value: "red" }] }),
      "InvalidParameterValue",
      400,
      "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    await expectIamError(
      assume(alice, { Tags: tags, TransitiveTagKeys: ["project"] }),
      "InvalidParameterValue",
      400,
      "The specified transitive tag key must be included in the requested tags.",
    );
    await expectDenied(assume(alice, { Tags: tags }), denied(ALICE_ARN, "sts:TagSession"));

    await h.call("UpdateAssumeRolePolicy", {
      RoleName: "app-reader",
      PolicyDocument: trust(
        statement({ AWS: ALICE_ARN }),
        statement({ AWS: ALICE_ARN }, "sts:TagSession", { Condition: { StringEquals: { "aws:RequestTag/team": "blue" } } }),
      ),
    });
    await expectDenied(assume(alice, { Tags: [{ Key: "team", Value: "red" }] }), denied(ALICE_ARN, "sts:TagSession"));
    const out = await assume(alice, { Tags: tags, TransitiveTagKeys: ["TEAM"] });
    expect(out.PackedPolicySize).toBe(1);
    const record = await h.storage.read((tx) => tx.session(out.Credentials?.AccessKeyId ?? ""));
    expect(record).toMatchObject({ tags: [{ key: "team", value: "blue" }], transitiveTagKeys: ["TEAM"] });
  });

  it("passes transitive tags down a role chain, where they cannot be overridden", async () => {
    const alice = await h.user("alice");
    const selfAndAlice = { AWS: [ALICE_ARN, `arn:aws:iam::${ACCOUNT}:role/app-reader`] };
    await role("app-reader", trust(statement(selfAndAlice, ["sts:AssumeRole", "sts:TagSession"])));
    const first = await assume(alice, { Tags: [{ Key: "team", Value: "blue" }, { Key: "cost", Value: "1" }], TransitiveTagKeys: ["team"] });
    const session = (await h.principalOf(first.Credentials))!;
    await expectIamError(
      assume(session, { RoleSessionName: "chained", Tags: [{ Key: "Team", Value: "red" }] }),
      "InvalidParameterValue",
      400,
      "The session tag team is transitive in the calling session and cannot be overridden.",
    );
    const chained = await assume(session, { RoleSessionName: "chained" });
    // Only inherited tags: nothing was passed, so no PackedPolicySize.
    expect(chained.PackedPolicySize).toBeUndefined();
    const record = await h.storage.read((tx) => tx.session(chained.Credentials?.AccessKeyId ?? ""));
    expect(record).toMatchObject({ tags: [{ key: "team", value: "blue" }], transitiveTagKeys: ["team"], chained: true });
  });

  it("validates session policies and limits the session to them (§4.2 step 8)", async () => {
    const alice = await h.user("alice");
    await role("app-reader", trust(statement({ AWS: ALICE_ARN })));
    const readAll = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] });
    await h.call("PutRolePolicy", { RoleName: "app-reader", PolicyName: "read", PolicyDocument: readAll });

    await expectIamError(assume(alice, { Policy: '{"Version": "2012-10-17",}' }), "MalformedPolicyDocument", 400, "This policy contains invalid Json");
    const withPrincipal = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ssm:*", Resource: "*" }] });
    await expectIamError(assume(alice, { Policy: withPrincipal }), "MalformedPolicyDocument", 400, "Policy document should not specify a principal.");
    const arn = (i: number) => ({ arn: `arn:aws:iam::${ACCOUNT}:policy/p${i}` });
    await expectIamError(
      assume(alice, { PolicyArns: Array.from({ length: 11 }, (_, i) => arn(i)) }),
      "ValidationError",
      400,
      "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    await expectIamError(assume(alice, { PolicyArns: [{ arn: `arn:aws:iam::${ACCOUNT}:role/x` }] }), "ValidationError", 400, `arn:aws:iam::${ACCOUNT}:role/x is invalid`);
    const huge = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: Array.from({ length: 60 }, (_, i) => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/p${i}`) }],
    });
    await expectIamError(assume(alice, { Policy: huge }), "PackedPolicyTooLarge", 400, "Packed policy consumes 154% of allotted space, please use smaller policy.");

    const onlyApp = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:*:parameter/app/*` }] });
    const out = await assume(alice, { Policy: onlyApp });
    expect(out.PackedPolicySize).toBe(7);
    const session = (await h.principalOf(out.Credentials))!;
    const access = new RequestAccess(
      await new AuthorityCache(h.storage, { now: () => new Date(h.now) }).authorityOf(session),
      { region: "us-east-1", now: h.now, secureTransport: false },
      { storage: h.storage, keys: undefined as never, parameterPolicies: new ResourcePolicyCache(h.storage, { now: () => new Date(h.now) }) },
      (m) => accessDenied("json", m),
    );
    const param = (name: string) => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${name}`;
    expect(await access.check({ action: "ssm:GetParameter", resource: param("app/db") })).toEqual({ allowed: true, message: "" });
    expect(await access.check({ action: "ssm:GetParameter", resource: param("other/db") })).toEqual({
      allowed: false,
      message: `User: ${session.arn} is not authorized to perform: ssm:GetParameter on resource: ${param("other/db")} because no session policy allows the ssm:GetParameter action`,
    });
  });

  it("needs sts:SetSourceIdentity to set a source identity, echoes it, and keeps it down a chain", async () => {
    const alice = await h.user("alice");
    const principals = { AWS: [ALICE_ARN, `arn:aws:iam::${ACCOUNT}:role/app-reader`] };
    await role("app-reader", trust(statement(principals)));
    await expectDenied(assume(alice, { SourceIdentity: "alice-laptop" }), denied(ALICE_ARN, "sts:SetSourceIdentity"));
    await h.call("UpdateAssumeRolePolicy", {
      RoleName: "app-reader",
      PolicyDocument: trust(statement(principals), statement(principals, "sts:SetSourceIdentity", { Condition: { StringLike: { "sts:SourceIdentity": "alice-*" } } })),
    });
    await expectDenied(assume(alice, { SourceIdentity: "bob-laptop" }), denied(ALICE_ARN, "sts:SetSourceIdentity"));
    const out = await assume(alice, { SourceIdentity: "alice-laptop" });
    expect(out.SourceIdentity).toBe("alice-laptop");
    expect(out.PackedPolicySize).toBeUndefined();
    const session = (await h.principalOf(out.Credentials))!;
    const chained = await assume(session, { RoleSessionName: "chained" });
    expect(chained.SourceIdentity).toBe("alice-laptop");
    await expectDenied(assume(session, { RoleSessionName: "chained", SourceIdentity: "alice-other" }), denied(session.arn, "sts:SetSourceIdentity"));
  });
});
