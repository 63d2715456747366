import { DeleteResourcePolicyCommand, GetResourcePoliciesCommand, PutResourcePolicyCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { ssmClient } from "../support/sdk.js";
import { signedJson } from "../support/signed-fetch.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy: sharing parameters (ssm-parameter-store.md §4.13).
const ARN = `arn:aws:ssm:us-east-1:${TEST_ACCOUNT_ID}:parameter`;
const policyFor = (arn: string, account = "210987654321"): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "share", Effect: "Allow", Principal: { AWS: account }, Action: ["ssm:GetParameter", "ssm:GetParameters"], Resource: arn }],
  });

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
  const advanced = ["/rp/adv", "/rp/conflict", "/rp/paged", "/rp/limit", "/rp/deleted", "rp-top", "/rp/sdk", "/rp/cli"];
  const calls: Boto3Call[] = advanced.map((Name) => ({ op: "put_parameter", params: { Name, Type: "String", Value: "v", Tier: "Advanced" } }));
  calls.push(
    { op: "put_parameter", params: { Name: "/rp/std", Type: "String", Value: "v" } },
    { op: "put_parameter", params: { Name: "/rp/sec", Type: "SecureString", Value: "s", Tier: "Advanced" } },
    { op: "put_parameter", params: { Name: "/rp/sec-alias", Type: "SecureString", Value: "s", Tier: "Advanced", KeyId: "alias/aws/ssm" } },
  );
  const results = await boto3(server.url, calls);
  const failed = results.filter((r) => !("ok" in r));
  if (failed.length > 0) throw new Error(`fixture puts failed: ${JSON.stringify(failed)}`);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const put = (ResourceArn: string, Policy: string, extra: Record<string, string> = {}): Boto3Call => ({
  op: "put_resource_policy",
  params: { ResourceArn, Policy, ...extra },
});
const get = (ResourceArn: string, extra: Record<string, unknown> = {}): Boto3Call => ({ op: "get_resource_policies", params: { ResourceArn, ...extra } });
const del = (ResourceArn: string, PolicyId: string, PolicyHash: string): Boto3Call => ({
  op: "delete_resource_policy",
  params: { ResourceArn, PolicyId, PolicyHash },
});
const ok = <T>(r: Boto3Result | undefined): T => {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok as T;
};
interface PutOut {
  PolicyId: string;
  PolicyHash: string;
}
interface GetOut {
  Policies: Array<{ PolicyId: string; PolicyHash: string; Policy: string }>;
  NextToken?: string;
}
const err = (code: string, message: string) => ({ error: { code, message, status: 400 } });

