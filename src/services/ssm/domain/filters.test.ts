import { describe, expect, it } from "vitest";
import type { ParameterVersionRecord, Tag } from "../../../storage/ports.js";
import { compileByPathFilters, compileDescribeFilters, type ParameterFilterInput } from "./filters.js";

const awsError = (code: string, messageKey: string | null, message: string): unknown =>
  expect.objectContaining({ code, messageKey, message, status: 400 });
const PATH_MESSAGE =
  `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`;

const record = (name: string, over: Partial<ParameterVersionRecord> = {}): ParameterVersionRecord => ({
  region: "us-east-1",
  key: name.startsWith("/") ? name : `/${name}`,
  name,
  version: 1,
  type: "String",
  value: new Uint8Array(),
  keyId: null,
  description: null,
  allowedPattern: null,
  tier: "Standard",
  dataType: "text",
  policies: [],
  lastModifiedDate: 0,
  lastModifiedUser: "arn:aws:iam::111111111111:user/u",
  ...over,
});

const store: ParameterVersionRecord[] = [
  record("param"),
  record("/app/db/url"),
  record("/app/db/password", { type: "SecureString", keyId: "alias/aws/ssm", tier: "Advanced" }),
  record("/app/name", { type: "StringList" }),
  record("/apple"),
  record("/img/base", { dataType: "aws:ec2:image" }),
];
const tags: Record<string, Tag[]> = { "/app/db/url": [{ key: "env", value: "prod" }], "/apple": [{ key: "env", value: "dev" }] };

const describeNames = (filters: ParameterFilterInput[]): string[] => {
  const compiled = compileDescribeFilters(undefined, filters);
  return store.filter((r) => compiled.matches(r, tags[r.key] ?? [])).map((r) => r.name);
};

describe("DescribeParameters ParameterFilters: matching", () => {
  it.each<[string, ParameterFilterInput[], string[]]>([
    ["Name Equals ignores a top-level slash", [{ Key: "Name", Values: ["/param"] }], ["param"]],
    ["Name Equals without slash", [{ Key: "Name", Option: "Equals", Values: ["param"] }], ["param"]],
    ["Name BeginsWith", [{ Key: "Name", Option: "BeginsWith", Values: ["/app"] }], ["/app/db/url", "/app/db/password", "/app/name", "/apple"]],
    ["Name BeginsWith without slash", [{ Key: "Name", Option: "BeginsWith", Values: ["app/db"] }], ["/app/db/url", "/app/db/password"]],
    ["Name Contains", [{ Key: "Name", Option: "Contains", Values: ["db"] }], ["/app/db/url", "/app/db/password"]],
    ["Path OneLevel (default)", [{ Key: "Path", Values: ["/app"] }], ["/app/name"]],
    ["Path Recursive", [{ Key: "Path", Option: "Recursive", Values: ["/app/"] }], ["/app/db/url", "/app/db/password", "/app/name"]],
    ["Path / OneLevel", [{ Key: "Path", Values: ["/"] }], ["param", "/apple"]],
    ["Type Equals, values ORed", [{ Key: "Type", Values: ["StringList", "SecureString"] }], ["/app/db/password", "/app/name"]],
    ["Type BeginsWith", [{ Key: "Type", Option: "BeginsWith", Values: ["String"] }], ["param", "/app/db/url", "/app/name", "/apple", "/img/base"]],
    ["KeyId matches SecureStrings only", [{ Key: "KeyId", Values: ["alias/aws/ssm"] }], ["/app/db/password"]],
    ["Tier", [{ Key: "Tier", Values: ["Advanced"] }], ["/app/db/password"]],
    ["DataType", [{ Key: "DataType", Values: ["aws:ec2:image"] }], ["/img/base"]],
    ["tag value", [{ Key: "tag:env", Values: ["prod"] }], ["/app/db/url"]],
    ["tag BeginsWith", [{ Key: "tag:env", Option: "BeginsWith", Values: ["d"] }], ["/apple"]],
    ["tag key exists", [{ Key: "tag:env" }], ["/app/db/url", "/apple"]],
    ["filters are ANDed", [{ Key: "Path", Option: "Recursive", Values: ["/app"] }, { Key: "Type", Values: ["String"] }], ["/app/db/url"]],
  ])("%s", (_name, filters, names) => {
    expect(describeNames(filters)).toEqual(names);
  });

  it("never returns the path itself", () => {
    const compiled = compileDescribeFilters(undefined, [{ Key: "Path", Option: "Recursive", Values: ["/app"] }]);
    expect([compiled.matches(record("/app"), []), compiled.matches(record("/app/x"), [])]).toEqual([false, true]);
  });

  it("matches legacy Filters: Name is a prefix, Type and KeyId equality", () => {
    const legacy = compileDescribeFilters([{ Key: "Name", Values: ["/app/"] }, { Key: "Type", Values: ["String"] }], undefined);
    expect(store.filter((r) => legacy.matches(r, [])).map((r) => r.name)).toEqual(["/app/db/url"]);
  });
});

describe("DescribeParameters ParameterFilters: scan hints", () => {
  it.each<[ParameterFilterInput[], object, boolean]>([
    [[{ Key: "Path", Values: ["/app"] }], { under: { path: "/app/", recursive: false } }, false],
    [[{ Key: "Path", Option: "Recursive", Values: ["/app"] }], { under: { path: "/app/", recursive: true } }, false],
    [[{ Key: "Name", Option: "BeginsWith", Values: ["app/x"] }], { keyPrefix: "/app/x" }, false],
    [[{ Key: "Name", Values: ["/a", "/b"] }], {}, false],
    [[{ Key: "Name", Option: "Contains", Values: ["a"] }], {}, false],
    [[{ Key: "tag:env" }], {}, true],
  ])("%j", (filters, scan, needsTags) => {
    const compiled = compileDescribeFilters(undefined, filters);
    expect([compiled.scan, compiled.needsTags]).toEqual([scan, needsTags]);
  });
});

