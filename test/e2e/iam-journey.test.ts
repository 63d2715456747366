import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aws, type CliResult } from "../support/aws-cli.js";
import { boto3 } from "../support/boto3.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// Issue 5's journey (../shared/seeds/002_*.txt) with the unchanged aws CLI and boto3: each application
// reads only its own parameters, SecureStrings need the key, Deny wins, tags decide. Expected texts
// are AWS's (iam-policy-evaluation.md §4.2, §4.3, §9).
const ACCOUNT = TEST_ACCOUNT_ID;
const REGION = "us-east-1";
const P = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter`;

let server: ServerHandle;
let keyArn = "";
const creds = new Map<string, { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string }>();

const root = (args: readonly string[]): Promise<CliResult> => aws(server.url, args);
const as = (user: string, args: readonly string[]): Promise<CliResult> => {
  const c = creds.get(user);
  if (c === undefined) throw new Error(`no credentials for ${user}`);
  return aws(server.url, args, c);
};

function ok(r: CliResult): unknown {
  if (r.status !== 0) throw new Error(`aws failed (${r.status}): ${r.stderr}`);
  return r.json;
}

/** The CLI's one-line error: `An error occurred (Code) when calling the Op operation…: message`. */
function cliError(r: CliResult): { code: string; message: string } {
  const m = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: (.*)/.exec(r.stderr);
  if (r.status === 0 || m === null) throw new Error(`expected an error, got ${r.status}: ${r.stdout}${r.stderr}`);
  return { code: m[1] ?? "", message: (m[2] ?? "").trim() };
}

const policy = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

async function createUser(name: string, tags: readonly string[] = []): Promise<void> {
  ok(await root(["iam", "create-user", "--user-name", name, ...(tags.length > 0 ? ["--tags", ...tags] : [])]));
  const key = ok(await root(["iam", "create-access-key", "--user-name", name])) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  creds.set(name, { AWS_ACCESS_KEY_ID: key.AccessKey.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.AccessKey.SecretAccessKey });
}

beforeAll(async () => {
  server = await startServer();
  const key = ok(await root(["kms", "create-key", "--description", "my-app"])) as { KeyMetadata: { Arn: string } };
  keyArn = key.KeyMetadata.Arn;
  ok(await root(["kms", "create-alias", "--alias-name", "alias/my-app", "--target-key-id", keyArn]));
  ok(await root(["ssm", "put-parameter", "--name", "/my-app/dev/db-url", "--type", "String", "--value", "dev.example.com:3306"]));
  ok(await root(["ssm", "put-parameter", "--name", "/my-app/dev/db-password", "--type", "SecureString", "--key-id", "alias/my-app", "--value", "journey-pw"]));
  ok(await root(["ssm", "put-parameter", "--name", "/my-app/dev/api-key", "--type", "SecureString", "--value", "default-key-secret"]));
  ok(await root(["ssm", "put-parameter", "--name", "/other-app/dev/token", "--type", "String", "--value", "other"]));
  ok(await root(["ssm", "put-parameter", "--name", "/teams/payments/key", "--type", "String", "--value", "pay"]));
  ok(await root(["ssm", "put-parameter", "--name", "/teams/search/key", "--type", "String", "--value", "find"]));
  await createUser("my-app");
  await createUser("other-app");
  await createUser("alice", ["Key=team,Value=payments"]);
  await createUser("bob", ["Key=team,Value=search"]);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (server !== undefined) removeDir(server.dataDir);
});

describe("issue 5 journey: each application reads only its own secrets", () => {
  it("a new user may do nothing: AccessDeniedException naming the path ARN", async () => {
    const r = await as("my-app", ["ssm", "get-parameters-by-path", "--path", "/my-app/dev"]);
    expect(cliError(r)).toEqual({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/my-app is not authorized to perform: ssm:GetParametersByPath on resource: ${P}/my-app/dev because no identity-based policy allows the ssm:GetParametersByPath action`,
    });
  });

  it("with the path policy the Strings come back, but decryption under a customer key needs kms:Decrypt", async () => {
    ok(
      await root([
        "iam", "put-user-policy", "--user-name", "my-app", "--policy-name", "read-my-app",
        "--policy-document",
        policy({ Effect: "Allow", Action: ["ssm:GetParametersByPath", "ssm:GetParameter*"], Resource: "arn:aws:ssm:*:*:parameter/my-app/*" }),
      ]),
    );
    const plain = ok(await as("my-app", ["ssm", "get-parameters-by-path", "--path", "/my-app/dev"])) as {
      Parameters: { Name: string; Type: string; Value: string }[];
    };
    expect(plain.Parameters.map((p) => [p.Name, p.Type])).toEqual([
      ["/my-app/dev/api-key", "SecureString"],
      ["/my-app/dev/db-password", "SecureString"],
      ["/my-app/dev/db-url", "String"],
    ]);
    expect(plain.Parameters.find((p) => p.Name === "/my-app/dev/db-url")?.Value).toBe("dev.example.com:3306");
    expect(plain.Parameters.find((p) => p.Name === "/my-app/dev/db-password")?.Value).not.toBe("journey-pw");

    const denied = cliError(await as("my-app", ["ssm", "get-parameter", "--name", "/my-app/dev/db-password", "--with-decryption"]));
    expect(denied.code).toBe("AccessDeniedException");
    expect(denied.message).toMatch(
      new RegExp(
        `^User: arn:aws:iam::${ACCOUNT}:user/my-app is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action \\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`,
      ),
    );
  });

  it("under the AWS managed aws/ssm key no kms:Decrypt is needed", async () => {
    const r = ok(await as("my-app", ["ssm", "get-parameter", "--name", "/my-app/dev/api-key", "--with-decryption"])) as {
      Parameter: { Value: string };
    };
    expect(r.Parameter.Value).toBe("default-key-secret");
  });

  it("once kms:Decrypt is allowed on the key, the SecureString decrypts (boto3 too)", async () => {
    ok(
      await root([
        "iam", "put-user-policy", "--user-name", "my-app", "--policy-name", "use-my-app-key",
        "--policy-document", policy({ Effect: "Allow", Action: "kms:Decrypt", Resource: keyArn }),
      ]),
    );
    const r = ok(await as("my-app", ["ssm", "get-parameter", "--name", "/my-app/dev/db-password", "--with-decryption"])) as {
      Parameter: { Value: string };
    };
    expect(r.Parameter.Value).toBe("journey-pw");
    const c = creds.get("my-app");
    const [viaBoto3] = await boto3(server.url, [{ op: "get_parameters_by_path", params: { Path: "/my-app/dev", Recursive: true, WithDecryption: true } }], {
      accessKeyId: c?.AWS_ACCESS_KEY_ID ?? "",
      secretAccessKey: c?.AWS_SECRET_ACCESS_KEY ?? "",
    });
    expect(viaBoto3 !== undefined && "ok" in viaBoto3 ? (viaBoto3.ok["Parameters"] as { Value: string }[]).map((p) => p.Value) : viaBoto3).toEqual([
      "default-key-secret",
      "journey-pw",
      "dev.example.com:3306",
    ]);
  });

  it("a second application with a policy for /other-app/* still cannot read /my-app/*", async () => {
    ok(
      await root([
        "iam", "put-user-policy", "--user-name", "other-app", "--policy-name", "read-other-app",
        "--policy-document", policy({ Effect: "Allow", Action: "ssm:GetParameter*", Resource: `${P}/other-app/*` }),
      ]),
    );
    const own = ok(await as("other-app", ["ssm", "get-parameter", "--name", "/other-app/dev/token"])) as { Parameter: { Value: string } };
    expect(own.Parameter.Value).toBe("other");
    expect(cliError(await as("other-app", ["ssm", "get-parameter", "--name", "/my-app/dev/db-url"]))).toEqual({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/other-app is not authorized to perform: ssm:GetParameter on resource: ${P}/my-app/dev/db-url because no identity-based policy allows the ssm:GetParameter action`,
    });
  });

  it("a parameter that does not exist is named as the account-wide resource in the denial", async () => {
    expect(cliError(await as("other-app", ["ssm", "get-parameter", "--name", "/my-app/dev/nothing-here"]))).toEqual({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/other-app is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:${REGION}:${ACCOUNT}:* because no identity-based policy allows the ssm:GetParameter action`,
    });
  });

  it("an explicit Deny wins over any Allow, and only where it applies", async () => {
    ok(
      await root([
        "iam", "put-user-policy", "--user-name", "my-app", "--policy-name", "no-db-password",
        "--policy-document", policy({ Effect: "Deny", Action: "ssm:GetParameter", Resource: `${P}/my-app/dev/db-password` }),
      ]),
    );
    expect(cliError(await as("my-app", ["ssm", "get-parameter", "--name", "/my-app/dev/db-password"]))).toEqual({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/my-app is not authorized to perform: ssm:GetParameter on resource: ${P}/my-app/dev/db-password with an explicit deny in an identity-based policy`,
    });
    expect(ok(await as("my-app", ["ssm", "get-parameter", "--name", "/my-app/dev/db-url"]))).toMatchObject({ Parameter: { Value: "dev.example.com:3306" } });
    // The path ARN is what GetParametersByPath is authorised on: the Deny on one parameter does not stop it.
    const byPath = ok(await as("my-app", ["ssm", "get-parameters-by-path", "--path", "/my-app/dev"])) as { Parameters: unknown[] };
    expect(byPath.Parameters).toHaveLength(3);
  });

  it("SimulatePrincipalPolicy says why: the deciding statement, through the same engine", async () => {
    const r = ok(
      await root([
        "iam", "simulate-principal-policy",
        "--policy-source-arn", `arn:aws:iam::${ACCOUNT}:user/my-app`,
        "--action-names", "ssm:GetParameter", "ssm:DeleteParameter",
        "--resource-arns", `${P}/my-app/dev/db-password`, `${P}/my-app/dev/db-url`,
      ]),
    ) as { EvaluationResults: { EvalActionName: string; EvalResourceName: string; EvalDecision: string; MatchedStatements: { SourcePolicyId?: string }[] }[] };
    expect(r.EvaluationResults.map((e) => [e.EvalActionName, e.EvalResourceName.slice(P.length), e.EvalDecision, e.MatchedStatements[0]?.SourcePolicyId])).toEqual([
      ["ssm:GetParameter", "/my-app/dev/db-password", "explicitDeny", "no-db-password"],
      ["ssm:GetParameter", "/my-app/dev/db-url", "allowed", "read-my-app"],
      ["ssm:DeleteParameter", "/my-app/dev/db-password", "implicitDeny", undefined],
      ["ssm:DeleteParameter", "/my-app/dev/db-url", "implicitDeny", undefined],
    ]);
  });

  it("aws:PrincipalTag/team in a policy variable lets each tagged principal read only its team's path", async () => {
    ok(await root(["iam", "create-group", "--group-name", "teams"]));
    ok(await root(["iam", "add-user-to-group", "--group-name", "teams", "--user-name", "alice"]));
    ok(await root(["iam", "add-user-to-group", "--group-name", "teams", "--user-name", "bob"]));
    const created = ok(
      await root([
        "iam", "create-policy", "--policy-name", "team-parameters",
        "--policy-document", policy({ Effect: "Allow", Action: "ssm:GetParameter", Resource: `${P}/teams/\${aws:PrincipalTag/team}/*` }),
      ]),
    ) as { Policy: { Arn: string } };
    ok(await root(["iam", "attach-group-policy", "--group-name", "teams", "--policy-arn", created.Policy.Arn]));

    expect(ok(await as("alice", ["ssm", "get-parameter", "--name", "/teams/payments/key"]))).toMatchObject({ Parameter: { Value: "pay" } });
    expect(ok(await as("bob", ["ssm", "get-parameter", "--name", "/teams/search/key"]))).toMatchObject({ Parameter: { Value: "find" } });
    expect(cliError(await as("bob", ["ssm", "get-parameter", "--name", "/teams/payments/key"]))).toEqual({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: ssm:GetParameter on resource: ${P}/teams/payments/key because no identity-based policy allows the ssm:GetParameter action`,
    });
  });

  it("a condition on aws:PrincipalTag/team decides, and an untagged principal is refused", async () => {
    ok(
      await root([
        "iam", "put-user-policy", "--user-name", "other-app", "--policy-name", "payments-only",
        "--policy-document",
        policy({ Effect: "Allow", Action: "ssm:GetParameter", Resource: `${P}/teams/*`, Condition: { StringEquals: { "aws:PrincipalTag/team": "payments" } } }),
      ]),
    );
    expect(cliError(await as("other-app", ["ssm", "get-parameter", "--name", "/teams/payments/key"])).code).toBe("AccessDeniedException");
    ok(await root(["iam", "tag-user", "--user-name", "other-app", "--tags", "Key=team,Value=payments"]));
    expect(ok(await as("other-app", ["ssm", "get-parameter", "--name", "/teams/payments/key"]))).toMatchObject({ Parameter: { Value: "pay" } });
  });

  it("a deactivated access key stops working at once; root is never locked out", async () => {
    const key = creds.get("bob")?.AWS_ACCESS_KEY_ID ?? "";
    ok(await root(["iam", "update-access-key", "--user-name", "bob", "--access-key-id", key, "--status", "Inactive"]));
    expect(cliError(await as("bob", ["ssm", "get-parameter", "--name", "/teams/search/key"]))).toEqual({
      code: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    expect(ok(await root(["ssm", "get-parameter", "--name", "/my-app/dev/db-password", "--with-decryption"]))).toMatchObject({
      Parameter: { Value: "journey-pw" },
    });
  });

  it("IAM itself is authorised: an application cannot grant itself more (AccessDenied 403 in Query XML)", async () => {
    const r = await as("my-app", [
      "iam", "put-user-policy", "--user-name", "my-app", "--policy-name", "escalate",
      "--policy-document", policy({ Effect: "Allow", Action: "*", Resource: "*" }),
    ]);
    expect(cliError(r)).toEqual({
      code: "AccessDenied",
      message: `User: arn:aws:iam::${ACCOUNT}:user/my-app is not authorized to perform: iam:PutUserPolicy on resource: arn:aws:iam::${ACCOUNT}:user/my-app because no identity-based policy allows the iam:PutUserPolicy action`,
    });
  });
});
