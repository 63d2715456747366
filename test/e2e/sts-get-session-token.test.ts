import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, aws, ok, type Keys } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// STS GetSessionToken end to end (iam-sts.md §4.3): a user's session is the user (GetCallerIdentity,
// policies, denial messages), cannot itself call GetSessionToken, and the root's session is the root.
let server: ServerHandle;


const ACCOUNT = TEST_ACCOUNT_ID;
const CAROL_ARN = `arn:aws:iam::${ACCOUNT}:user/carol`;
const REFUSED = "Cannot call GetSessionToken with session credentials";
let carol: Keys;

beforeAll(async () => {
  server = await startServer();
  ok(await aws(server.url, ["iam", "create-user", "--user-name", "carol"]));
  carol = (ok(await aws(server.url, ["iam", "create-access-key", "--user-name", "carol"]))["AccessKey"] as Keys);
  const read = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/team/*` }] };
  ok(await aws(server.url, ["iam", "put-user-policy", "--user-name", "carol", "--policy-name", "read-team", "--policy-document", JSON.stringify(read)]));
  ok(await aws(server.url, ["ssm", "put-parameter", "--name", "/team/flag", "--value", "on", "--type", "String"]));
}, 120_000);

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("sts get-session-token", () => {
  it("aws CLI: a user's session is the user, with the user's permissions, and may not call GetSessionToken", async () => {
    const out = ok(await aws(server.url, ["sts", "get-session-token", "--duration-seconds", "900"], as(carol)));
    const session = out["Credentials"] as Keys;
    expect(session.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Object.keys(out)).toEqual(["Credentials"]);

    const identity = ok(await aws(server.url, ["sts", "get-caller-identity"], as(session)));
    expect(identity["Arn"]).toBe(CAROL_ARN);
    expect(identity["UserId"]).toMatch(/^AIDA[A-Z2-7]{17}$/);

    const read = ok(await aws(server.url, ["ssm", "get-parameter", "--name", "/team/flag"], as(session)));
    expect((read["Parameter"] as { Value: string }).Value).toBe("on");
    const refused = await aws(server.url, ["ssm", "get-parameter", "--name", "/elsewhere"], as(session));
    expect(refused.stderr).toContain(`User: ${CAROL_ARN} is not authorized to perform: ssm:GetParameter`);

    const again = await aws(server.url, ["sts", "get-session-token"], as(session));
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(new RegExp(`An error occurred \\(AccessDenied\\) when calling the GetSessionToken operation( \\(reached max retries: 0\\))?: ${REFUSED}\\s*$`));
  });

  it("aws CLI: DurationSeconds outside 900–129600 is a ValidationError", async () => {
    const r = await aws(server.url, ["sts", "get-session-token", "--duration-seconds", "129601"], as(carol));
    expect(r.stderr).toMatch(
      /An error occurred \(ValidationError\) when calling the GetSessionToken operation( \(reached max retries: 0\))?: 1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600\s*$/,
    );
  });

  it("boto3: the session token's 403 AccessDenied, and the root's session is the root for at most an hour", async () => {
    const [issued] = await boto3(server.url, [{ op: "get_session_token", params: { DurationSeconds: 900 } }], {
      service: "sts",
      accessKeyId: carol.AccessKeyId,
      secretAccessKey: carol.SecretAccessKey,
    });
    if (issued === undefined || !("ok" in issued)) throw new Error(`get_session_token failed: ${JSON.stringify(issued)}`);
    const session = issued.ok["Credentials"] as Keys;
    const [identity, again] = await boto3(server.url, [{ op: "get_caller_identity" }, { op: "get_session_token" }], {
      service: "sts",
      accessKeyId: session.AccessKeyId,
      secretAccessKey: session.SecretAccessKey,
      sessionToken: session.SessionToken ?? "",
    });
    expect(identity).toMatchObject({ ok: { Arn: CAROL_ARN, Account: ACCOUNT } });
    expect(again).toEqual({ error: { code: "AccessDenied", status: 403, message: REFUSED } });

    const before = Math.floor(Date.now() / 1000);
    const [root] = await boto3(server.url, [{ op: "get_session_token", params: { DurationSeconds: 7200 } }], { service: "sts" });
    const after = Math.ceil(Date.now() / 1000);
    if (root === undefined || !("ok" in root)) throw new Error(`root get_session_token failed: ${JSON.stringify(root)}`);
    const rootSession = root.ok["Credentials"] as Keys & { Expiration: number };
    // Cut to one hour from issue (somewhere between the two readings), not refused.
    expect(rootSession.Expiration).toBeGreaterThanOrEqual(before + 3600);
    expect(rootSession.Expiration).toBeLessThanOrEqual(after + 3600);
    const [rootIdentity] = await boto3(server.url, [{ op: "get_caller_identity" }], {
      service: "sts",
      accessKeyId: rootSession.AccessKeyId,
      secretAccessKey: rootSession.SecretAccessKey,
      sessionToken: rootSession.SessionToken ?? "",
    });
    expect(rootIdentity).toMatchObject({ ok: { Arn: `arn:aws:iam::${ACCOUNT}:root`, UserId: ACCOUNT } });
  });

  it("SDK v3: GetSessionToken, then GetCallerIdentity with the session", async () => {
    const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
      new STSClient({ endpoint: server.url, region: "us-east-1", credentials, maxAttempts: 1 });
    const out = await client({ accessKeyId: carol.AccessKeyId, secretAccessKey: carol.SecretAccessKey }).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    const who = await client({
      accessKeyId: out.Credentials?.AccessKeyId ?? "",
      secretAccessKey: out.Credentials?.SecretAccessKey ?? "",
      sessionToken: out.Credentials?.SessionToken ?? "",
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(CAROL_ARN);
  });
});
