import { describe, expect, it } from "vitest";
import { isAwsError } from "../../errors/aws-error.js";
import { rootPrincipal } from "../../iam/principal.js";
import type { AccessRequest } from "../access.js";
import type { AnyOperation, OperationContext } from "../operation.js";
import { ssmOperationTable } from "./operations/index.js";

// iam-policy-evaluation.md §8.1: which action and resource each Parameter Store request is authorised as.
const ACCOUNT = "123456789012";
const missing = new Set<string>();
const cx = {
  requestId: "r",
  region: "eu-west-1",
  accountId: ACCOUNT,
  partition: "aws",
  caller: rootPrincipal(ACCOUNT, "AKIAROOT"),
  ports: {
    storage: {
      read: async (work: (tx: unknown) => Promise<unknown>) =>
        work({ latest: async (_region: string, key: string) => (missing.has(key) ? undefined : { key }) }),
    },
  },
} as unknown as OperationContext;

async function access(operation: string, input: Record<string, unknown>): Promise<readonly AccessRequest[]> {
  const op: AnyOperation | undefined = ssmOperationTable.get(operation);
  if (op?.access === undefined) throw new Error(`${operation} declares no access`);
  return op.access(input, cx);
}

const P = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter`;

describe("Parameter Store access requests", () => {
  it("every operation declares its access", () => {
    expect([...ssmOperationTable.values()].filter((op) => op.access === undefined).map((op) => op.name)).toEqual([]);
  });

  it.each([
    ["/app/db/pw", `${P}/app/db/pw`],
    ["bot-api", `${P}/bot-api`],
    ["/bot-api", `${P}/bot-api`],
    ["/app/db/pw:3", `${P}/app/db/pw`],
    ["/app/db/pw:prod", `${P}/app/db/pw`],
    [`${P}/app/db/pw:2`, `${P}/app/db/pw`],
  ])("GetParameter %s is authorised on %s", async (name, arn) => {
    expect(await access("GetParameter", { Name: name })).toMatchObject([{ action: "ssm:GetParameter", resource: arn }]);
  });

  it("public parameters have no account in their ARN", async () => {
    expect(await access("GetParameter", { Name: "/aws/service/ami/x" })).toEqual([
      { action: "ssm:GetParameter", resource: "arn:aws:ssm:eu-west-1::parameter/aws/service/ami/x" },
    ]);
  });

  it.each([
    ["/app/prod", `${P}/app/prod`],
    ["/app/prod/", `${P}/app/prod/`],
    ["/", `${P}/`],
  ])("GetParametersByPath %s is authorised on the path ARN %s, not on what it returns", async (path, arn) => {
    expect(await access("GetParametersByPath", { Path: path, Recursive: true })).toEqual([
      { action: "ssm:GetParametersByPath", resource: arn, context: { "ssm:Recursive": "true" } },
    ]);
  });

  it("DescribeParameters needs the account-wide resource", async () => {
    expect(await access("DescribeParameters", {})).toEqual([
      { action: "ssm:DescribeParameters", resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:*` },
    ]);
  });

  it("GetParameters authorises each distinct name", async () => {
    const requests = await access("GetParameters", { Names: ["/a", "/b:1", "/a"] });
    expect(requests.map((r) => [r.action, r.resource])).toEqual([
      ["ssm:GetParameters", `${P}/a`],
      ["ssm:GetParameters", `${P}/b`],
    ]);
  });

  it("DeleteParameters leaves malformed names to InvalidParameters", async () => {
    const requests = await access("DeleteParameters", { Names: ["/ok", "bad name with spaces"] });
    expect(requests.map((r) => r.resource)).toEqual([`${P}/ok`]);
  });

  it("PutParameter carries ssm:Overwrite, ssm:Policies and the request tags only when sent", async () => {
    const [plain] = await access("PutParameter", { Name: "/x", Value: "v", Type: "String" });
    expect(plain?.context).toEqual({});
    const [tagged] = await access("PutParameter", {
      Name: "/x",
      Value: "v",
      Type: "String",
      Overwrite: false,
      Tags: [{ Key: "team", Value: "payments" }],
    });
    expect(tagged?.context).toEqual({
      "ssm:Overwrite": "false",
      "aws:TagKeys": ["team"],
      "aws:RequestTag/team": "payments",
    });
  });

  it("a malformed name is the validation error, before any authorisation", async () => {
    const error = await access("GetParameter", { Name: "a:b:c" }).catch((e: unknown) => e);
    expect(isAwsError(error) && error.code).toBe("ValidationException");
  });

  it("a denial names `…:*` for a parameter that does not exist, the parameter ARN otherwise", async () => {
    missing.add("/gone");
    const [gone] = await access("GetParameter", { Name: "/gone" });
    const [here] = await access("DeleteParameter", { Name: "/here" });
    expect(await gone?.shownAs?.()).toBe(`arn:aws:ssm:eu-west-1:${ACCOUNT}:*`);
    expect(await here?.shownAs?.()).toBe(`${P}/here`);
  });

  it("service settings are authorised on the setting ARN", async () => {
    expect(await access("GetServiceSetting", { SettingId: "/ssm/parameter-store/high-throughput-enabled" })).toEqual([
      {
        action: "ssm:GetServiceSetting",
        resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:servicesetting/ssm/parameter-store/high-throughput-enabled`,
      },
    ]);
  });
});
