import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CIPHERTEXT,
  DATE,
  expectedFor,
  NEXT_TOKEN,
  OPERATIONS,
  playScenario,
  POLICY_HASH,
  POLICY_ID,
  REGION,
  type Answer,
  type ClientName,
  type Observed,
  type Phase,
  type Row,
} from "../support/scenario.js";
import { removeDir, startServer, TEST_ACCOUNT_ID, type ServerHandle } from "../support/server-process.js";

// One table of calls covering every Parameter Store operation, played through the aws CLI, boto3
// and SDK v3 — each in its own region, so even service settings stay apart — and held to one
// expected answer written from ssm-parameter-store.md. The CLI shows no HTTP status; otherwise the
// three must agree to the letter.

const REGIONS: Record<ClientName, string> = { cli: "us-east-1", boto3: "us-west-2", sdk: "eu-west-1" };
const CLIENTS = Object.keys(REGIONS) as ClientName[];

const ROOT = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;
const arnIn = (region: string, name: string): string => `arn:aws:ssm:${region}:${TEST_ACCOUNT_ID}:parameter${name}`;
/** As the answers show it, the region replaced by its placeholder. */
const arn = (name: string): string => arnIn(REGION, name);
const settingArn = (region: string, id: string): string => `arn:aws:ssm:${region}:${TEST_ACCOUNT_ID}:servicesetting${id}`;

const DEFAULT_TIER = "/ssm/parameter-store/default-parameter-tier";
const HIGH_THROUGHPUT = "/ssm/parameter-store/high-throughput-enabled";
const UNKNOWN_SETTING = "/ssm/parameter-store/no-such-setting";
const UNKNOWN_POLICY_ID = "00000000-0000-4000-8000-000000000000";

/** §2.1 M1: one message for every name-syntax problem. */
const M1 =
  `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`;
/** §4.4, backslashes as recorded. */
const INVALID_PATH =
  `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`;

const sharePolicy = (region: string): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "share",
        Effect: "Allow",
        Principal: { AWS: "210987654321" },
        Action: ["ssm:GetParameter", "ssm:GetParameters"],
        Resource: arnIn(region, "/app/shared"),
      },
    ],
  });

const ok = (out: Record<string, unknown>): Answer => ({ ok: out });
const error = (code: string, message = ""): Answer => ({ error: { code, message, status: 400 } });
const tooMany = (member: string, names: readonly string[]): Answer =>
  error(
    "ValidationException",
    `1 validation error detected: Value '[${names.join(", ")}]' at '${member}' failed to satisfy constraint: Member must have length less than or equal to 10`,
  );
const elevenNames = Array.from({ length: 11 }, (_, i) => `/app/n${i}`);

/** A Parameter of GetParameter(s)/ByPath: exactly these members (Appendix B). */
const parameter = (name: string, type: string, value: string, version: number, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Type: type,
  Value: value,
  Version: version,
  LastModifiedDate: DATE,
  ARN: arn(name),
  DataType: "text",
  ...extra,
});

/** A ParameterHistory entry: no ARN, Labels and Policies always present (§4.8). */
const history = (name: string, type: string, value: string, version: number, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Type: type,
  LastModifiedDate: DATE,
  LastModifiedUser: ROOT,
  Value: value,
  Version: version,
  Labels: [],
  Tier: "Standard",
  Policies: [],
  DataType: "text",
  ...extra,
});

const setting = (id: string, value: string, status: "Default" | "Customized") => ({
  ServiceSetting: {
    SettingId: id,
    SettingValue: value,
    LastModifiedDate: DATE,
    LastModifiedUser: status === "Default" ? "System" : ROOT,
    ARN: settingArn(REGION, id),
    Status: status,
  },
});

const DB_URL_V1 = "db.example.com:5432";
const DB_URL_V2 = "db2.example.com:5432";

