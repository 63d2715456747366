import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, aws, ok, type Keys } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// STS AssumeRole end to end (iam-sts.md §4.2): the root sets up a user and a role trusting it with
// the aws CLI, the user assumes the role with its own keys, and the temporary credentials (with
// AWS_SESSION_TOKEN) are then the role session everywhere: GetCallerIdentity, SSM authorisation,
// denial messages. Expiry is tested against the verifier with a clock (get-session-token.test.ts):
// nothing here waits.
let server: ServerHandle;


const ACCOUNT = TEST_ACCOUNT_ID;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-reader`;
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/build-42`;
const ALICE_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB_ARN = `arn:aws:iam::${ACCOUNT}:user/bob`;

let alice: Keys;
let bob: Keys;

/** The aws CLI's error line: code and message exactly. */
function cliError(operation: string, code: string, message: string): RegExp {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`An error occurred \\(${code}\\) when calling the ${operation} operation( \\(reached max retries: 0\\))?: ${escaped}\\s*$`);
}

async function newUser(name: string): Promise<Keys> {
  ok(await aws(server.url, ["iam", "create-user", "--user-name", name]));
  const created = ok(await aws(server.url, ["iam", "create-access-key", "--user-name", name]));
  return created["AccessKey"] as Keys;
}

beforeAll(async () => {
  server = await startServer();
  alice = await newUser("alice");
  bob = await newUser("bob");
  const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ALICE_ARN }, Action: "sts:AssumeRole" }] };
  ok(await aws(server.url, ["iam", "create-role", "--role-name", "app-reader", "--assume-role-policy-document", JSON.stringify(trust)]));
  const read = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/app/*` }],
  };
  ok(await aws(server.url, ["iam", "put-role-policy", "--role-name", "app-reader", "--policy-name", "read-app", "--policy-document", JSON.stringify(read)]));
  for (const name of ["/app/db-host", "/other/db-host"]) {
    ok(await aws(server.url, ["ssm", "put-parameter", "--name", name, "--value", "db.internal", "--type", "String"]));
  }
}, 120_000);

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("sts assume-role", () => {
  let session: Keys;

  it("aws CLI: a trusted user assumes the role with its own keys", async () => {
    const out = ok(await aws(server.url, ["sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name", "build-42"], as(alice)));
    const credentials = out["Credentials"] as Keys & { Expiration: string };
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.SecretAccessKey).toHaveLength(40);
    expect(credentials.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)$/);
    const assumed = out["AssumedRoleUser"] as { AssumedRoleId: string; Arn: string };
    expect(assumed.Arn).toBe(SESSION_ARN);
    expect(assumed.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:build-42$/);
    expect(out).not.toHaveProperty("PackedPolicySize");
    session = credentials;
  });

  it("aws CLI: the temporary credentials are the role session", async () => {
    const identity = ok(await aws(server.url, ["sts", "get-caller-identity"], as(session)));
    expect(identity["Arn"]).toBe(SESSION_ARN);
    expect(identity["Account"]).toBe(ACCOUNT);
    expect(identity["UserId"]).toMatch(/^AROA[A-Z2-7]{17}:build-42$/);
  });

  it("aws CLI: the session reads what the role's policy allows and nothing else", async () => {
    const got = ok(await aws(server.url, ["ssm", "get-parameter", "--name", "/app/db-host"], as(session)));
    expect((got["Parameter"] as { Value: string }).Value).toBe("db.internal");
    const refused = await aws(server.url, ["ssm", "get-parameter", "--name", "/other/db-host"], as(session));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      cliError(
        "GetParameter",
        "AccessDeniedException",
        `User: ${SESSION_ARN} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/other/db-host because no identity-based policy allows the ssm:GetParameter action`,
      ),
    );
  });

  it("aws CLI: a wrong session token is InvalidClientTokenId", async () => {
    const r = await aws(server.url, ["sts", "get-caller-identity"], as({ ...session, SessionToken: `${session.SessionToken ?? ""}x` }));
    expect(r.stderr).toMatch(cliError("GetCallerIdentity", "InvalidClientTokenId", "The security token included in the request is invalid."));
    const none = await aws(server.url, ["ssm", "get-parameter", "--name", "/app/db-host"], { AWS_ACCESS_KEY_ID: session.AccessKeyId, AWS_SECRET_ACCESS_KEY: session.SecretAccessKey });
    expect(none.stderr).toMatch(cliError("GetParameter", "UnrecognizedClientException", "The security token included in the request is invalid."));
  });

  it("aws CLI: an untrusted user, a missing role and the root are AccessDenied", async () => {
    const untrusted = await aws(server.url, ["sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name", "x1"], as(bob));
    expect(untrusted.stderr).toMatch(cliError("AssumeRole", "AccessDenied", `User: ${BOB_ARN} is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`));
    const missingArn = `arn:aws:iam::${ACCOUNT}:role/missing`;
    const missing = await aws(server.url, ["sts", "assume-role", "--role-arn", missingArn, "--role-session-name", "x1"], as(alice));
    expect(missing.stderr).toMatch(cliError("AssumeRole", "AccessDenied", `User: ${ALICE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${missingArn}`));
    const root = await aws(server.url, ["sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name", "x1"]);
    expect(root.stderr).toMatch(cliError("AssumeRole", "AccessDenied", "Roles may not be assumed by root accounts."));
    const invalid = await aws(server.url, ["sts", "assume-role", "--role-arn", "nothing-valid-in-here", "--role-session-name", "x1"], as(alice));
    expect(invalid.stderr).toMatch(cliError("AssumeRole", "ValidationError", "nothing-valid-in-here is invalid"));
  });

  it("boto3: assume_role, then the session's identity, reads and denials, with 403 for AccessDenied", async () => {
    const [assumed, denied] = await boto3(
      server.url,
      [
        { op: "assume_role", params: { RoleArn: ROLE_ARN, RoleSessionName: "build-42", DurationSeconds: 900 } },
        { op: "assume_role", params: { RoleArn: ROLE_ARN, RoleSessionName: "build-42", DurationSeconds: 3601 } },
      ],
      { service: "sts", accessKeyId: alice.AccessKeyId, secretAccessKey: alice.SecretAccessKey },
    );
    expect(denied).toEqual({
      error: { code: "ValidationError", status: 400, message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role." },
    });
    if (assumed === undefined || !("ok" in assumed)) throw new Error(`assume_role failed: ${JSON.stringify(assumed)}`);
    const credentials = assumed.ok["Credentials"] as Keys & { Expiration: number };
    const keys = { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken ?? "" };
    const [identity] = await boto3(server.url, [{ op: "get_caller_identity" }], { service: "sts", ...keys });
    expect(identity).toMatchObject({ ok: { Arn: SESSION_ARN, Account: ACCOUNT } });
    const [read, refused] = await boto3(
      server.url,
      [
        { op: "get_parameter", params: { Name: "/app/db-host" } },
        { op: "get_parameter", params: { Name: "/other/db-host" } },
      ],
      keys,
    );
    expect(read).toMatchObject({ ok: { Parameter: { Name: "/app/db-host", Value: "db.internal" } } });
    expect(refused).toEqual({
      error: {
        code: "AccessDeniedException",
        status: 400,
        message: `User: ${SESSION_ARN} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/other/db-host because no identity-based policy allows the ssm:GetParameter action`,
      },
    });
    const [untrusted] = await boto3(server.url, [{ op: "assume_role", params: { RoleArn: ROLE_ARN, RoleSessionName: "x1" } }], {
      service: "sts",
      accessKeyId: bob.AccessKeyId,
      secretAccessKey: bob.SecretAccessKey,
    });
    expect(untrusted).toEqual({
      error: { code: "AccessDenied", status: 403, message: `User: ${BOB_ARN} is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}` },
    });
  });
});
