import { describe, expect, it } from "vitest";
import { isAwsError, type AwsError } from "../errors/aws-error.js";
import { rootPrincipal } from "../iam/principal.js";
import {
  ACCOUNT,
  AKID,
  authorization,
  fakeClock,
  fakeDirectory,
  nodeRequest,
  PRINCIPAL,
  SECRET,
  SESSION_TOKEN,
  SUITE_DATE,
  SUITE_MS,
  suiteDirectory,
} from "./sigv4-fixtures.case.js";
import { createSigV4Verifier, type CredentialDirectory, type SignedRequest } from "./sigv4-verifier.js";

async function rejection(p: Promise<unknown>): Promise<AwsError> {
  try {
    await p;
  } catch (e) {
    if (isAwsError(e)) return e;
    throw e;
  }
  throw new Error("expected the verifier to reject");
}

function shape(e: AwsError): { code: string; status: number; messageKey: string | null; message: string } {
  return { code: e.code, status: e.status, messageKey: e.messageKey, message: e.message };
}

const scope = (service: string): string => `${AKID}/20150830/us-east-1/${service}/aws4_request`;

function verifier(directory: CredentialDirectory = suiteDirectory(), nowMs = SUITE_MS) {
  return createSigV4Verifier({ directory, clock: fakeClock(nowMs) });
}

// ---- AWS suite vectors (sigv4.md §11) ----

const GET_VANILLA_SIG = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

function getVanilla(signature = GET_VANILLA_SIG, extra: [string, string][] = []): SignedRequest {
  return nodeRequest("GET", "/", [
    ["Host", "example.amazonaws.com"],
    ["X-Amz-Date", SUITE_DATE],
    ["Authorization", authorization(scope("service"), "host;x-amz-date", signature)],
    ...extra,
  ]);
}

const SSM_BODY = `{"Name": "/app/db/password", "WithDecryption": true}`;
const SSM_SIG = "d83cdb96833cc2fdaf671fc77d41ef535dcf4e527fd485298af2270137e79117";

function ssmWithToken(
  options: { signature?: string; body?: string; token?: string | null; service?: string; extra?: [string, string][] } = {},
): SignedRequest {
  const token = options.token === undefined ? SESSION_TOKEN : options.token;
  const signed = `content-type;host;x-amz-date;${token === null ? "" : "x-amz-security-token;"}x-amz-target`;
  return nodeRequest(
    "POST",
    "/",
    [
      ["Host", "ssm.us-east-1.amazonaws.com"],
      ["Content-Type", "application/x-amz-json-1.1"],
      ["X-Amz-Target", "AmazonSSM.GetParameter"],
      ["X-Amz-Date", SUITE_DATE],
      ...(token === null ? [] : ([["X-Amz-Security-Token", token]] as [string, string][])),
      ...(options.extra ?? []),
      ["Authorization", authorization(scope(options.service ?? "ssm"), signed, options.signature ?? SSM_SIG)],
    ],
    options.body ?? SSM_BODY,
  );
}

const tempDirectory = (expiration?: Date) =>
  fakeDirectory({
    [AKID]: {
      secretAccessKey: SECRET,
      principal: PRINCIPAL,
      sessionToken: SESSION_TOKEN,
      ...(expiration === undefined ? {} : { expiration }),
    },
  });

const PRESIGNED_QUERY =
  "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
  "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20150830T123600Z" +
  "&X-Amz-Expires=900&X-Amz-SignedHeaders=host";
const PRESIGNED_SIG = "b8a60026b8fb293184b5bdc008c9ea49cd27b73d135864209c23cb05014051a4";

const presignedSts = (query = `${PRESIGNED_QUERY}&X-Amz-Signature=${PRESIGNED_SIG}`): SignedRequest =>
  nodeRequest("GET", `/?${query}`, [["Host", "sts.us-east-1.amazonaws.com"]]);