describe("resource policies", () => {
  it("attaches a policy, lists it verbatim, replaces it by id and hash, and deletes it", async () => {
    const arn = `${ARN}/rp/adv`;
    const first = policyFor(arn);
    const [created, listed] = await boto3(server.url, [put(arn, first), get(arn)]);
    const { PolicyId, PolicyHash } = ok<PutOut>(created);
    expect(Object.keys(ok<PutOut>(created)).sort()).toEqual(["PolicyHash", "PolicyId"]);
    expect(PolicyId).toMatch(/\S/);
    expect(PolicyHash).toMatch(/\S/);
    expect(ok<GetOut>(listed)).toEqual({ Policies: [{ PolicyId, PolicyHash, Policy: first }] });

    const second = policyFor(arn, "123456789012");
    const [replaced, relisted] = await boto3(server.url, [put(arn, second, { PolicyId, PolicyHash }), get(arn)]);
    const after = ok<PutOut>(replaced);
    expect(after.PolicyId).toBe(PolicyId);
    expect(after.PolicyHash).not.toBe(PolicyHash);
    expect(ok<GetOut>(relisted)).toEqual({ Policies: [{ PolicyId, PolicyHash: after.PolicyHash, Policy: second }] });

    // The same text again still moves the hash on: a hash names one write, not one text.
    const [same] = await boto3(server.url, [put(arn, second, { PolicyId, PolicyHash: after.PolicyHash })]);
    const third = ok<PutOut>(same);
    expect(third.PolicyHash).not.toBe(after.PolicyHash);

    const [stale, deleted, empty] = await boto3(server.url, [del(arn, PolicyId, after.PolicyHash), del(arn, PolicyId, third.PolicyHash), get(arn)]);
    expect(stale).toEqual(err("ResourcePolicyConflictException", "The PolicyHash doesn't match the current policy. Get the latest policy and try again."));
    expect(deleted).toEqual({ ok: {}, requestId: expect.any(String) });
    expect(ok<GetOut>(empty)).toEqual({ Policies: [] });
  });

  it("refuses a stale or missing hash and an unknown policy id", async () => {
    const arn = `${ARN}/rp/conflict`;
    const [created] = await boto3(server.url, [put(arn, policyFor(arn))]);
    const { PolicyId, PolicyHash } = ok<PutOut>(created);
    const [, stale, noHash, unknownPut, unknownDelete, listed] = await boto3(server.url, [
      put(arn, policyFor(arn, "111111111111"), { PolicyId, PolicyHash }),
      put(arn, policyFor(arn, "222222222222"), { PolicyId, PolicyHash }),
      put(arn, policyFor(arn, "333333333333"), { PolicyId }),
      put(arn, policyFor(arn), { PolicyId: "no-such-policy", PolicyHash }),
      del(arn, "no-such-policy", PolicyHash),
      get(arn),
    ]);
    const conflict = err("ResourcePolicyConflictException", "The PolicyHash doesn't match the current policy. Get the latest policy and try again.");
    expect(stale).toEqual(conflict);
    expect(noHash).toEqual(conflict);
    expect(unknownPut).toEqual(err("ResourcePolicyNotFoundException", "No resource policy with id no-such-policy was found."));
    expect(unknownDelete).toEqual(err("ResourcePolicyNotFoundException", "No resource policy with id no-such-policy was found."));
    expect(ok<GetOut>(listed).Policies.map((p) => p.Policy)).toEqual([policyFor(arn, "111111111111")]);
  });

  it("pages policies by MaxResults, with no token on the last page", async () => {
    const arn = `${ARN}/rp/paged`;
    const created = await boto3(server.url, Array.from({ length: 7 }, (_, i) => put(arn, policyFor(arn, `10000000000${i}`))));
    const ids = created.map((r) => ok<PutOut>(r).PolicyId).sort();
    const ssm = ssmClient(server.url);
    const pages: Array<{ ids: string[]; token: string | undefined }> = [];
    let NextToken: string | undefined;
    do {
      const page = await ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn, MaxResults: 3, NextToken }));
      pages.push({ ids: (page.Policies ?? []).map((x) => x.PolicyId ?? "?"), token: page.NextToken });
      NextToken = page.NextToken;
    } while (NextToken !== undefined);
    expect(pages.map((p) => p.ids.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.ids)).toEqual(ids);
    const [all, bad] = await boto3(server.url, [get(arn), get(arn, { NextToken: "not-a-token" })]);
    expect(ok<GetOut>(all).Policies).toHaveLength(7);
    expect(ok<GetOut>(all).NextToken).toBeUndefined();
    expect(bad).toEqual(err("ResourcePolicyInvalidParameterException", "The following token is invalid: not-a-token."));
  });

  it("allows 10 policies on a parameter and refuses the 11th", async () => {
    const arn = `${ARN}/rp/limit`;
    const results = await boto3(server.url, Array.from({ length: 11 }, (_, i) => put(arn, policyFor(arn, `20000000000${i}`))));
    results.slice(0, 10).forEach((r) => expect(r).toHaveProperty("ok"));
    expect(results[10]).toEqual(err("ResourcePolicyLimitExceededException", "The resource can have at most 10 policies."));
  });

  it("shares a top-level parameter by its ARN, and drops policies with the parameter", async () => {
    const top = `${ARN}/rp-top`;
    const deletedArn = `${ARN}/rp/deleted`;
    const results = await boto3(server.url, [
      put(top, policyFor(top)),
      get(top),
      put(deletedArn, policyFor(deletedArn)),
      { op: "delete_parameter", params: { Name: "/rp/deleted" } },
      get(deletedArn),
      { op: "put_parameter", params: { Name: "/rp/deleted", Type: "String", Value: "v", Tier: "Advanced" } },
      get(deletedArn),
    ]);
    expect(ok<GetOut>(results[1]).Policies).toHaveLength(1);
    expect(results[4]).toEqual(err("ResourceNotFoundException", `The resource ${deletedArn} was not found.`));
    expect(ok<GetOut>(results[6])).toEqual({ Policies: [] });
  });
});

