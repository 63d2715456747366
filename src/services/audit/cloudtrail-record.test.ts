import { describe, expect, it } from "vitest";
import { auditEventFixture } from "../../storage/conformance/audit.case.js";
import { cloudTrailTime, toCloudTrailRecord } from "./cloudtrail-record.js";

const ACCOUNT = "111122223333";

describe("CloudTrail records", () => {
  it("renders an IAM user's allowed read in CloudTrail's record format", () => {
    const event = auditEventFixture(1, { time: Date.UTC(2025, 0, 2, 3, 4, 5, 678), requestId: "req-1", eventId: "ev-1" });
    expect(toCloudTrailRecord(event)).toEqual({
      eventVersion: "1.09",
      userIdentity: {
        type: "IAMUser",
        principalId: "AIDAEXAMPLEALICE0001",
        arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        accountId: ACCOUNT,
        accessKeyId: "AKIAEXAMPLEALICE0001",
        userName: "alice",
      },
      eventTime: "2025-01-02T03:04:05Z",
      eventSource: "ssm.amazonaws.com",
      eventName: "GetParameter",
      awsRegion: "us-east-1",
      sourceIPAddress: "127.0.0.1",
      userAgent: "aws-cli/1.0",
      requestParameters: { name: "/my-app/db", withDecryption: true },
      responseElements: null,
      additionalEventData: {
        decision: "allow",
        decisionReason: "allowed by identity policy",
        decidingStatement: { source: `arn:aws:iam::${ACCOUNT}:user/alice inline policy read`, sid: "Read" },
        httpStatus: 200,
      },
      requestID: "req-1",
      eventID: "ev-1",
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: "AWS::SSM::Parameter", ARN: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/my-app/db` }],
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: "Management",
    });
  });

  it("adds errorCode and errorMessage to a failure only", () => {
    const denied = toCloudTrailRecord(auditEventFixture(1, { decision: "deny", status: 400, errorCode: "AccessDeniedException", errorMessage: "no" }));
    expect(denied).toMatchObject({ errorCode: "AccessDeniedException", errorMessage: "no" });
    expect(Object.keys(denied).indexOf("errorCode")).toBe(Object.keys(denied).indexOf("userAgent") + 1);
    const allowed = toCloudTrailRecord(auditEventFixture(1));
    expect("errorCode" in allowed || "errorMessage" in allowed).toBe(false);
  });

  it("names the root, a role session and an unauthenticated caller as CloudTrail does", () => {
    const root = toCloudTrailRecord(
      auditEventFixture(1, {
        principal: { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, kind: "root", userId: ACCOUNT },
        accessKeyId: "AKIAPARAMSTORETEST01",
      }),
    );
    expect(root["userIdentity"]).toEqual({
      type: "Root",
      principalId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accountId: ACCOUNT,
      accessKeyId: "AKIAPARAMSTORETEST01",
    });
    const role = toCloudTrailRecord(
      auditEventFixture(1, {
        principal: {
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/my-app-lambda/s1`,
          accountId: ACCOUNT,
          kind: "assumed-role",
          userId: "AROAEXAMPLEROLE00001:s1",
          roleArn: `arn:aws:iam::${ACCOUNT}:role/service/my-app-lambda`,
          sessionIssuedAt: Date.UTC(2025, 0, 2, 3, 0, 0, 250),
        },
        accessKeyId: "ASIAEXAMPLESESSION01",
      }),
    );
    expect(role["userIdentity"]).toEqual({
      type: "AssumedRole",
      principalId: "AROAEXAMPLEROLE00001:s1",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/my-app-lambda/s1`,
      accountId: ACCOUNT,
      accessKeyId: "ASIAEXAMPLESESSION01",
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: "AROAEXAMPLEROLE00001",
          arn: `arn:aws:iam::${ACCOUNT}:role/service/my-app-lambda`,
          accountId: ACCOUNT,
          userName: "my-app-lambda",
        },
        attributes: { creationDate: "2025-01-02T03:00:00Z", mfaAuthenticated: "false" },
      },
    });
    const unknown = toCloudTrailRecord(
      auditEventFixture(1, { principal: null, accessKeyId: "AKIAUNKNOWN000000000", recipientAccountId: null, decision: "deny" }),
    );
    expect(unknown["userIdentity"]).toEqual({ type: "Unknown", accessKeyId: "AKIAUNKNOWN000000000" });
    expect(unknown["recipientAccountId"]).toBeNull();
  });

  it("names each service's event source and resource types, and leaves out an empty resource list", () => {
    const kms = toCloudTrailRecord(
      auditEventFixture(1, {
        service: "kms",
        operation: "CreateAlias",
        readOnly: false,
        resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`],
        responseElements: { ok: true },
      }),
    );
    expect(kms).toMatchObject({
      eventSource: "kms.amazonaws.com",
      eventName: "CreateAlias",
      readOnly: false,
      responseElements: { ok: true },
      resources: [
        { accountId: ACCOUNT, type: "AWS::KMS::Alias", ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app` },
        { accountId: ACCOUNT, type: "AWS::KMS::Key", ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1` },
      ],
    });
    expect("resources" in toCloudTrailRecord(auditEventFixture(1, { service: "sts", resources: [] }))).toBe(false);
  });

  it("prints times in UTC to the second", () => {
    expect(cloudTrailTime(Date.UTC(2024, 4, 1, 12, 0, 0, 999))).toBe("2024-05-01T12:00:00Z");
  });
});