describe("AWS SigV4 suite vectors", () => {
  it("accepts get-vanilla and reports the principal, key and scope", async () => {
    const result = await verifier()(getVanilla(), "service", "json");
    expect(result).toEqual({ principal: PRINCIPAL, accessKeyId: AKID, region: "us-east-1", service: "service" });
  });

  it("accepts get-vanilla-query-order-key-case (query sorted)", async () => {
    const req = nodeRequest("GET", "/?Param2=value2&Param1=value1", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", authorization(scope("service"), "host;x-amz-date",
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")],
    ]);
    await expect(verifier()(req, "service", "json")).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it("accepts post-vanilla", async () => {
    const req = nodeRequest("POST", "/", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", authorization(scope("service"), "host;x-amz-date",
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")],
    ]);
    await expect(verifier()(req, "service", "json")).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it("accepts post-x-www-form-urlencoded (body hashed)", async () => {
    const req = nodeRequest(
      "POST",
      "/",
      [
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["Host", "example.amazonaws.com"],
        ["X-Amz-Date", SUITE_DATE],
        ["Authorization", authorization(scope("service"), "content-type;host;x-amz-date",
          "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")],
      ],
      "Param1=value1",
    );
    await expect(verifier()(req, "service", "query")).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it("accepts the IAM ListUsers example from the General Reference", async () => {
    const req = nodeRequest("GET", "/?Action=ListUsers&Version=2010-05-08", [
      ["Host", "iam.amazonaws.com"],
      ["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", authorization(scope("iam"), "content-type;host;x-amz-date",
        "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")],
    ]);
    await expect(verifier()(req, "iam", "query")).resolves.toMatchObject({ service: "iam" });
  });

  it("accepts the SSM JSON call with a session token and passes the token to the directory", async () => {
    const directory = tempDirectory();
    const result = await verifier(directory)(ssmWithToken(), "ssm", "json");
    expect(result).toEqual({ principal: PRINCIPAL, accessKeyId: AKID, region: "us-east-1", service: "ssm" });
    expect(directory.calls).toEqual([[AKID, SESSION_TOKEN]]);
  });

  it("accepts the presigned STS GetCallerIdentity URL", async () => {
    const directory = suiteDirectory();
    await expect(verifier(directory)(presignedSts(), "sts", "query")).resolves.toMatchObject({ service: "sts" });
    expect(directory.calls).toEqual([[AKID, undefined]]);
  });

  it("accepts an uppercase Signature (compared after lowercasing)", async () => {
    await expect(verifier()(getVanilla(GET_VANILLA_SIG.toUpperCase()), "service", "json")).resolves.toBeDefined();
  });

  it("accepts components separated by bare commas", async () => {
    const req = nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", `AWS4-HMAC-SHA256 Credential=${scope("service")},SignedHeaders=host;x-amz-date,Signature=${GET_VANILLA_SIG}`],
    ]);
    await expect(verifier()(req, "service", "json")).resolves.toBeDefined();
  });

  it("shows the server's canonical request and string to sign in the Query-protocol mismatch message", async () => {
    const e = await rejection(verifier()(getVanilla("0".repeat(64)), "service", "query"));
    expect(e.message).toBe(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key " +
        "and signing method. Consult the service documentation for details.\n\n" +
        "The Canonical String for this request should have been\n" +
        "'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\n" +
        "The String-to-Sign should have been\n" +
        "'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63'",
    );
  });
});

// ---- Negative cases (sigv4.md §10, §11.6) ----

const MISMATCH_JSON = {
  code: "InvalidSignatureException",
  status: 400,
  messageKey: "message",
  message:
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key " +
    "and signing method. Consult the service documentation for details.",
};
const INVALID_TOKEN_JSON = {
  code: "UnrecognizedClientException",
  status: 400,
  messageKey: "message",
  message: "The security token included in the request is invalid.",
};
const INVALID_TOKEN_QUERY = { ...INVALID_TOKEN_JSON, code: "InvalidClientTokenId", status: 403, messageKey: "Message" };

describe("signature mismatches", () => {
  it("rejects a wrong secret with SSM's short message", async () => {
    const directory = fakeDirectory({ [AKID]: { secretAccessKey: SECRET.replace("K7", "K8"), principal: PRINCIPAL } });
    expect(shape(await rejection(verifier(directory)(getVanilla(), "service", "json")))).toEqual(MISMATCH_JSON);
  });

  it("rejects a wrong secret on the Query protocol as SignatureDoesNotMatch 403 with the long message", async () => {
    const directory = fakeDirectory({ [AKID]: { secretAccessKey: "x", principal: PRINCIPAL } });
    const e = await rejection(verifier(directory)(presignedSts(), "sts", "query"));
    expect([e.code, e.status, e.messageKey]).toEqual(["SignatureDoesNotMatch", 403, "Message"]);
    expect(e.message).toContain("\n\nThe Canonical String for this request should have been\n'GET\n/\nAction=GetCallerIdentity&");
    expect(e.message).toContain("X-Amz-SignedHeaders=host\nhost:sts.us-east-1.amazonaws.com\n\nhost\ne3b0c442");
    expect(e.message).toContain("5a3cd482f53090096e4f1d3b6254f632db4963169d0498b7368d028297ab9fc7'");
  });

  it("rejects one flipped body byte", async () => {
    const body = SSM_BODY.replace("password", "passwore");
    expect(shape(await rejection(verifier(tempDirectory())(ssmWithToken({ body }), "ssm", "json")))).toEqual(MISMATCH_JSON);
  });

  it("rejects a changed body whose x-amz-content-sha256 still carries the old hash", async () => {
    const oldHash = "86645555ce8fd50c71aadd09ad251292243bfa4ff4f5a7ff384eb742da5712fb";
    const req = ssmWithToken({ body: SSM_BODY.replace("true", "false"), extra: [["x-amz-content-sha256", oldHash]] });
    expect(shape(await rejection(verifier(tempDirectory())(req, "ssm", "json")))).toEqual(MISMATCH_JSON);
  });

  it("rejects UNSIGNED-PAYLOAD as IncompleteSignature", async () => {
    const req = ssmWithToken({ extra: [["X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"]] });
    expect(shape(await rejection(verifier(tempDirectory())(req, "ssm", "json")))).toEqual({
      code: "IncompleteSignatureException",
      status: 400,
      messageKey: "message",
      message:
        "'UNSIGNED-PAYLOAD' is not supported in the 'x-amz-content-sha256' header by this service; the payload must be signed.",
    });
  });

  it("rejects a signed header removed in transit as IncompleteSignature", async () => {
    const req = nodeRequest("POST", "/", [
      ["Host", "ssm.us-east-1.amazonaws.com"],
      ["X-Amz-Target", "AmazonSSM.GetParameter"],
      ["X-Amz-Date", SUITE_DATE],
      ["X-Amz-Security-Token", SESSION_TOKEN],
      ["Authorization", authorization(scope("ssm"), "content-type;host;x-amz-date;x-amz-security-token;x-amz-target", SSM_SIG)],
    ], SSM_BODY);
    expect(shape(await rejection(verifier(tempDirectory())(req, "ssm", "json")))).toEqual({
      code: "IncompleteSignatureException",
      status: 400,
      messageKey: "message",
      message: "'content-type' is named as a SignedHeader, but it does not exist in the HTTP request.",
    });
  });

  it("rejects a duplicated header re-joined with \", \" (signature covers the \",\" join)", async () => {
    // get-vanilla signed with x-amz-date only once; a proxy duplicating it changes the canonical value.
    const req = getVanilla(GET_VANILLA_SIG, [["X-Amz-Date", SUITE_DATE]]);
    const e = await rejection(verifier()(req, "service", "json"));
    // node joins the duplicate into req.headers["x-amz-date"] with ", ", which is no ISO date.
    expect(shape(e)).toEqual({
      code: "IncompleteSignatureException",
      status: 400,
      messageKey: "message",
      message: `Date must be in ISO-8601 'basic format'. Got '${SUITE_DATE}, ${SUITE_DATE}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    });
  });

  it("canonicalises a duplicated signed header as the \",\" join of its occurrences", async () => {
    const req = nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", SUITE_DATE],
      ["X-Multi", " a  b "],
      ["x-multi", "c"],
      ["Authorization", authorization(scope("service"), "host;x-amz-date;x-multi", "0".repeat(64))],
    ]);
    const e = await rejection(verifier()(req, "service", "query"));
    expect(e.message).toContain("\nx-multi:a b,c\n\nhost;x-amz-date;x-multi\n");
  });

  it("treats a malformed Signature as a mismatch", async () => {
    expect(shape(await rejection(verifier()(getVanilla("zz"), "service", "json")))).toEqual(MISMATCH_JSON);
  });

  it("rejects a presigned URL whose query was altered", async () => {
    const query = `${PRESIGNED_QUERY.replace("GetCallerIdentity", "GetSessionToken")}&X-Amz-Signature=${PRESIGNED_SIG}`;
    const e = await rejection(verifier()(presignedSts(query), "sts", "query"));
    expect(e.code).toBe("SignatureDoesNotMatch");
  });
});

describe("request time", () => {
  it("accepts a request exactly 15 minutes old or ahead", async () => {
    await expect(verifier(suiteDirectory(), SUITE_MS + 15 * 60_000)(getVanilla(), "service", "json")).resolves.toBeDefined();
    await expect(verifier(suiteDirectory(), SUITE_MS - 15 * 60_000)(getVanilla(), "service", "json")).resolves.toBeDefined();
  });

  it("rejects a request 16 minutes old with AWS's expired message", async () => {
    const e = await rejection(verifier(suiteDirectory(), SUITE_MS + 16 * 60_000 + 250)(getVanilla(), "service", "json"));
    expect(shape(e)).toEqual({
      code: "InvalidSignatureException",
      status: 400,
      messageKey: "message",
      message: "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)",
    });
  });

  it("rejects a request 16 minutes ahead with AWS's not-yet-current message", async () => {
    const e = await rejection(verifier(suiteDirectory(), SUITE_MS - 16 * 60_000)(getVanilla(), "service", "json"));
    expect(shape(e)).toEqual({
      code: "InvalidSignatureException",
      status: 400,
      messageKey: "message",
      message: "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)",
    });
  });

  it("reports skew on the Query protocol as SignatureDoesNotMatch 403", async () => {
    const e = await rejection(verifier(suiteDirectory(), SUITE_MS + 20 * 60_000)(presignedSts(), "sts", "query"));
    expect(shape(e)).toEqual({
      code: "SignatureDoesNotMatch",
      status: 403,
      messageKey: "Message",
      message: "Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z (20150830T125600Z - 15 min.)",
    });
  });

  it("rejects a presigned URL past X-Amz-Expires even inside the skew window", async () => {
    const query = `${PRESIGNED_QUERY.replace("X-Amz-Expires=900", "X-Amz-Expires=60")}&X-Amz-Signature=${PRESIGNED_SIG}`;
    const e = await rejection(verifier(suiteDirectory(), SUITE_MS + 61_000)(presignedSts(query), "sts", "query"));
    expect(shape(e)).toEqual({
      code: "SignatureDoesNotMatch",
      status: 403,
      messageKey: "Message",
      message: "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123701Z - 60 sec.)",
    });
  });

  it("uses the Date header when X-Amz-Date is absent", async () => {
    const req = nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ["Date", "Sun, 30 Aug 2015 12:36:00 GMT"],
      ["Authorization", authorization(scope("service"), "date;host", "0".repeat(64))],
    ]);
    const e = await rejection(verifier()(req, "service", "query"));
    expect(e.message).toContain("'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n");
    expect(e.message).toContain("\ndate:Sun, 30 Aug 2015 12:36:00 GMT\nhost:example.amazonaws.com\n");
  });

  it("rejects a scope date that is not the request's day", async () => {
    const req = nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", authorization(`${AKID}/20150831/us-east-1/service/aws4_request`, "host;x-amz-date", GET_VANILLA_SIG)],
    ]);
    expect((await rejection(verifier()(req, "service", "json"))).message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: " +
        "'20150831' != '20150830', from '20150830T123600Z'.",
    );
  });
});

describe("credential scope", () => {
  it("rejects a kms-scoped signature sent to an SSM target", async () => {
    const e = await rejection(verifier(tempDirectory())(ssmWithToken({ service: "kms" }), "ssm", "json"));
    expect(shape(e)).toEqual({
      code: "InvalidSignatureException",
      status: 400,
      messageKey: "message",
      message: "Credential should be scoped to correct service: 'ssm'. ",
    });
  });

  it("rejects a wrong service on the Query protocol as SignatureDoesNotMatch 403", async () => {
    const e = await rejection(verifier()(getVanilla(), "sts", "query"));
    expect(shape(e)).toEqual({
      code: "SignatureDoesNotMatch",
      status: 403,
      messageKey: "Message",
      message: "Credential should be scoped to correct service: 'sts'. ",
    });
  });

  it("rejects an invalid region and a wrong terminator", async () => {
    const withCredential = (credential: string) =>
      nodeRequest("GET", "/", [
        ["Host", "example.amazonaws.com"],
        ["X-Amz-Date", SUITE_DATE],
        ["Authorization", authorization(credential, "host;x-amz-date", GET_VANILLA_SIG)],
      ]);
    const region = await rejection(verifier()(withCredential(`${AKID}/20150830//service/aws4_request`), "service", "json"));
    expect([region.code, region.message]).toEqual([
      "InvalidSignatureException",
      "Credential should be scoped to a valid region, not ''. ",
    ]);
    const terminator = await rejection(verifier()(withCredential(`${AKID}/20150830/us-east-1/service/aws5_request`), "service", "json"));
    expect([terminator.code, terminator.message]).toEqual([
      "InvalidSignatureException",
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
    ]);
  });
});

describe("access keys and session tokens", () => {
  it("rejects an unknown key as UnrecognizedClientException 400 (JSON) and InvalidClientTokenId 403 (Query)", async () => {
    const empty = fakeDirectory({});
    expect(shape(await rejection(verifier(empty)(getVanilla(), "service", "json")))).toEqual(INVALID_TOKEN_JSON);
    expect(shape(await rejection(verifier(empty)(presignedSts(), "sts", "query")))).toEqual(INVALID_TOKEN_QUERY);
  });

  it("rejects a temporary key without its token", async () => {
    expect(shape(await rejection(verifier(tempDirectory())(ssmWithToken({ token: null }), "ssm", "json")))).toEqual(
      INVALID_TOKEN_JSON,
    );
  });

  it("rejects a temporary key with another session's token", async () => {
    const other = SESSION_TOKEN.replace("EXAMPLE", "EXAMPLF");
    expect(shape(await rejection(verifier(tempDirectory())(ssmWithToken({ token: other }), "ssm", "json")))).toEqual(
      INVALID_TOKEN_JSON,
    );
  });

  it("rejects a token presented with a long-term key", async () => {
    expect(shape(await rejection(verifier(suiteDirectory())(ssmWithToken(), "ssm", "json")))).toEqual(INVALID_TOKEN_JSON);
  });

  it("rejects an expired session as ExpiredTokenException 400 / ExpiredToken 403", async () => {
    const expired = tempDirectory(new Date(SUITE_MS - 1000));
    expect(shape(await rejection(verifier(expired)(ssmWithToken(), "ssm", "json")))).toEqual({
      code: "ExpiredTokenException",
      status: 400,
      messageKey: "message",
      message: "The security token included in the request is expired",
    });
    expect(shape(await rejection(verifier(expired)(ssmWithToken(), "ssm", "query")))).toEqual({
      code: "ExpiredToken",
      status: 403,
      messageKey: "Message",
      message: "The security token included in the request is expired",
    });
  });

  it("accepts a session until its expiration", async () => {
    await expect(verifier(tempDirectory(new Date(SUITE_MS + 1000)))(ssmWithToken(), "ssm", "json")).resolves.toBeDefined();
  });
});

describe("missing and malformed authentication", () => {
  it("rejects a request without any authentication", async () => {
    const req = nodeRequest("POST", "/", [["Host", "localhost:4566"]], "{}");
    expect(shape(await rejection(verifier()(req, "ssm", "json")))).toEqual({
      code: "MissingAuthenticationTokenException",
      status: 400,
      messageKey: "message",
      message: "Request is missing Authentication Token",
    });
    expect(shape(await rejection(verifier()(req, "sts", "query")))).toEqual({
      code: "MissingAuthenticationToken",
      status: 403,
      messageKey: "Message",
      message: "Request is missing Authentication Token",
    });
  });

  const withAuthorization = (value: string, date = true) =>
    nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ...(date ? ([["X-Amz-Date", SUITE_DATE]] as [string, string][]) : []),
      ["Authorization", value],
    ]);

  it("reports all missing components and the missing date together", async () => {
    const value = `AWS4-HMAC-SHA256 SignedHeaders=host`;
    const e = await rejection(verifier()(withAuthorization(value, false), "ssm", "json"));
    expect(shape(e)).toEqual({
      code: "IncompleteSignatureException",
      status: 400,
      messageKey: "message",
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        "Authorization=AWS4-HMAC-SHA256 SignedHeaders=host",
    });
    const q = await rejection(verifier()(withAuthorization(value, false), "iam", "query"));
    expect([q.code, q.status, q.messageKey, q.message]).toEqual(["IncompleteSignature", 400, "Message", e.message]);
  });

  it("reports only the missing date when the components are there", async () => {
    const value = authorization(scope("service"), "host;x-amz-date", GET_VANILLA_SIG);
    const e = await rejection(verifier()(withAuthorization(value, false), "service", "json"));
    expect(e.message).toBe(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${value}`,
    );
  });

  it("rejects a component without an equal sign, quoting it and the header", async () => {
    const value = `AWS4-HMAC-SHA256 Credential= ${scope("service")}, SignedHeaders=host;x-amz-date, Signature=${GET_VANILLA_SIG}`;
    const e = await rejection(verifier()(withAuthorization(value), "service", "json"));
    expect(shape(e)).toEqual({
      code: "IncompleteSignatureException",
      status: 400,
      messageKey: "message",
      message: `'${scope("service")}' not a valid key=value pair (missing equal-sign) in Authorization header: '${value}'.`,
    });
  });

  it("answers a bearer token as AWS does", async () => {
    const e = await rejection(verifier()(withAuthorization("Bearer eyJhbGciOi"), "ssm", "json"));
    expect(e.message).toBe("'eyJhbGciOi' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer eyJhbGciOi'.");
  });

  it("rejects another algorithm, SigV4a included", async () => {
    const value = `AWS4-ECDSA-P256-SHA256 Credential=${scope("service")}, SignedHeaders=host;x-amz-date, Signature=${GET_VANILLA_SIG}`;
    const e = await rejection(verifier()(withAuthorization(value), "service", "json"));
    expect([e.code, e.message]).toEqual(["IncompleteSignatureException", "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'."]);
  });

  it("rejects a malformed Credential", async () => {
    const value = authorization(`${AKID}/20150830/us-east-1/service`, "host;x-amz-date", GET_VANILLA_SIG);
    const e = await rejection(verifier()(withAuthorization(value), "service", "json"));
    expect([e.code, e.message]).toEqual([
      "IncompleteSignatureException",
      `The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    ]);
  });

  it("rejects SignedHeaders without host", async () => {
    const value = authorization(scope("service"), "x-amz-date", GET_VANILLA_SIG);
    const e = await rejection(verifier()(withAuthorization(value), "service", "json"));
    expect([e.code, e.message]).toEqual([
      "IncompleteSignatureException",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ]);
  });

  it("rejects an unparseable X-Amz-Date", async () => {
    const req = nodeRequest("GET", "/", [
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", "2015-08-30T12:36:00Z"],
      ["Authorization", authorization(scope("service"), "host;x-amz-date", GET_VANILLA_SIG)],
    ]);
    const e = await rejection(verifier()(req, "service", "json"));
    expect([e.code, e.message]).toEqual([
      "IncompleteSignatureException",
      "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    ]);
  });

  it("rejects both an Authorization header and presigned parameters", async () => {
    const req = nodeRequest("GET", `/?${PRESIGNED_QUERY}&X-Amz-Signature=${PRESIGNED_SIG}`, [
      ["Host", "sts.us-east-1.amazonaws.com"],
      ["Authorization", authorization(scope("sts"), "host", PRESIGNED_SIG)],
    ]);
    const e = await rejection(verifier()(req, "sts", "query"));
    expect([e.code, e.status]).toEqual(["IncompleteSignature", 400]);
  });

  it("rejects presigned parameters that are incomplete or out of range", async () => {
    const missing = await rejection(verifier()(presignedSts(PRESIGNED_QUERY), "sts", "query"));
    expect([missing.code, missing.message]).toEqual([
      "IncompleteSignature",
      "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', " +
        "'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
    ]);
    const tooLong = `${PRESIGNED_QUERY.replace("X-Amz-Expires=900", "X-Amz-Expires=604801")}&X-Amz-Signature=${PRESIGNED_SIG}`;
    expect((await rejection(verifier()(presignedSts(tooLong), "sts", "query"))).message).toBe(
      "X-Amz-Expires must be less than a week (in seconds) that is 604800",
    );
    const notNumber = `${PRESIGNED_QUERY.replace("X-Amz-Expires=900", "X-Amz-Expires=soon")}&X-Amz-Signature=${PRESIGNED_SIG}`;
    expect((await rejection(verifier()(presignedSts(notNumber), "sts", "query"))).message).toBe("X-Amz-Expires should be a number");
    const badCredential = `${PRESIGNED_QUERY.replace("%2Faws4_request", "")}&X-Amz-Signature=${PRESIGNED_SIG}`;
    expect((await rejection(verifier()(presignedSts(badCredential), "sts", "query"))).message).toBe(
      `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    );
  });
});

describe("--dev mode", () => {
  const dev = (nowMs = SUITE_MS) =>
    createSigV4Verifier({ directory: fakeDirectory({}), clock: fakeClock(nowMs), dev: { accountId: ACCOUNT } });

  it("accepts any key with a well-formed signature as the dev account's root", async () => {
    const sig = "a".repeat(64);
    const req = nodeRequest("POST", "/", [
      ["Host", "localhost:4566"],
      ["X-Amz-Date", SUITE_DATE],
      ["Authorization", authorization("ANYKEY/20150830/eu-west-1/ssm/aws4_request", "host;x-amz-date", sig)],
    ], "{}");
    expect(await dev()(req, "ssm", "json")).toEqual({
      principal: rootPrincipal(ACCOUNT, "ANYKEY"),
      accessKeyId: "ANYKEY",
      region: "eu-west-1",
      service: "ssm",
    });
  });

  it("still rejects a malformed signature, a stale date and a wrong service", async () => {
    expect((await rejection(dev()(getVanilla("abc"), "service", "json"))).code).toBe("InvalidSignatureException");
    expect((await rejection(dev(SUITE_MS + 3_600_000)(getVanilla(), "service", "json"))).message).toMatch(/^Signature expired: /);
    expect((await rejection(dev()(getVanilla(), "ssm", "json"))).message).toBe("Credential should be scoped to correct service: 'ssm'. ");
  });
});
