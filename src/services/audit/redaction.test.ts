import { createHmac, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rootPrincipal, type Principal } from "../../iam/principal.js";
import { kmsOperations } from "../../model/generated/kms.js";
import { ssmOperations } from "../../model/generated/ssm.js";
import { validateInput } from "../../model/validate.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { buildAuditEvent, type AuditFacts } from "./audit-event.js";
import { REDACTED_PREFIX, Redactor } from "./redaction.js";

const KEY = Buffer.alloc(32, 7);
const redactor = new Redactor(KEY);
const ACCOUNT = "111122223333";
const ROOT = rootPrincipal(ACCOUNT, "AKIAPARAMSTORETEST01");
const ALICE: Principal = {
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accessKeyId: "AKIAALICE00000000001",
  kind: "user",
  userId: "AIDAALICE0000000001",
  userName: "alice",
};

const CANARY = `canary-${randomBytes(12).toString("hex")}`;
const mark = (value: string | Buffer): string =>
  REDACTED_PREFIX + createHmac("sha256", KEY).update(typeof value === "string" ? Buffer.from(value, "utf8") : value).digest("hex");

function facts(overrides: Partial<AuditFacts>): AuditFacts {
  return {
    eventId: "e1",
    requestId: "r1",
    time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)),
    service: "ssm",
    operation: "GetParameter",
    region: "us-east-1",
    principal: ALICE,
    sourceIp: "127.0.0.1",
    userAgent: "aws-cli/1.32",
    status: 200,
    ...overrides,
  };
}

function leaks(text: string): boolean {
  return [CANARY, Buffer.from(CANARY).toString("base64"), Buffer.from(CANARY).toString("hex")].some((needle) => text.includes(needle));
}

/** Requests (and responses) that carry the canary, as the pipeline would hand them over. */
const CANARY_REQUESTS: AuditFacts[] = [
  // SSM PutParameter, validated: the model marks PSParameterValue sensitive.
  facts({
    operation: "PutParameter",
    input: validateInput(ssmOperations.PutParameter, { Name: "/my-app/db", Value: CANARY, Type: "SecureString", Tags: [{ Key: "k", Value: "v" }] }),
    shape: ssmOperations.PutParameter.input,
    output: { Version: 1, Tier: "Standard" },
  }),
  // The same before validation (the body failed it): the raw body is walked by the same model.
  facts({
    operation: "PutParameter",
    input: { Name: "/my-app/db", Value: CANARY, Type: "NotAType" },
    shape: ssmOperations.PutParameter.input,
    status: 400,
    error: { code: "ValidationException", message: "1 validation error detected: Value 'NotAType' at 'type' failed to satisfy constraint" },
  }),
  // A String value echoed by AWS's message (`{{…}}`): the message is scrubbed.
  facts({
    operation: "PutParameter",
    input: { Name: "/p", Value: `{{${CANARY}}}`, Type: "String" },
    shape: ssmOperations.PutParameter.input,
    status: 400,
    error: {
      code: "ValidationException",
      message: `Parameter value: '{{${CANARY}}}' failed to satisfy constraint: Parameter value can't nest another parameter.`,
    },
  }),
  facts({
    operation: "PutParameter",
    input: { Name: "/p", Value: `x ${CANARY} y`, Type: "String" },
    shape: ssmOperations.PutParameter.input,
    status: 400,
    error: { code: "ValidationException", message: `the reference ${CANARY} is quoted alone` },
  }),
  // KMS Encrypt: Plaintext is a sensitive blob (a Buffer once validated, base64 before).
  facts({
    service: "kms",
    operation: "Encrypt",
    input: validateInput(kmsOperations.Encrypt, { KeyId: "alias/app", Plaintext: Buffer.from(CANARY).toString("base64") }),
    shape: kmsOperations.Encrypt.input,
    output: { CiphertextBlob: Buffer.from("ciphertext"), KeyId: "k" },
  }),
  facts({
    service: "kms",
    operation: "Encrypt",
    input: { KeyId: "alias/app", Plaintext: Buffer.from(CANARY).toString("base64"), EncryptionContext: 5 },
    shape: kmsOperations.Encrypt.input,
    status: 400,
    error: { code: "SerializationException", message: "" },
  }),
  // GenerateDataKey returns a plaintext key: a read-only operation, so no response is recorded at all.
  facts({ service: "kms", operation: "GenerateDataKey", input: { KeyId: "k", NumberOfBytes: 32 }, output: { Plaintext: Buffer.from(CANARY) } }),
  // IAM and STS have no model here: the explicit list and the name net find their secrets.
  facts({ service: "iam", operation: "CreateLoginProfile", input: { UserName: "alice", Password: CANARY, PasswordResetRequired: true } }),
  facts({ service: "iam", operation: "ChangePassword", input: { OldPassword: CANARY, NewPassword: `${CANARY}-new` } }),
  facts({ service: "iam", operation: "UploadServerCertificate", input: { ServerCertificateName: "c", PrivateKey: CANARY, CertificateBody: "b" } }),
  facts({ service: "iam", operation: "EnableMFADevice", input: { UserName: "alice", AuthenticationCode1: CANARY, AuthenticationCode2: CANARY } }),
  facts({
    service: "iam",
    operation: "CreateAccessKey",
    input: { UserName: "alice" },
    output: { AccessKey: { UserName: "alice", AccessKeyId: "AKIANEW0000000000001", Status: "Active", SecretAccessKey: CANARY } },
  }),
  facts({ service: "sts", operation: "AssumeRoleWithWebIdentity", input: { RoleArn: "arn:aws:iam::1:role/r", WebIdentityToken: CANARY } }),
  facts({ service: "sts", operation: "AssumeRoleWithSAML", input: { SAMLAssertion: CANARY } }),
  facts({ service: "sts", operation: "AssumeRole", input: { RoleArn: "arn:aws:iam::1:role/r", TokenCode: CANARY } }),
  facts({
    service: "sts",
    operation: "GetFederationToken",
    input: { Name: "n" },
    output: { Credentials: { AccessKeyId: "ASIA0000000000000001", SecretAccessKey: CANARY, SessionToken: CANARY } },
  }),
  // The Query protocol's signature error appends the canonical request, which holds the session token.
  facts({
    service: "sts",
    operation: "GetCallerIdentity",
    principal: undefined,
    accessKeyId: "ASIA0000000000000001",
    status: 403,
    error: {
      code: "SignatureDoesNotMatch",
      message: `The request signature we calculated does not match.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nx-amz-security-token:${CANARY}'`,
    },
  }),
];