describe("DescribeParameters ParameterFilters: errors", () => {
  it.each<[string, ParameterFilterInput[], string, string | null, string]>([
    [
      "Label",
      [{ Key: "Label", Values: ["x"] }],
      "InvalidFilterKey",
      "Message",
      "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].",
    ],
    [
      "duplicate key",
      [{ Key: "Type", Values: ["String"] }, { Key: "Type", Values: ["SecureString"] }],
      "InvalidFilterKey",
      "Message",
      "The following filter is duplicated in the request: Type. A request can contain only one occurrence of a specific filter.",
    ],
    ["missing Type values", [{ Key: "Type" }], "InvalidFilterValue", "Message", "The following filter values are missing : null for filter key Type."],
    ["missing KeyId values", [{ Key: "KeyId", Values: [] }], "InvalidFilterValue", "Message", "The following filter values are missing : null for filter key KeyId."],
    [
      "Type option Contains",
      [{ Key: "Type", Option: "Contains", Values: ["String"] }],
      "InvalidFilterOption",
      "message",
      "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].",
    ],
    [
      "Path option Equals",
      [{ Key: "Path", Option: "Equals", Values: ["/a"] }],
      "InvalidFilterOption",
      "message",
      "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].",
    ],
    [
      "Type value",
      [{ Key: "Type", Values: ["test"] }],
      "InvalidFilterValue",
      "Message",
      "The following filter value is not valid: test. Valid values include: [String, StringList, SecureString].",
    ],
    [
      "Tier value",
      [{ Key: "Tier", Values: ["Premium"] }],
      "InvalidFilterValue",
      "Message",
      "The following filter value is not valid: Premium. Valid values include: [Standard, Advanced, Intelligent-Tiering].",
    ],
    ["Path value without slash", [{ Key: "Path", Values: ["test"] }], "ValidationException", "message", PATH_MESSAGE],
    ["Path value with //", [{ Key: "Path", Values: ["/a//b"] }], "ValidationException", "message", PATH_MESSAGE],
    [
      "Path value /aws",
      [{ Key: "Path", Values: ["/aws", "/ssm"] }],
      "ValidationException",
      "message",
      `Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`,
    ],
    [
      "key outside the model pattern",
      [{ Key: "Foo", Values: ["x"] }, { Key: "tag:", Values: ["x"] }],
      "ValidationException",
      "message",
      "2 validation errors detected: Value 'Foo' at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType; Value 'tag:' at 'parameterFilters.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType",
    ],
  ])("%s", (_name, filters, code, messageKey, message) => {
    expect(() => compileDescribeFilters(undefined, filters)).toThrow(awsError(code, messageKey, message));
  });

  it("refuses Filters together with ParameterFilters", () => {
    expect(() => compileDescribeFilters([{ Key: "Name", Values: ["/a"] }], [{ Key: "Type", Values: ["String"] }])).toThrow(
      awsError("ValidationException", "message", "You can use either Filters or ParameterFilters in a single request."),
    );
  });

  it("refuses an unknown legacy key as the model would", () => {
    expect(() => compileDescribeFilters([{ Key: "Path", Values: ["/a"] }], undefined)).toThrow(
      expect.objectContaining({ code: "ValidationException" }),
    );
  });
});

describe("GetParametersByPath filters", () => {
  it("selects a label and applies Type and KeyId", () => {
    const compiled = compileByPathFilters([
      { Key: "Label", Values: ["prod"] },
      { Key: "Type", Option: "BeginsWith", Values: ["SecureString"] },
    ]);
    expect(compiled.label).toBe("prod");
    expect(store.filter((r) => compiled.matches(r)).map((r) => r.name)).toEqual(["/app/db/password"]);
  });

  it("has no label and matches everything without filters", () => {
    const compiled = compileByPathFilters(undefined);
    expect([compiled.label, store.every((r) => compiled.matches(r))]).toEqual([null, true]);
  });

  it.each<[string, ParameterFilterInput[], string, string | null, string]>([
    ...["Name", "Path", "Tier", "DataType", "tag:env"].map((key): [string, ParameterFilterInput[], string, string | null, string] => [
      `key ${key}`,
      [{ Key: key, Values: ["x"] }],
      "InvalidFilterKey",
      "Message",
      `The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId, Label].`,
    ]),
    [
      "Label with BeginsWith",
      [{ Key: "Label", Option: "BeginsWith", Values: ["x"] }],
      "InvalidFilterOption",
      "message",
      "The following filter option is not valid: BeginsWith. Valid options include: [Equals].",
    ],
    [
      "Type with Contains",
      [{ Key: "Type", Option: "Contains", Values: ["String"] }],
      "InvalidFilterOption",
      "message",
      "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].",
    ],
    ["Label with two values", [{ Key: "Label", Values: ["a", "b"] }], "InvalidFilterValue", "Message", "The following filter Label can have only one value"],
    ["KeyId without values", [{ Key: "KeyId" }], "InvalidFilterValue", "Message", "The following filter values are missing : null for filter key KeyId."],
  ])("%s", (_name, filters, code, messageKey, message) => {
    expect(() => compileByPathFilters(filters)).toThrow(awsError(code, messageKey, message));
  });
});