const PHASES: readonly Phase[] = [
  // 1. Create what later phases read; errors that need no state.
  [
    {
      id: "PutParameter String with a description",
      op: "PutParameter",
      params: { Name: "/app/db/url", Type: "String", Value: DB_URL_V1, Description: "primary database" },
      expected: ok({ Version: 1, Tier: "Standard" }),
    },
    {
      id: "PutParameter SecureString under the default key",
      op: "PutParameter",
      params: { Name: "/app/db/password", Type: "SecureString", Value: "s3cr3t-pw" },
      expected: ok({ Version: 1, Tier: "Standard" }),
    },
    {
      id: "PutParameter StringList with tags",
      op: "PutParameter",
      params: { Name: "/app/flags", Type: "StringList", Value: "red,green", Tags: [{ Key: "team", Value: "core" }] },
      expected: ok({ Version: 1, Tier: "Standard" }),
    },
    {
      id: "PutParameter Advanced String",
      op: "PutParameter",
      params: { Name: "/app/shared", Type: "String", Value: "shared-value", Tier: "Advanced" },
      expected: ok({ Version: 1, Tier: "Advanced" }),
    },
    {
      id: "PutParameter Advanced SecureString",
      op: "PutParameter",
      params: { Name: "/app/vault", Type: "SecureString", Value: "vault-pw", Tier: "Advanced" },
      expected: ok({ Version: 1, Tier: "Advanced" }),
    },
    ...["/app/temp/a", "/app/temp/b", "/app/doomed"].map(
      (Name): Row => ({ id: `PutParameter ${Name}`, op: "PutParameter", params: { Name, Type: "String", Value: "v" }, expected: ok({ Version: 1, Tier: "Standard" }) }),
    ),
    {
      id: "PutParameter with a Type outside the enum",
      op: "PutParameter",
      params: { Name: "/app/typo", Type: "BadType", Value: "v" },
      expected: error(
        "ValidationException",
        "1 validation error detected: Value 'BadType' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]",
      ),
    },
    {
      id: "PutParameter on a reserved aws name",
      op: "PutParameter",
      params: { Name: "awsTest", Type: "String", Value: "v" },
      expected: error("AccessDeniedException", "No access to reserved parameter name: awsTest."),
    },
    {
      id: "PutParameter with a space in the name",
      op: "PutParameter",
      params: { Name: "/app/bad name", Type: "String", Value: "v" },
      expected: error("ValidationException", M1),
    },
    {
      id: "GetServiceSetting never changed",
      op: "GetServiceSetting",
      params: { SettingId: DEFAULT_TIER },
      expected: ok(setting(DEFAULT_TIER, "Standard", "Default")),
    },
    {
      id: "GetServiceSetting of an unknown id",
      op: "GetServiceSetting",
      params: { SettingId: UNKNOWN_SETTING },
      // Code from §4.12; the text is unverified there and is the server's own.
      expected: { error: { code: "ServiceSettingNotFound", message: `The service setting ${UNKNOWN_SETTING} was not found.`, status: 400 } },
    },
  ],
  // 2. Change what phase 1 made; none of these rows touches another's state.
  [
    {
      id: "PutParameter on an existing name without Overwrite",
      op: "PutParameter",
      params: { Name: "/app/db/url", Type: "String", Value: "other" },
      expected: error(
        "ParameterAlreadyExists",
        "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
      ),
    },
    {
      id: "PutParameter Overwrite keeps type and description",
      op: "PutParameter",
      params: { Name: "/app/db/url", Value: DB_URL_V2, Overwrite: true },
      expected: ok({ Version: 2, Tier: "Standard" }),
    },
    {
      id: "PutParameter Tags with Overwrite",
      op: "PutParameter",
      params: { Name: "/app/db/url", Value: "x", Overwrite: true, Tags: [{ Key: "a", Value: "b" }] },
      expected: error(
        "ValidationException",
        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
      ),
    },
    { id: "DeleteParameter", op: "DeleteParameter", params: { Name: "/app/doomed" }, expected: ok({}) },
    { id: "DeleteParameter of a missing name", op: "DeleteParameter", params: { Name: "/app/never" }, expected: error("ParameterNotFound") },
    {
      id: "DeleteParameters with one missing name",
      op: "DeleteParameters",
      params: { Names: ["/app/temp/b", "/app/temp/a", "/app/temp/none"] },
      expected: ok({ DeletedParameters: ["/app/temp/b", "/app/temp/a"], InvalidParameters: ["/app/temp/none"] }),
    },
    { id: "DeleteParameters with 11 names", op: "DeleteParameters", params: { Names: elevenNames }, expected: tooMany("names", elevenNames) },
    {
      id: "AddTagsToResource",
      op: "AddTagsToResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/db/url", Tags: [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "ops" }] },
      expected: ok({}),
    },
    {
      id: "AddTagsToResource on a missing parameter",
      op: "AddTagsToResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/never", Tags: [{ Key: "env", Value: "prod" }] },
      expected: error("InvalidResourceId"),
    },
    { id: "UpdateServiceSetting", op: "UpdateServiceSetting", params: { SettingId: HIGH_THROUGHPUT, SettingValue: "true" }, expected: ok({}) },
    {
      id: "UpdateServiceSetting with a value outside the setting's set",
      op: "UpdateServiceSetting",
      params: { SettingId: DEFAULT_TIER, SettingValue: "Premium" },
      // Code from §4.12; the text is unverified there and is the server's own.
      expected: error(
        "ValidationException",
        `The value Premium is not valid for the setting ${DEFAULT_TIER}. Valid values are: [Standard, Advanced, Intelligent-Tiering].`,
      ),
    },
    {
      id: "PutResourcePolicy on an Advanced parameter",
      op: "PutResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared"), Policy: sharePolicy(c("region")) }),
      expected: ok({ PolicyId: POLICY_ID, PolicyHash: POLICY_HASH }),
      capture: { policyId: "PolicyId", policyHash: "PolicyHash" },
    },
    // §4.13 gives the codes of the three refusals below; their texts are the server's own (unverified).
    {
      id: "PutResourcePolicy on a Standard parameter",
      op: "PutResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/flags"), Policy: sharePolicy(c("region")) }),
      expected: error(
        "ResourcePolicyInvalidParameterException",
        "Only advanced-tier parameters can be shared. Upgrade the parameter to the advanced-parameter tier and try again.",
      ),
    },
    {
      id: "PutResourcePolicy on a SecureString under the AWS managed key",
      op: "PutResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/vault"), Policy: sharePolicy(c("region")) }),
      expected: error(
        "ResourcePolicyInvalidParameterException",
        "A SecureString parameter encrypted with the AWS managed key can't be shared. Encrypt the parameter with a customer managed key and try again.",
      ),
    },
    {
      id: "PutResourcePolicy on a missing parameter",
      op: "PutResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/never"), Policy: sharePolicy(c("region")) }),
      expected: error("ResourceNotFoundException", `The resource ${arn("/app/never")} was not found.`),
    },
    {
      id: "LabelParameterVersion with one invalid label",
      op: "LabelParameterVersion",
      params: { Name: "/app/shared", ParameterVersion: 1, Labels: ["prod", "1bad"] },
      expected: ok({ InvalidLabels: ["1bad"], ParameterVersion: 1 }),
    },
    {
      id: "LabelParameterVersion of a missing version",
      op: "LabelParameterVersion",
      params: { Name: "/app/shared", ParameterVersion: 99, Labels: ["x"] },
      expected: error("ParameterVersionNotFound", "Systems Manager could not find version 99 of /app/shared. Verify the version and try again."),
    },
    {
      id: "LabelParameterVersion of a missing parameter",
      op: "LabelParameterVersion",
      params: { Name: "/app/never", Labels: ["x"] },
      expected: error("ParameterNotFound"),
    },
  ],
  // 3. Read everything back.
  [
    {
      id: "GetParameter latest",
      op: "GetParameter",
      params: { Name: "/app/db/url" },
      expected: ok({ Parameter: parameter("/app/db/url", "String", DB_URL_V2, 2) }),
    },
    {
      id: "GetParameter with a version selector",
      op: "GetParameter",
      params: { Name: "/app/db/url:1" },
      expected: ok({ Parameter: parameter("/app/db/url", "String", DB_URL_V1, 1, { Selector: ":1" }) }),
    },
    {
      id: "GetParameter with a label selector",
      op: "GetParameter",
      params: { Name: "/app/shared:prod" },
      expected: ok({ Parameter: parameter("/app/shared", "String", "shared-value", 1, { Selector: ":prod" }) }),
    },
    {
      id: "GetParameter SecureString decrypted",
      op: "GetParameter",
      params: { Name: "/app/db/password", WithDecryption: true },
      expected: ok({ Parameter: parameter("/app/db/password", "SecureString", "s3cr3t-pw", 1) }),
    },
    {
      id: "GetParameter SecureString as ciphertext",
      op: "GetParameter",
      params: { Name: "/app/db/password" },
      expected: ok({ Parameter: parameter("/app/db/password", "SecureString", CIPHERTEXT, 1) }),
    },
    { id: "GetParameter of a missing name", op: "GetParameter", params: { Name: "/app/never" }, expected: error("ParameterNotFound") },
    {
      id: "GetParameter of a missing version",
      op: "GetParameter",
      params: { Name: "/app/db/url:99" },
      expected: error("ParameterVersionNotFound", "Systems Manager could not find version 99 of /app/db/url. Verify the version and try again."),
    },
    {
      id: "GetParameter with two selectors",
      op: "GetParameter",
      params: { Name: "/app/db/url:1:2" },
      expected: error(
        "ValidationException",
        "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>",
      ),
    },
    {
      id: "GetParameters sorts and de-duplicates",
      op: "GetParameters",
      params: { Names: ["/app/flags", "/app/zzz", "/app/db/url", "/app/db/url:9", "/app/zzz"] },
      expected: ok({
        Parameters: [parameter("/app/db/url", "String", DB_URL_V2, 2), parameter("/app/flags", "StringList", "red,green", 1)],
        InvalidParameters: ["/app/db/url:9", "/app/zzz"],
      }),
    },
    { id: "GetParameters with 11 names", op: "GetParameters", params: { Names: elevenNames }, expected: tooMany("names", elevenNames) },
    {
      id: "GetParametersByPath one level",
      op: "GetParametersByPath",
      params: { Path: "/app/db" },
      expected: ok({
        Parameters: [parameter("/app/db/password", "SecureString", CIPHERTEXT, 1), parameter("/app/db/url", "String", DB_URL_V2, 2)],
      }),
    },
    {
      id: "GetParametersByPath recursive, first page",
      op: "GetParametersByPath",
      params: { Path: "/app", Recursive: true, WithDecryption: true, MaxResults: 3 },
      expected: ok({
        Parameters: [
          parameter("/app/db/password", "SecureString", "s3cr3t-pw", 1),
          parameter("/app/db/url", "String", DB_URL_V2, 2),
          parameter("/app/flags", "StringList", "red,green", 1),
        ],
        NextToken: NEXT_TOKEN,
      }),
      capture: { byPathToken: "NextToken" },
    },
    {
      id: "GetParametersByPath with a Label filter",
      op: "GetParametersByPath",
      params: { Path: "/app", Recursive: true, ParameterFilters: [{ Key: "Label", Option: "Equals", Values: ["prod"] }] },
      expected: ok({ Parameters: [parameter("/app/shared", "String", "shared-value", 1)] }),
    },
    {
      id: "GetParametersByPath with a Name filter",
      op: "GetParametersByPath",
      params: { Path: "/app", ParameterFilters: [{ Key: "Name", Values: ["x"] }] },
      expected: { error: { code: "InvalidFilterKey", message: "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label].", status: 400 } },
    },
    {
      id: "GetParametersByPath without a leading slash",
      op: "GetParametersByPath",
      params: { Path: "app/db" },
      expected: error("ValidationException", INVALID_PATH),
    },
    {
      id: "DescribeParameters by Name",
      op: "DescribeParameters",
      params: { ParameterFilters: [{ Key: "Name", Option: "Equals", Values: ["/app/db/password"] }] },
      expected: ok({
        Parameters: [
          {
            Name: "/app/db/password",
            ARN: arn("/app/db/password"),
            Type: "SecureString",
            KeyId: "alias/aws/ssm",
            LastModifiedDate: DATE,
            LastModifiedUser: ROOT,
            Version: 1,
            Tier: "Standard",
            Policies: [],
            DataType: "text",
          },
        ],
      }),
    },
    {
      id: "DescribeParameters by Path, one level",
      op: "DescribeParameters",
      params: { ParameterFilters: [{ Key: "Path", Option: "OneLevel", Values: ["/app/db"] }] },
      expected: ok({
        Parameters: [
          {
            Name: "/app/db/password",
            ARN: arn("/app/db/password"),
            Type: "SecureString",
            KeyId: "alias/aws/ssm",
            LastModifiedDate: DATE,
            LastModifiedUser: ROOT,
            Version: 1,
            Tier: "Standard",
            Policies: [],
            DataType: "text",
          },
          {
            Name: "/app/db/url",
            ARN: arn("/app/db/url"),
            Type: "String",
            LastModifiedDate: DATE,
            LastModifiedUser: ROOT,
            Description: "primary database",
            Version: 2,
            Tier: "Standard",
            Policies: [],
            DataType: "text",
          },
        ],
      }),
    },
    {
      id: "DescribeParameters with a Label filter",
      op: "DescribeParameters",
      params: { ParameterFilters: [{ Key: "Label", Values: ["prod"] }] },
      expected: {
        error: { code: "InvalidFilterKey", message: "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].", status: 400 },
      },
    },
    {
      id: "DescribeParameters with a filter without values",
      op: "DescribeParameters",
      params: { ParameterFilters: [{ Key: "Type" }] },
      expected: error("InvalidFilterValue", "The following filter values are missing : null for filter key Type."),
    },
    {
      id: "DescribeParameters with MaxResults 51",
      op: "DescribeParameters",
      params: { MaxResults: 51 },
      expected: error(
        "ValidationException",
        "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
      ),
    },
    {
      id: "DescribeParameters with a forged NextToken",
      op: "DescribeParameters",
      params: { NextToken: "bogus-token" },
      expected: error("InvalidNextToken", "The following token is invalid: bogus-token."),
    },
    {
      id: "GetParameterHistory keeps each version",
      op: "GetParameterHistory",
      params: { Name: "/app/db/url" },
      expected: ok({
        Parameters: [
          history("/app/db/url", "String", DB_URL_V1, 1, { Description: "primary database" }),
          history("/app/db/url", "String", DB_URL_V2, 2, { Description: "primary database" }),
        ],
      }),
    },
    {
      id: "GetParameterHistory decrypted, with KeyId",
      op: "GetParameterHistory",
      params: { Name: "/app/db/password", WithDecryption: true },
      expected: ok({ Parameters: [history("/app/db/password", "SecureString", "s3cr3t-pw", 1, { KeyId: "alias/aws/ssm" })] }),
    },
    {
      id: "GetParameterHistory shows labels",
      op: "GetParameterHistory",
      params: { Name: "/app/shared" },
      expected: ok({ Parameters: [history("/app/shared", "String", "shared-value", 1, { Labels: ["prod"], Tier: "Advanced" })] }),
    },
    { id: "GetParameterHistory of a missing name", op: "GetParameterHistory", params: { Name: "/app/never" }, expected: error("ParameterNotFound") },
    {
      id: "ListTagsForResource in insertion order",
      op: "ListTagsForResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/db/url" },
      expected: ok({ TagList: [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "ops" }] }),
    },
    {
      id: "ListTagsForResource of tags given at creation",
      op: "ListTagsForResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/flags" },
      expected: ok({ TagList: [{ Key: "team", Value: "core" }] }),
    },
    {
      id: "ListTagsForResource of a missing parameter",
      op: "ListTagsForResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/never" },
      expected: error("InvalidResourceId"),
    },
    {
      id: "ListTagsForResource with a ResourceType outside the enum",
      op: "ListTagsForResource",
      params: { ResourceType: "Bucket", ResourceId: "/app/db/url" },
      expected: error(
        "ValidationException",
        "1 validation error detected: Value 'Bucket' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: " +
          "[Association, OpsMetadata, MaintenanceWindow, OpsItem, Parameter, PatchBaseline, ManagedInstance, Automation, Document]",
      ),
    },
    {
      id: "GetServiceSetting after an update",
      op: "GetServiceSetting",
      params: { SettingId: HIGH_THROUGHPUT },
      expected: ok(setting(HIGH_THROUGHPUT, "true", "Customized")),
    },
    {
      id: "GetServiceSetting by ARN",
      op: "GetServiceSetting",
      params: (c) => ({ SettingId: settingArn(c("region"), DEFAULT_TIER) }),
      expected: ok(setting(DEFAULT_TIER, "Standard", "Default")),
    },
    {
      id: "GetResourcePolicies",
      op: "GetResourcePolicies",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared") }),
      expected: ok({ Policies: [{ PolicyId: POLICY_ID, PolicyHash: POLICY_HASH, Policy: sharePolicy(REGION) }] }),
    },
    {
      id: "GetResourcePolicies of a missing parameter",
      op: "GetResourcePolicies",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/never") }),
      expected: error("ResourceNotFoundException", `The resource ${arn("/app/never")} was not found.`),
    },
    // Refused deletes change nothing, so they may run beside the reads. §4.13 gives the codes; the
    // texts are the server's own (unverified).
    {
      id: "DeleteResourcePolicy with a stale hash",
      op: "DeleteResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared"), PolicyId: c("policyId"), PolicyHash: "stale" }),
      expected: error("ResourcePolicyConflictException", "The PolicyHash doesn't match the current policy. Get the latest policy and try again."),
    },
    {
      id: "DeleteResourcePolicy of an unknown policy id",
      op: "DeleteResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared"), PolicyId: UNKNOWN_POLICY_ID, PolicyHash: "x" }),
      expected: error("ResourcePolicyNotFoundException", `No resource policy with id ${UNKNOWN_POLICY_ID} was found.`),
    },
  ],
  // 4. Undo, and continue the paged read.
  [
    {
      id: "GetParametersByPath recursive, last page",
      op: "GetParametersByPath",
      params: (c) => ({ Path: "/app", Recursive: true, WithDecryption: true, MaxResults: 3, NextToken: c("byPathToken") }),
      expected: ok({
        Parameters: [parameter("/app/shared", "String", "shared-value", 1), parameter("/app/vault", "SecureString", "vault-pw", 1)],
      }),
    },
    {
      id: "UnlabelParameterVersion with one label not attached",
      op: "UnlabelParameterVersion",
      params: { Name: "/app/shared", ParameterVersion: 1, Labels: ["prod", "nope"] },
      expected: ok({ RemovedLabels: ["prod"], InvalidLabels: ["nope"] }),
    },
    {
      id: "UnlabelParameterVersion of a missing version",
      op: "UnlabelParameterVersion",
      params: { Name: "/app/shared", ParameterVersion: 99, Labels: ["prod"] },
      expected: error("ParameterVersionNotFound", "Systems Manager could not find version 99 of /app/shared. Verify the version and try again."),
    },
    {
      id: "RemoveTagsFromResource, one key absent",
      op: "RemoveTagsFromResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/db/url", TagKeys: ["owner", "absent"] },
      expected: ok({}),
    },
    {
      id: "RemoveTagsFromResource on a missing parameter",
      op: "RemoveTagsFromResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/never", TagKeys: ["owner"] },
      expected: error("InvalidResourceId"),
    },
    {
      id: "ResetServiceSetting",
      op: "ResetServiceSetting",
      params: { SettingId: HIGH_THROUGHPUT },
      expected: ok(setting(HIGH_THROUGHPUT, "false", "Default")),
    },
    {
      id: "ResetServiceSetting of an unknown id",
      op: "ResetServiceSetting",
      params: { SettingId: UNKNOWN_SETTING },
      expected: error("ServiceSettingNotFound", `The service setting ${UNKNOWN_SETTING} was not found.`),
    },
    {
      id: "DeleteResourcePolicy",
      op: "DeleteResourcePolicy",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared"), PolicyId: c("policyId"), PolicyHash: c("policyHash") }),
      expected: ok({}),
    },
  ],
  // 5. The undoing took effect.
  [
    {
      id: "ListTagsForResource after a removal",
      op: "ListTagsForResource",
      params: { ResourceType: "Parameter", ResourceId: "/app/db/url" },
      expected: ok({ TagList: [{ Key: "env", Value: "prod" }] }),
    },
    {
      id: "GetParameterHistory after unlabelling",
      op: "GetParameterHistory",
      params: { Name: "/app/shared" },
      expected: ok({ Parameters: [history("/app/shared", "String", "shared-value", 1, { Tier: "Advanced" })] }),
    },
    { id: "GetParameter of a deleted parameter", op: "GetParameter", params: { Name: "/app/doomed" }, expected: error("ParameterNotFound") },
    {
      id: "GetParameters of parameters DeleteParameters removed",
      op: "GetParameters",
      params: { Names: ["/app/temp/a", "/app/temp/b"] },
      expected: ok({ Parameters: [], InvalidParameters: ["/app/temp/a", "/app/temp/b"] }),
    },
    {
      id: "GetServiceSetting after a reset",
      op: "GetServiceSetting",
      params: { SettingId: HIGH_THROUGHPUT },
      expected: ok(setting(HIGH_THROUGHPUT, "false", "Default")),
    },
    {
      id: "GetResourcePolicies after the delete",
      op: "GetResourcePolicies",
      params: (c) => ({ ResourceArn: arnIn(c("region"), "/app/shared") }),
      expected: ok({ Policies: [] }),
    },
  ],
];