describe("audit redaction", () => {
  it("keeps a canary secret out of every record, whatever carries it", () => {
    for (const f of CANARY_REQUESTS) {
      const event = buildAuditEvent(f, redactor);
      expect({ operation: f.operation, leaked: leaks(JSON.stringify(event)) }).toEqual({ operation: f.operation, leaked: false });
    }
  });

  it("keeps it out of the database files once the records are stored", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paramstore-audit-canary-"));
    try {
      const storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
      for (const f of CANARY_REQUESTS) await storage.audit.append(buildAuditEvent(f, redactor));
      expect((await storage.audit.query({ order: "asc", limit: 100 })).events).toHaveLength(CANARY_REQUESTS.length);
      // Read the files while the WAL still holds the records, then again after the checkpoint at close.
      const scan = () => readdirSync(dir).map((f) => ({ f, leaked: leaks(readFileSync(join(dir, f)).toString("latin1")) }));
      expect(scan().filter((r) => r.leaked)).toEqual([]);
      await storage.close();
      expect(scan().filter((r) => r.leaked)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("marks a secret with the keyed HMAC of its bytes, equal values alike across services", () => {
    const put = buildAuditEvent(CANARY_REQUESTS[0]!, redactor);
    const raw = buildAuditEvent(CANARY_REQUESTS[1]!, redactor);
    const encrypt = buildAuditEvent(CANARY_REQUESTS[4]!, redactor);
    const encryptRaw = buildAuditEvent(CANARY_REQUESTS[5]!, redactor);
    const login = buildAuditEvent(CANARY_REQUESTS[7]!, redactor);
    expect(put.requestParameters).toEqual({
      name: "/my-app/db",
      value: mark(CANARY),
      type: "SecureString",
      tags: [{ key: "k", value: "v" }],
    });
    expect(raw.requestParameters).toMatchObject({ value: mark(CANARY) });
    expect(encrypt.requestParameters).toEqual({ keyId: "alias/app", plaintext: mark(CANARY) });
    expect(encryptRaw.requestParameters).toMatchObject({ plaintext: mark(CANARY) });
    expect(login.requestParameters).toEqual({ userName: "alice", password: mark(CANARY), passwordResetRequired: mark("true") });
    // A different value, or another server's key, gives another mark.
    const other = buildAuditEvent({ ...CANARY_REQUESTS[0]!, input: { Name: "/n", Value: `${CANARY}!` } }, redactor);
    expect(other.requestParameters).toMatchObject({ value: mark(`${CANARY}!`) });
    expect(other.requestParameters).not.toMatchObject({ value: mark(CANARY) });
    const foreign = buildAuditEvent(CANARY_REQUESTS[0]!, new Redactor(Buffer.alloc(32, 8)));
    expect(foreign.requestParameters).not.toMatchObject({ value: mark(CANARY) });
    expect(JSON.stringify(foreign.requestParameters)).toMatch(/"value":"hmac-sha256:[0-9a-f]{64}"/);
  });

  it("records a write's response with its secrets marked, and no response for reads", () => {
    const created = buildAuditEvent(CANARY_REQUESTS[11]!, redactor);
    expect(created.responseElements).toEqual({
      accessKey: { userName: "alice", accessKeyId: "AKIANEW0000000000001", status: "Active", secretAccessKey: mark(CANARY) },
    });
    const dataKey = buildAuditEvent(CANARY_REQUESTS[6]!, redactor);
    expect(dataKey.readOnly).toBe(true);
    expect(dataKey.responseElements).toBeNull();
    const encrypt = buildAuditEvent(CANARY_REQUESTS[4]!, redactor);
    expect(encrypt.responseElements).toBeNull();
  });

  it("scrubs the secrets of a request out of its error message, and cuts what follows a blank line", () => {
    const nested = buildAuditEvent(CANARY_REQUESTS[2]!, redactor);
    expect(nested.errorMessage).toBe(
      `Parameter value: '${mark(`{{${CANARY}}}`)}' failed to satisfy constraint: Parameter value can't nest another parameter.`,
    );
    const word = buildAuditEvent(CANARY_REQUESTS[3]!, redactor);
    expect(word.errorMessage).toBe(`the reference ${mark(CANARY)} is quoted alone`);
    const signature = buildAuditEvent(CANARY_REQUESTS.at(-1)!, redactor);
    expect(signature.errorMessage).toBe("The request signature we calculated does not match.");
  });

  it("leaves members the model does not know out, and keeps maps' keys as sent", () => {
    const event = buildAuditEvent(
      facts({
        service: "kms",
        operation: "Decrypt",
        input: { CiphertextBlob: Buffer.from("abc"), EncryptionContext: { PARAMETER_ARN: "arn:x" }, Surprise: CANARY },
        shape: kmsOperations.Decrypt.input,
      }),
      redactor,
    );
    expect(event.requestParameters).toEqual({ ciphertextBlob: mark(Buffer.from("abc")), encryptionContext: { PARAMETER_ARN: "arn:x" } });
  });

  it("records a failed authentication as a denial with no principal", () => {
    const event = buildAuditEvent(
      facts({ principal: undefined, accessKeyId: "AKIAUNKNOWN000000000", status: 400, error: { code: "UnrecognizedClientException", message: "The security token included in the request is invalid." } }),
      redactor,
    );
    expect(event).toMatchObject({ principal: null, accessKeyId: "AKIAUNKNOWN000000000", decision: "deny", decisionReason: "authentication failed" });
  });
});

describe("audit events", () => {
  it("carries who, what, where, the decision and the outcome", () => {
    const event = buildAuditEvent(
      facts({
        operation: "GetParameter",
        input: { Name: "/my-app/db", WithDecryption: true },
        shape: ssmOperations.GetParameter.input,
        resources: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/my-app/db`],
        authorization: { allowed: false, reason: "explicit deny in an identity policy", policy: { source: "user/alice inline policy deny-db", sid: "NoDb" } },
        status: 400,
        error: { code: "AccessDeniedException", message: "User: arn:aws:iam::111122223333:user/alice is not authorized" },
        recipientAccountId: ACCOUNT,
      }),
      redactor,
    );
    expect(event).toEqual({
      eventId: "e1",
      requestId: "r1",
      time: Date.UTC(2025, 0, 2, 3, 4, 5, 678),
      region: "us-east-1",
      service: "ssm",
      operation: "GetParameter",
      action: "ssm:GetParameter",
      readOnly: true,
      principal: { arn: ALICE.arn, accountId: ACCOUNT, kind: "user", userId: "AIDAALICE0000000001", userName: "alice" },
      accessKeyId: "AKIAALICE00000000001",
      sourceIp: "127.0.0.1",
      userAgent: "aws-cli/1.32",
      resources: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/my-app/db`],
      decision: "deny",
      decisionReason: "explicit deny in an identity policy",
      decidingStatement: { source: "user/alice inline policy deny-db", sid: "NoDb" },
      status: 400,
      errorCode: "AccessDeniedException",
      errorMessage: "User: arn:aws:iam::111122223333:user/alice is not authorized",
      requestParameters: { name: "/my-app/db", withDecryption: true },
      responseElements: null,
      recipientAccountId: ACCOUNT,
    });
  });

  it("derives the resources from the input when authorization named none", () => {
    const ssm = (input: unknown) => buildAuditEvent(facts({ principal: ROOT, input }), redactor).resources;
    expect(ssm({ Name: "/a/b" })).toEqual([`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/a/b`]);
    expect(ssm({ Names: ["plain", "/x"] })).toEqual([`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/plain`, `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/x`]);
    expect(ssm({ Path: "/my-app" })).toEqual([`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/my-app`]);
    expect(ssm({ ResourceType: "Parameter", ResourceId: "/t" })).toEqual([`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/t`]);
    expect(ssm({ Name: "arn:aws:ssm:us-east-1:1:parameter/z" })).toEqual(["arn:aws:ssm:us-east-1:1:parameter/z"]);
    const kms = (input: unknown) => buildAuditEvent(facts({ service: "kms", operation: "Decrypt", input }), redactor).resources;
    expect(kms({ KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" })).toEqual([`arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`]);
    expect(kms({ KeyId: "alias/app" })).toEqual([`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`]);
    expect(buildAuditEvent(facts({ region: undefined, input: { Name: "/a" } }), redactor).resources).toEqual([]);
  });

  it("decides allow for a request served without an authorization word, none for one that failed before", () => {
    expect(buildAuditEvent(facts({}), redactor).decision).toBe("allow");
    expect(buildAuditEvent(facts({ status: 400, error: { code: "ValidationException", message: "m" } }), redactor).decision).toBe("none");
    expect(buildAuditEvent(facts({ operation: "", principal: undefined, status: 400, error: { code: "UnknownOperationException", message: "" } }), redactor)).toMatchObject({
      decision: "none",
      action: "",
      readOnly: false,
    });
    expect(buildAuditEvent(facts({ status: 400, error: { code: "AccessDeniedException", message: "m" } }), redactor)).toMatchObject({
      decision: "deny",
      decisionReason: "access denied",
    });
  });

  it("marks reads read-only as CloudTrail does", () => {
    const readOnly = (service: string, operation: string) => buildAuditEvent(facts({ service, operation }), redactor).readOnly;
    expect(["GetParameter", "GetParametersByPath", "DescribeParameters", "ListTagsForResource"].map((op) => readOnly("ssm", op))).toEqual([true, true, true, true]);
    expect(["PutParameter", "DeleteParameter", "LabelParameterVersion", "AddTagsToResource"].map((op) => readOnly("ssm", op))).toEqual([false, false, false, false]);
    expect(["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateKey", "ScheduleKeyDeletion"].map((op) => readOnly("kms", op))).toEqual([true, true, true, true, false, false]);
    expect(["GetCallerIdentity", "AssumeRole", "CreateUser"].map((op) => readOnly("sts", op))).toEqual([true, true, false]);
  });
});

describe("a record's size", () => {
  it("leaves out parameters past 64 KiB, saying how large they were", () => {
    const policy = "x".repeat(70_000);
    const event = buildAuditEvent(facts({ service: "iam", operation: "PutUserPolicy", input: { UserName: "u", PolicyDocument: policy } }), redactor);
    expect(event.requestParameters).toEqual({ omitted: "70036 bytes of request parameters, over the audit limit of 65536" });
    const small = buildAuditEvent(facts({ service: "iam", operation: "PutUserPolicy", input: { UserName: "u", PolicyDocument: "{}" } }), redactor);
    expect(small.requestParameters).toEqual({ userName: "u", policyDocument: "{}" });
  });
});

describe("the model behind a record", () => {
  it("is looked up by service and operation when the pipeline passes none", () => {
    const event = buildAuditEvent(facts({ operation: "PutParameter", input: { Name: "/n", Value: CANARY, Unmodelled: 1 } }), redactor);
    expect(event.requestParameters).toEqual({ name: "/n", value: mark(CANARY) });
    const kms = buildAuditEvent(facts({ service: "kms", operation: "Encrypt", input: { KeyId: "k", Plaintext: Buffer.from(CANARY).toString("base64") } }), redactor);
    expect(kms.requestParameters).toEqual({ keyId: "k", plaintext: mark(CANARY) });
    // An operation without a model: its members cannot be judged, so none is kept (but IAM's and STS's are, by name).
    const unknown = buildAuditEvent(facts({ operation: "toString", input: { Name: "/n", Value: CANARY } }), redactor);
    expect(unknown.requestParameters).toBeNull();
    const unrouted = buildAuditEvent(facts({ service: "", operation: "", input: { Value: CANARY } }), redactor);
    expect(unrouted.requestParameters).toBeNull();
  });
});
