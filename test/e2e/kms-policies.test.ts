import { GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws } from "../support/aws-cli.js";
import { boto3, type Boto3Call, type Boto3Result } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCESS_KEY_ID, TEST_ACCOUNT_ID, TEST_SECRET_ACCESS_KEY, type ServerHandle } from "../support/server-process.js";

// Key policies (kms.md §9, §11): stored and validated as policy documents, not yet enforced.
const ACCOUNT = TEST_ACCOUNT_ID;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const arnOf = (keyId: string): string => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`;

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const kms = (calls: readonly Boto3Call[]): Promise<Boto3Result[]> => boto3(server.url, calls, { service: "kms" });
const ok = (r: Boto3Result | undefined): Record<string, unknown> => {
  if (r === undefined || !("ok" in r)) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.ok;
};
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });

async function createKey(params: Record<string, unknown> = {}): Promise<string> {
  const [created] = await kms([{ op: "create_key", params }]);
  return (ok(created)["KeyMetadata"] as { KeyId: string }).KeyId;
}

const adminPolicy = (sid = "admin"): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: sid, Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" }],
  });

const DEFAULT_POLICY = [
  "{",
  '  "Version" : "2012-10-17",',
  '  "Id" : "key-default-1",',
  '  "Statement" : [ {',
  '    "Sid" : "Enable IAM User Permissions",',
  '    "Effect" : "Allow",',
  '    "Principal" : {',
  `      "AWS" : "${ROOT}"`,
  "    },",
  '    "Action" : "kms:*",',
  '    "Resource" : "*"',
  "  } ]",
  "}",
].join("\n");

describe("GetKeyPolicy, PutKeyPolicy and ListKeyPolicies", () => {
  it("gives a key without Policy the default key policy, by key id or ARN, in every state", async () => {
    const keyId = await createKey();
    await kms([{ op: "schedule_key_deletion", params: { KeyId: keyId, PendingWindowInDays: 7 } }]);
    const [byId, byArn, named, listed] = await kms([
      { op: "get_key_policy", params: { KeyId: keyId } },
      { op: "get_key_policy", params: { KeyId: arnOf(keyId) } },
      { op: "get_key_policy", params: { KeyId: keyId, PolicyName: "default" } },
      { op: "list_key_policies", params: { KeyId: keyId } },
    ]);
    expect(ok(byId)).toEqual({ Policy: DEFAULT_POLICY, PolicyName: "default" });
    expect(ok(byArn)).toEqual(ok(byId));
    expect(ok(named)).toEqual(ok(byId));
    expect(ok(listed)).toEqual({ PolicyNames: ["default"], Truncated: false });
  });

  it("stores a CreateKey Policy and a PutKeyPolicy document as given", async () => {
    const policy = adminPolicy("created");
    const keyId = await createKey({ Policy: policy });
    const [got] = await kms([{ op: "get_key_policy", params: { KeyId: keyId } }]);
    expect(ok(got)["Policy"]).toBe(policy);
    const replaced = adminPolicy("replaced");
    const [put, after] = await kms([
      { op: "put_key_policy", params: { KeyId: arnOf(keyId), PolicyName: "default", Policy: replaced } },
      { op: "get_key_policy", params: { KeyId: keyId } },
    ]);
    expect(ok(put)).toEqual({});
    expect(ok(after)["Policy"]).toBe(replaced);
  });

  it("refuses documents as AWS does, and the lockout only without the bypass", async () => {
    const keyId = await createKey();
    const readOnly = JSON.stringify({
      Statement: { Effect: "Allow", Principal: { AWS: ROOT }, Action: ["kms:Describe*", "kms:Get*"], Resource: "*" },
    });
    const badPrincipal = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { AWS: "bob" }, Action: "kms:*", Resource: "*" }],
    });
    const results = await kms([
      { op: "create_key", params: { Policy: "my policy" } },
      { op: "put_key_policy", params: { KeyId: keyId, Policy: "policy 2.0" } },
      { op: "put_key_policy", params: { KeyId: keyId, Policy: badPrincipal } },
      { op: "put_key_policy", params: { KeyId: keyId, Policy: readOnly } },
      { op: "create_key", params: { Policy: readOnly } },
      { op: "put_key_policy", params: { KeyId: keyId, Policy: readOnly, BypassPolicyLockoutSafetyCheck: true } },
      { op: "get_key_policy", params: { KeyId: keyId } },
      // The new policy gates the very next use (the one read before it was cached): root may only read now.
      { op: "encrypt", params: { KeyId: keyId, Plaintext: "aGk=" } },
    ]);
    const lockout = error("MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in the future.");
    expect(results.slice(0, 5)).toEqual([
      error("MalformedPolicyDocumentException", ""),
      error("MalformedPolicyDocumentException", ""),
      error("MalformedPolicyDocumentException", "Policy contains a statement with one or more invalid principals."),
      lockout,
      lockout,
    ]);
    expect(ok(results[5])).toEqual({});
    expect(ok(results[6])["Policy"]).toBe(readOnly);
    expect(results[7]).toMatchObject({ error: { code: "AccessDeniedException", message: expect.stringContaining(`kms:Encrypt on resource: ${arnOf(keyId)}`) } });
  });

  it("knows only the policy name default, and refuses aliases, unknown keys and markers", async () => {
    const keyId = await createKey();
    await kms([{ op: "create_alias", params: { AliasName: "alias/policy-key", TargetKeyId: keyId } }]);
    const missing = "1234abcd-12ab-34cd-56ef-1234567890ab";
    const results = await kms([
      { op: "get_key_policy", params: { KeyId: keyId, PolicyName: "other" } },
      { op: "put_key_policy", params: { KeyId: keyId, PolicyName: "other", Policy: adminPolicy() } },
      { op: "get_key_policy", params: { KeyId: "alias/policy-key" } },
      { op: "list_key_policies", params: { KeyId: missing } },
      { op: "put_key_policy", params: { KeyId: missing, Policy: adminPolicy() } },
      { op: "list_key_policies", params: { KeyId: keyId, Marker: "x" } },
    ]);
    expect(results).toEqual([
      error("NotFoundException", "No such policy exists"),
      error("NotFoundException", "No such policy exists"),
      error("NotFoundException", "Invalid keyId 'alias/policy-key'"),
      error("NotFoundException", `Key '${arnOf(missing)}' does not exist`),
      error("NotFoundException", `Key '${arnOf(missing)}' does not exist`),
      error("InvalidMarkerException", "Invalid marker"),
    ]);
  });

  it("shows the AWS managed aws/ssm policy and refuses to replace it", async () => {
    const [described] = await kms([{ op: "describe_key", params: { KeyId: "alias/aws/ssm" } }]);
    const keyId = (ok(described)["KeyMetadata"] as { KeyId: string }).KeyId;
    const [got, put, listed] = await kms([
      { op: "get_key_policy", params: { KeyId: keyId } },
      { op: "put_key_policy", params: { KeyId: keyId, Policy: adminPolicy() } },
      { op: "list_key_policies", params: { KeyId: keyId } },
    ]);
    const policy = JSON.parse(ok(got)["Policy"] as string) as { Id: string; Statement: { Sid: string; Principal: unknown }[] };
    expect(policy.Id).toBe("auto-ssm-1");
    expect(policy.Statement.map((s) => s.Principal)).toEqual([{ AWS: "*" }, { AWS: ROOT }]);
    expect(put).toEqual({
      error: {
        code: "AccessDeniedException",
        message: `User: ${ROOT} is not authorized to perform: kms:PutKeyPolicy on resource: ${arnOf(keyId)} because no resource-based policy allows the kms:PutKeyPolicy action`,
        status: 400,
      },
    });
    expect(ok(listed)).toEqual({ PolicyNames: ["default"], Truncated: false });
  });

  it("serves the aws CLI and SDK v3", async () => {
    const keyId = await createKey();
    const cli = await aws(server.url, ["kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default"]);
    expect(cli.status).toBe(0);
    expect(cli.json).toEqual({ Policy: DEFAULT_POLICY, PolicyName: "default" });
    const client = new KMSClient({
      endpoint: server.url,
      region: "us-east-1",
      credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });
    await client.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: adminPolicy("sdk") }));
    expect((await client.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(adminPolicy("sdk"));
    const refused = await client.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: "{" })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "MalformedPolicyDocumentException", $metadata: { httpStatusCode: 400 } });
  });
});
