import { describe, expect, it } from "vitest";
import { AwsError } from "../errors/aws-error.js";
import { iamMetadata, iamOperations } from "../model/generated/iam.js";
import { stsMetadata, stsOperations } from "../model/generated/sts.js";
import { isoSeconds } from "../platform/iso-seconds.js";
import { errorXml, escapeXml, percentEncode, resultXml } from "./query-xml.js";

const IAM_NS = iamMetadata.xmlNamespace;
const RID = "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE";
const META = `<ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata>`;

describe("Query result XML (iam-sts.md §1.2)", () => {
  it("wraps the result in <Op>Response / <Op>Result, members in model order", () => {
    const xml = resultXml(
      stsOperations.GetCallerIdentity,
      stsMetadata.xmlNamespace,
      { Arn: "arn:aws:iam::111122223333:root", Account: "111122223333", UserId: "111122223333", $metadata: {} },
      RID,
    );
    expect(xml).toBe(
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
        "<UserId>111122223333</UserId><Account>111122223333</Account><Arn>arn:aws:iam::111122223333:root</Arn>" +
        `</GetCallerIdentityResult>${META}</GetCallerIdentityResponse>`,
    );
  });

  it("has no Result element for an operation without output", () => {
    expect(resultXml(iamOperations.DeleteUser, IAM_NS, undefined, RID)).toBe(
      `<DeleteUserResponse xmlns="${IAM_NS}">${META}</DeleteUserResponse>`,
    );
  });

  it("writes nested structures, lists as <member>, timestamps to the second, and omits absent members", () => {
    const xml = resultXml(
      iamOperations.GetUser,
      IAM_NS,
      {
        User: {
          Path: "/",
          UserName: "bob",
          UserId: "AIDACKCEVSQ6C2EXAMPLE",
          Arn: "arn:aws:iam::111122223333:user/bob",
          CreateDate: new Date(Date.UTC(2024, 4, 1, 12, 34, 56, 789)),
          PasswordLastUsed: undefined,
          Tags: [
            { Key: "team", Value: "blue" },
            { Key: "env", Value: "" },
          ],
        },
      },
      RID,
    );
    expect(xml).toBe(
      `<GetUserResponse xmlns="${IAM_NS}"><GetUserResult><User><Path>/</Path><UserName>bob</UserName>` +
        "<UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn>" +
        "<CreateDate>2024-05-01T12:34:56Z</CreateDate>" +
        "<Tags><member><Key>team</Key><Value>blue</Value></member><member><Key>env</Key><Value/></member></Tags>" +
        `</User></GetUserResult>${META}</GetUserResponse>`,
    );
  });

  it("always writes a required list, empty or not, and booleans as true/false", () => {
    expect(resultXml(iamOperations.ListUsers, IAM_NS, { IsTruncated: false }, RID)).toContain(
      "<ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult>",
    );
  });

  it("writes maps as <entry><key/><value/></entry>", () => {
    expect(resultXml(iamOperations.GetAccountSummary, IAM_NS, { SummaryMap: { Users: 2, Groups: 0 } }, RID)).toContain(
      "<SummaryMap><entry><key>Users</key><value>2</value></entry><entry><key>Groups</key><value>0</value></entry></SummaryMap>",
    );
  });

  it("escapes text", () => {
    const xml = resultXml(iamOperations.GetUser, IAM_NS, { User: { Path: "/", UserName: `a&b<c>"d'\r\n` } }, RID);
    expect(xml).toContain("<UserName>a&amp;b&lt;c&gt;&quot;d'&#xD;\n</UserName>");
  });

  it("percent-encodes policy documents (RFC 3986), so a literal %3A travels as %253A", () => {
    const document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::b/%3A é"}]}';
    const xml = resultXml(iamOperations.GetUserPolicy, IAM_NS, { UserName: "bob", PolicyName: "p", PolicyDocument: document }, RID);
    const encoded = /<PolicyDocument>([^<]*)<\/PolicyDocument>/.exec(xml)?.[1] ?? "";
    expect(encoded).toContain("%253A");
    expect(encoded).toMatch(/^[A-Za-z0-9\-_.~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(document);
  });
});

describe("Query encodings", () => {
  it("percentEncode leaves only unreserved characters", () => {
    expect(percentEncode("a-_.~ !'()*/:%é")).toBe("a-_.~%20%21%27%28%29%2A%2F%3A%25%C3%A9");
    expect(percentEncode("\uD800x")).toBe("%EF%BF%BDx");
  });

  it("writes a timestamp given as epoch seconds like a Date", () => {
    expect(resultXml(iamOperations.GetUser, IAM_NS, { User: { CreateDate: 1714566896.789 } }, RID)).toContain(
      "<CreateDate>2024-05-01T12:34:56Z</CreateDate>",
    );
  });

  it("isoSeconds writes UTC to the second", () => {
    expect(isoSeconds(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 999)))).toBe("2024-01-02T03:04:05Z");
  });

  it("escapeXml leaves plain text alone", () => {
    const s = "plain text";
    expect(escapeXml(s)).toBe(s);
  });
});

describe("Query error XML (iam-sts.md §1.3)", () => {
  it("writes Type, Code, Message and the request id", () => {
    const e = new AwsError("NoSuchEntity", "The user with name <alice> & co cannot be found.", { status: 404, messageKey: "Message" });
    expect(errorXml(e, IAM_NS, RID)).toBe(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>` +
        "<Message>The user with name &lt;alice&gt; &amp; co cannot be found.</Message></Error>" +
        `<RequestId>${RID}</RequestId></ErrorResponse>`,
    );
  });

  it("marks server faults as Receiver and leaves out a message the error does not have", () => {
    const e = new AwsError("ServiceFailure", "", { status: 500, messageKey: null });
    expect(errorXml(e, IAM_NS, RID)).toBe(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Receiver</Type><Code>ServiceFailure</Code></Error><RequestId>${RID}</RequestId></ErrorResponse>`,
    );
  });
});