describe("resource policies in authorisation", () => {
  it("applies a Deny at once, lifts it at once when deleted, and leaves none behind on a re-created parameter", async () => {
    const name = "/rp/enforced";
    const arn = `${ARN}${name}`;
    const user = `arn:aws:iam::${TEST_ACCOUNT_ID}:user/rp-reader`;
    const [, , key] = await boto3(
      server.url,
      [
        { op: "create_user", params: { UserName: "rp-reader" } },
        {
          op: "put_user_policy",
          params: {
            UserName: "rp-reader",
            PolicyName: "read",
            PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] }),
          },
        },
        { op: "create_access_key", params: { UserName: "rp-reader" } },
      ],
      { service: "iam" },
    );
    const { AccessKeyId, SecretAccessKey } = ok<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(key).AccessKey;
    const read = async (): Promise<Boto3Result | undefined> =>
      (await boto3(server.url, [{ op: "get_parameter", params: { Name: name } }], { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey }))[0];
    const deny = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Sid: "no", Effect: "Deny", Principal: { AWS: user }, Action: "ssm:GetParameter", Resource: arn }],
    });
    const denied = {
      error: {
        code: "AccessDeniedException",
        message: `User: ${user} is not authorized to perform: ssm:GetParameter on resource: ${arn} with an explicit deny in a resource-based policy`,
        status: 400,
      },
    };

    const [created] = await boto3(server.url, [{ op: "put_parameter", params: { Name: name, Type: "String", Value: "v", Tier: "Advanced" } }]);
    ok(created);
    expect(await read()).toMatchObject({ ok: { Parameter: { Name: name } } });
    const [attached] = await boto3(server.url, [put(arn, deny)]);
    expect(await read()).toEqual(denied);
    const { PolicyId, PolicyHash } = ok<PutOut>(attached);
    ok(await boto3(server.url, [del(arn, PolicyId, PolicyHash)]).then((r) => r[0]));
    expect(await read()).toMatchObject({ ok: { Parameter: { Name: name } } });

    ok(await boto3(server.url, [put(arn, deny)]).then((r) => r[0]));
    expect(await read()).toEqual(denied);
    const again = await boto3(server.url, [
      { op: "delete_parameter", params: { Name: name } },
      { op: "put_parameter", params: { Name: name, Type: "String", Value: "v", Tier: "Advanced" } },
    ]);
    again.forEach((r) => ok(r));
    expect(await read()).toMatchObject({ ok: { Parameter: { Name: name } } });
  });
});

