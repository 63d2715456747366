import { describe, expect, it } from "vitest";
import {
  isPublicParameterName,
  isReadOnlyNamespace,
  isSecretsManagerReference,
  parseParameterReference,
  type ParameterReference,
} from "./parameter-reference.js";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };
const SELECTOR_MESSAGE =
  "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>";
const M1 =
  `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`;
const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });

const ref = (over: Partial<ParameterReference>): ParameterReference => ({
  name: "/p",
  key: "/p",
  selector: null,
  selection: { kind: "latest" },
  namespace: "parameter",
  foreign: false,
  ...over,
});

describe("parseParameterReference", () => {
  it.each<[string, ParameterReference]>([
    ["/p", ref({})],
    ["p", ref({ name: "p" })],
    ["/p:1", ref({ selector: ":1", selection: { kind: "version", version: 1, text: "1" } })],
    ["/p:01", ref({ selector: ":01", selection: { kind: "version", version: 1, text: "1" } })],
    ["/p:0", ref({ selector: ":0", selection: { kind: "version", version: 0, text: "0" } })],
    ["/p:000", ref({ selector: ":000", selection: { kind: "version", version: 0, text: "0" } })],
    ["/p:2147483648", ref({ selector: ":2147483648", selection: { kind: "version", version: 2147483648, text: "2147483648" } })],
    ["/p:stable", ref({ selector: ":stable", selection: { kind: "label", label: "stable" } })],
    ["/p:-1", ref({ selector: ":-1", selection: { kind: "label", label: "-1" } })],
    ["/app/db/url:prod", ref({ name: "/app/db/url", key: "/app/db/url", selector: ":prod", selection: { kind: "label", label: "prod" } })],
  ])("%j", (raw, expected) => {
    expect(parseParameterReference(raw, scope)).toEqual(expected);
  });

  it.each(["/p:", "/p:1:2", "p:a:b", "/p::"])("rejects the selector syntax of %j", (raw) => {
    expect(() => parseParameterReference(raw, scope)).toThrow(awsError("ValidationException", "message", SELECTOR_MESSAGE));
  });

  it.each(["/x/bad name", "/x/bad name:1", "a/b", "/ssm/x"])("rejects the name syntax of %j", (raw) => {
    expect(() => parseParameterReference(raw, scope)).toThrow(awsError("ValidationException", "message", M1));
  });
});

describe("ARN references", () => {
  it.each<[string, ParameterReference]>([
    ["arn:aws:ssm:us-east-1:111111111111:parameter/test/p1", ref({ name: "/test/p1", key: "/test/p1" })],
    ["arn:aws:ssm:us-east-1:111111111111:parameter/p1", ref({ name: "p1", key: "/p1" })],
    [
      "arn:aws:ssm:us-east-1:111111111111:parameter/test/p1:3",
      ref({ name: "/test/p1", key: "/test/p1", selector: ":3", selection: { kind: "version", version: 3, text: "3" } }),
    ],
    [
      "arn:aws:ssm:us-east-1:111111111111:parameter/p1:stable",
      ref({ name: "p1", key: "/p1", selector: ":stable", selection: { kind: "label", label: "stable" } }),
    ],
  ])("%s", (raw, expected) => {
    expect(parseParameterReference(raw, scope)).toEqual(expected);
  });

  it.each([
    "arn:aws:ssm:us-east-1:222222222222:parameter/p1",
    "arn:aws:ssm:eu-west-1:111111111111:parameter/p1",
    "arn:aws-cn:ssm:us-east-1:111111111111:parameter/p1",
    "arn:aws:ssm:us-east-1::parameter/p1",
  ])("marks %s as foreign (answered as ParameterNotFound)", (raw) => {
    expect(parseParameterReference(raw, scope).foreign).toBe(true);
  });

  it("takes a public parameter's ARN, whose account is empty, as local", () => {
    const parsed = parseParameterReference(
      "arn:aws:ssm:us-east-1::parameter/aws/service/global-infrastructure/regions/us-west-1",
      scope,
    );
    expect(parsed).toMatchObject({ namespace: "public", foreign: false, key: "/aws/service/global-infrastructure/regions/us-west-1" });
  });

  it("rejects a selector error inside an ARN", () => {
    expect(() => parseParameterReference("arn:aws:ssm:us-east-1:111111111111:parameter/p1:1:2", scope)).toThrow(
      awsError("ValidationException", "message", SELECTOR_MESSAGE),
    );
  });

  it.each(["arn:aws:ssm:us-east-1:111111111111:document/p1", "arn:aws:ssm:us-east-1:111111111111:parameter"])(
    "rejects the non-parameter ARN %s with M1",
    (raw) => {
      expect(() => parseParameterReference(raw, scope)).toThrow(awsError("ValidationException", "message", M1));
    },
  );

  it("refuses a Secrets Manager ARN", () => {
    expect(() => parseParameterReference("arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf", scope)).toThrow(
      awsError(
        "ValidationException",
        "message",
        "Secrets manager ARN reference should not be passed in the GetParameter(s) request, please refer to https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html",
      ),
    );
  });
});

describe("read-only namespaces", () => {
  it("recognises Secrets Manager references with or without the leading slash", () => {
    expect(parseParameterReference("aws/reference/secretsmanager/db+cfg@x:AWSCURRENT", scope)).toEqual(
      ref({
        name: "aws/reference/secretsmanager/db+cfg@x",
        key: "/aws/reference/secretsmanager/db+cfg@x",
        selector: ":AWSCURRENT",
        selection: { kind: "label", label: "AWSCURRENT" },
        namespace: "secretsmanager",
      }),
    );
    expect(() => parseParameterReference("/aws/reference/secretsmanager/x:a:b", scope)).toThrow(
      awsError("ValidationException", "message", SELECTOR_MESSAGE),
    );
  });

  it.each([
    ["/aws/service/list/ec2", true, false, true],
    ["aws/service/x", true, false, true],
    ["/aws/reference/secretsmanager/x", false, true, true],
    ["/aws/servicex", false, false, false],
    ["/app/aws/service/x", false, false, false],
  ])("%s: public %s, secrets %s, read-only %s", (name, isPublic, isSecret, readOnly) => {
    expect([isPublicParameterName(name), isSecretsManagerReference(name), isReadOnlyNamespace(name)]).toEqual([
      isPublic,
      isSecret,
      readOnly,
    ]);
  });
});