const ROWS = PHASES.flat();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: ServerHandle;
const observed = new Map<ClientName, Map<string, Observed>>();

beforeAll(async () => {
  server = await startServer();
  const runs = await Promise.all(CLIENTS.map((client) => playScenario(client, server.url, REGIONS[client], PHASES)));
  CLIENTS.forEach((client, i) => observed.set(client, runs[i] ?? new Map()));
  // About 80 aws CLI processes at ~1 s each: minutes when the machine is shared.
}, 600_000);
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe("the scenario table", () => {
  it("has unique row ids and covers every operation with a success and an error", () => {
    expect(new Set(ROWS.map((r) => r.id)).size).toBe(ROWS.length);
    for (const op of OPERATIONS) {
      const rows = ROWS.filter((r) => r.op === op);
      expect(rows.some((r) => "ok" in r.expected), `${op} success`).toBe(true);
      expect(rows.some((r) => "error" in r.expected), `${op} error`).toBe(true);
    }
  });
});

describe("the aws CLI, boto3 and SDK v3 give the one expected answer", () => {
  it.each(ROWS.map((row) => [row.id, row] as const))("%s", (_id, row) => {
    const seen = Object.fromEntries(CLIENTS.map((client) => [client, observed.get(client)?.get(row.id)?.answer]));
    const wanted = Object.fromEntries(CLIENTS.map((client) => [client, expectedFor(client, row.expected)]));
    expect(seen).toEqual(wanted);
  });

  it("every boto3 success and every SDK answer carries a request id", () => {
    for (const row of ROWS) {
      expect(observed.get("sdk")?.get(row.id)?.requestId, `sdk ${row.id}`).toMatch(UUID);
      if ("ok" in row.expected) expect(observed.get("boto3")?.get(row.id)?.requestId, `boto3 ${row.id}`).toMatch(UUID);
    }
  });
});