describe("resource policy errors", () => {
  it("refuses parameters that cannot be shared", async () => {
    const results = await boto3(server.url, [
      put(`${ARN}/rp/std`, policyFor(`${ARN}/rp/std`)),
      put(`${ARN}/rp/sec`, policyFor(`${ARN}/rp/sec`)),
      put(`${ARN}/rp/sec-alias`, policyFor(`${ARN}/rp/sec-alias`)),
      get(`${ARN}/rp/std`),
    ]);
    const managed = err(
      "ResourcePolicyInvalidParameterException",
      "A SecureString parameter encrypted with the AWS managed key can't be shared. Encrypt the parameter with a customer managed key and try again.",
    );
    expect(results).toEqual([
      err(
        "ResourcePolicyInvalidParameterException",
        "Only advanced-tier parameters can be shared. Upgrade the parameter to the advanced-parameter tier and try again.",
      ),
      managed,
      managed,
      { ok: { Policies: [] }, requestId: expect.any(String) },
    ]);
  });

  it("answers ARNs that name nothing here with ResourceNotFoundException, and non-ARNs as invalid", async () => {
    const missing = `${ARN}/rp/missing`;
    const otherAccount = "arn:aws:ssm:us-east-1:999999999999:parameter/rp/adv";
    const otherRegion = `arn:aws:ssm:eu-west-1:${TEST_ACCOUNT_ID}:parameter/rp/adv`;
    const opsItemGroup = `arn:aws:ssm:us-east-1:${TEST_ACCOUNT_ID}:opsitemgroup/default`;
    const notArn = "this-is-not-an-arn-at-all";
    const s3 = "arn:aws:s3:::some-bucket/key";
    const results = await boto3(server.url, [
      put(missing, policyFor(missing)),
      get(missing),
      del(missing, "id", "hash"),
      get(otherAccount),
      get(otherRegion),
      put(opsItemGroup, policyFor(opsItemGroup)),
      get(notArn),
      put(s3, policyFor(s3)),
    ]);
    const notFound = (arn: string) => err("ResourceNotFoundException", `The resource ${arn} was not found.`);
    const invalid = (arn: string) =>
      err("ResourcePolicyInvalidParameterException", `The resource ARN ${arn} is not valid. Specify the ARN of a parameter in this account and Region.`);
    expect(results).toEqual([
      notFound(missing),
      notFound(missing),
      notFound(missing),
      notFound(otherAccount),
      notFound(otherRegion),
      notFound(opsItemGroup),
      invalid(notArn),
      invalid(s3),
    ]);
  });

  it("refuses malformed policy documents and changes nothing", async () => {
    const arn = `${ARN}/rp/adv`;
    const noPrincipal = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: arn }] });
    const badEffect = JSON.stringify({ Statement: [{ Effect: "Maybe", Principal: "*", Action: "ssm:GetParameter" }] });
    const results = await boto3(server.url, [put(arn, "{not json"), put(arn, noPrincipal), put(arn, badEffect), put(arn, "   "), get(arn)]);
    const malformed = (detail: string) => err("MalformedResourcePolicyDocumentException", `The resource policy document is malformed: ${detail}`);
    expect(results).toEqual([
      malformed("the policy is not valid JSON."),
      malformed("statement 1 must contain Principal or NotPrincipal."),
      malformed("Effect of statement 1 must be Allow or Deny."),
      err(
        "ValidationException",
        "1 validation error detected: Value '   ' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!\\s*$).+",
      ),
      { ok: { Policies: [] }, requestId: expect.any(String) },
    ]);
  });

  it("sends its errors under Message", async () => {
    const r = await signedJson(server.url, JSON.stringify({ ResourceArn: `${ARN}/rp/missing` }), { target: "AmazonSSM.GetResourcePolicies" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "ResourceNotFoundException", Message: `The resource ${ARN}/rp/missing was not found.` });
  });
});

describe("resource policies with the aws CLI and SDK v3", () => {
  it("puts and gets with the aws CLI", async () => {
    const arn = `${ARN}/rp/cli`;
    const putOut = await aws(server.url, ["ssm", "put-resource-policy", "--resource-arn", arn, "--policy", policyFor(arn)]);
    expect(putOut.status, putOut.stderr).toBe(0);
    const { PolicyId, PolicyHash } = putOut.json as PutOut;
    const got = await aws(server.url, ["ssm", "get-resource-policies", "--resource-arn", arn]);
    expect(got.status, got.stderr).toBe(0);
    expect(got.json).toEqual({ Policies: [{ PolicyId, PolicyHash, Policy: policyFor(arn) }] });
  });

  it("round-trips with SDK v3 and names the error classes", async () => {
    const ssm = ssmClient(server.url);
    const arn = `${ARN}/rp/sdk`;
    const created = await ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policyFor(arn) }));
    const listed = await ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn }));
    expect(listed.Policies).toEqual([{ PolicyId: created.PolicyId, PolicyHash: created.PolicyHash, Policy: policyFor(arn) }]);
    await expect(ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, PolicyId: created.PolicyId, PolicyHash: "stale" }))).rejects.toMatchObject({
      name: "ResourcePolicyConflictException",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(ssm.send(new GetResourcePoliciesCommand({ ResourceArn: `${ARN}/rp/none` }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      $metadata: { httpStatusCode: 400 },
    });
    await ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, PolicyId: created.PolicyId, PolicyHash: created.PolicyHash }));
    expect((await ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn }))).Policies).toEqual([]);
  });
});
