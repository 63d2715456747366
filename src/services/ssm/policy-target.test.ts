import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage } from "../../storage/ports.js";
import { aVersion, REGION } from "../../storage/conformance/version-fixtures.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import { policyTargetKey, usesAwsManagedKey } from "./policy-target.js";

// The end-to-end tests cannot create a customer managed key yet (no KMS front end): the key rules
// of sharing are checked here against real storage.
const MANAGED = "1234abcd-12ab-34cd-56ef-1234567890ab";
const CUSTOMER = "0987dcba-09fe-87dc-65ba-ab0987654321";
const ACCOUNT = "123456789012";
const scope = { partition: "aws", region: REGION, account: ACCOUNT };

let dir: string;
let storage: Storage;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paramstore-policy-target-"));
  storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  await storage.write(async (tx) => {
    await tx.insertAlias(REGION, "alias/aws/ssm", MANAGED);
    await tx.insertAlias(REGION, "alias/app", CUSTOMER);
    await tx.insertAlias(REGION, "alias/ssm-again", MANAGED);
  });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const secure = (keyId: string | null) => aVersion("/s", 1, { type: "SecureString", tier: "Advanced", keyId });

describe("usesAwsManagedKey", () => {
  it.each([
    [null],
    ["alias/aws/ssm"],
    [`arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/ssm`],
    [MANAGED],
    [`arn:aws:kms:${REGION}:${ACCOUNT}:key/${MANAGED}`],
    ["alias/ssm-again"],
    [`arn:aws:kms:${REGION}:${ACCOUNT}:alias/ssm-again`],
  ])("refuses a SecureString under the AWS managed key spelled %s", async (keyId) => {
    expect(await storage.read((tx) => usesAwsManagedKey(tx, secure(keyId)))).toBe(true);
  });

  it.each([[CUSTOMER], [`arn:aws:kms:${REGION}:${ACCOUNT}:key/${CUSTOMER}`], ["alias/app"], [`arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`]])(
    "allows a SecureString under a customer managed key spelled %s",
    async (keyId) => {
      expect(await storage.read((tx) => usesAwsManagedKey(tx, secure(keyId)))).toBe(false);
    },
  );

  it("never refuses a String", async () => {
    expect(await storage.read((tx) => usesAwsManagedKey(tx, aVersion("/p", 1)))).toBe(false);
  });
});

describe("policyTargetKey", () => {
  it.each([
    [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/a/b`, "/a/b"],
    [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/top`, "/top"],
  ])("reads %s as the parameter %s", (arn, key) => {
    expect(policyTargetKey(arn, scope)).toBe(key);
  });

  it.each([
    [`arn:aws:ssm:${REGION}:210987654321:parameter/a`, "ResourceNotFoundException"],
    [`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`, "ResourceNotFoundException"],
    [`arn:aws-cn:ssm:${REGION}:${ACCOUNT}:parameter/a`, "ResourceNotFoundException"],
    [`arn:aws:ssm:${REGION}:${ACCOUNT}:document/a`, "ResourceNotFoundException"],
    [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/a b`, "ResourcePolicyInvalidParameterException"],
    [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/a//b`, "ResourcePolicyInvalidParameterException"],
    [`arn:aws:kms:${REGION}:${ACCOUNT}:key/a`, "ResourcePolicyInvalidParameterException"],
    ["parameter/a/b/c/d/e/f/g/h", "ResourcePolicyInvalidParameterException"],
  ])("refuses %s with %s", (arn, code) => {
    expect(() => policyTargetKey(arn, scope)).toThrow(expect.objectContaining({ code, status: 400, messageKey: "Message" }));
  });
});
