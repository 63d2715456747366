import { describe, expect, it } from "vitest";
import { AwsError } from "../../../errors/aws-error.js";
import {
  assertArnLength,
  assertHierarchyDepth,
  canonicalKey,
  parameterArn,
  parseNameForWrite,
  parseParameterName,
  partitionOf,
  validatePath,
} from "./parameter-name.js";

const M1 =
  `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`;
const PATH_MESSAGE =
  `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`;
const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };

function thrown(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error("expected an AwsError");
}

describe("parseParameterName", () => {
  it.each([
    ["foo", "foo", "/foo"],
    ["/foo", "/foo", "/foo"],
    ["/a/b/c", "/a/b/c", "/a/b/c"],
    ["  /app/db  ", "/app/db", "/app/db"],
    ["/App/x.y-z_1", "/App/x.y-z_1", "/App/x.y-z_1"],
    ["/aws/service/global-infrastructure/regions", "/aws/service/global-infrastructure/regions", "/aws/service/global-infrastructure/regions"],
  ])("accepts %j as name %j, key %j", (raw, name, key) => {
    expect(parseParameterName(raw, "read")).toEqual({ name, key });
  });

  it.each(["/x/bad name", "a/b/c", "/a//b", "/a/", "/", "bad@name", "p:1", "", "   ", "/a/b c", "ssm_x", "/ssm/x", "SSM-test", "/SsM/x"])(
    "rejects %j with M1",
    (raw) => {
      const e = thrown(() => parseParameterName(raw, "write"));
      expect([e.code, e.status, e.messageKey, e.message]).toEqual(["ValidationException", 400, "message", M1]);
    },
  );

  it.each(["awsTest", "/AWS/x", "aws-cdk-playground", "awslimitschecker", "/aws/service/x"])(
    "refuses to write the reserved name %j",
    (raw) => {
      const e = thrown(() => parseParameterName(raw, "write"));
      expect([e.code, e.status, e.messageKey, e.message]).toEqual([
        "AccessDeniedException",
        400,
        "Message",
        `No access to reserved parameter name: ${raw}.`,
      ]);
    },
  );

  it("lets reads reach aws-prefixed names", () => {
    expect(parseParameterName("awsTest", "read").key).toBe("/awsTest");
  });

  it("checks syntax before the reserved prefix", () => {
    expect(thrown(() => parseParameterName("aws test", "write")).message).toBe(M1);
  });
});

describe("hierarchy depth", () => {
  const levels = (n: number): string => Array.from({ length: n }, (_, i) => `/L${i + 1}`).join("");

  it("accepts 15 levels", () => {
    expect(() => assertHierarchyDepth(levels(15))).not.toThrow();
  });

  it.each([16, 17])("rejects %i levels", (n) => {
    const e = thrown(() => assertHierarchyDepth(levels(n)));
    expect([e.code, e.messageKey, e.message]).toEqual([
      "HierarchyLevelLimitExceededException",
      "message",
      "A hierarchy can have a maximum of 15 levels.",
    ]);
  });
});

describe("ARN", () => {
  it.each([
    ["/test/p1", "arn:aws:ssm:us-east-1:111111111111:parameter/test/p1"],
    ["p1", "arn:aws:ssm:us-east-1:111111111111:parameter/p1"],
    ["/p1", "arn:aws:ssm:us-east-1:111111111111:parameter/p1"],
  ])("%j → %s", (name, arn) => {
    expect(parameterArn("aws", "us-east-1", "111111111111", name)).toBe(arn);
  });

  it("leaves the account empty for public parameters", () => {
    expect(parameterArn("aws", "us-east-2", "", "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2")).toBe(
      "arn:aws:ssm:us-east-2::parameter/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
    );
  });

  it.each([
    ["us-east-1", "aws"],
    ["cn-north-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
  ])("partition of %s is %s", (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });

  it("limits the full ARN to 1011 characters", () => {
    const prefix = parameterArn("aws", "us-east-1", "111111111111", "/").length - 1;
    const fits = `/${"a".repeat(1011 - prefix - 1)}`;
    expect(parameterArn("aws", "us-east-1", "111111111111", fits)).toHaveLength(1011);
    expect(() => assertArnLength(fits, scope)).not.toThrow();
    const e = thrown(() => parseNameForWrite(`${fits}b`, scope));
    expect([e.code, e.messageKey]).toEqual(["ValidationException", "message"]);
  });
});

describe("canonicalKey", () => {
  it.each([
    ["foo", "/foo"],
    ["/foo", "/foo"],
    ["/a/b", "/a/b"],
  ])("%j → %j", (name, key) => {
    expect(canonicalKey(name)).toBe(key);
  });
});

describe("validatePath", () => {
  it.each([
    ["/", "/"],
    ["/site", "/site/"],
    ["/site/newyork/department/", "/site/newyork/department/"],
    ["/aws/service/global-infrastructure", "/aws/service/global-infrastructure/"],
  ])("%j → %j", (path, normalised) => {
    expect(validatePath(path)).toBe(normalised);
  });

  it.each(["site", "/a//b", "/a b", "/aws/x", "/AWS", "/ssm/x", "/ssmfoo", "", "/a/@"])("rejects %j", (path) => {
    const e = thrown(() => validatePath(path));
    expect([e.code, e.messageKey, e.message]).toEqual(["ValidationException", "message", PATH_MESSAGE]);
  });
});
