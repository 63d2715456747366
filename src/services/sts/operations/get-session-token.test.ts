import { Sha256 } from "@aws-crypto/sha256-js";
import type { AssumeRoleResponse, Credentials, GetCallerIdentityResponse, GetSessionTokenResponse } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSigV4Verifier } from "../../../auth/sigv4-verifier.js";
import { AwsError } from "../../../errors/aws-error.js";
import { expectIamError } from "../../iam/iam-harness.case.js";
import { ACCOUNT, openStsHarness, ROOT, type StsHarness } from "../sts-harness.case.js";

let h: StsHarness;
beforeEach(async () => {
  h = await openStsHarness();
});
afterEach(async () => {
  await h.close();
});

const NOON = Date.UTC(2024, 4, 1, 12, 0, 0);
const SESSION_REFUSED = "Cannot call GetSessionToken with session credentials";

describe("GetSessionToken", () => {
  it("gives a user temporary credentials with the user's own identity (§4.3)", async () => {
    const alice = await h.user("alice", "/team/");
    const out = await h.sts<GetSessionTokenResponse>("GetSessionToken", {}, alice);
    expect(out).toEqual({
      Credentials: {
        AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/) as unknown,
        SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9/+]{40}$/) as unknown,
        SessionToken: expect.any(String) as unknown,
        // The default: 12 hours.
        Expiration: new Date(NOON + 43_200_000),
      },
    });
    const session = await h.principalOf(out.Credentials);
    expect(session).toEqual({
      accountId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:user/team/alice`,
      accessKeyId: out.Credentials?.AccessKeyId,
      kind: "user",
      userId: alice.userId,
      userName: "alice",
      sessionIssuedAt: NOON,
    });
    expect(await h.sts<GetCallerIdentityResponse>("GetCallerIdentity", {}, session!)).toEqual({ UserId: alice.userId, Account: ACCOUNT, Arn: alice.arn });
    const record = await h.storage.read((tx) => tx.session(out.Credentials?.AccessKeyId ?? ""));
    expect(record).toMatchObject({ principal: { kind: "user", userId: alice.userId }, chained: false, tags: [] });
    expect(record && "sessionName" in record).toBe(false);
  });

  it("takes DurationSeconds, and cuts the root's sessions to an hour", async () => {
    const alice = await h.user("alice");
    const short = await h.sts<GetSessionTokenResponse>("GetSessionToken", { DurationSeconds: 900 }, alice);
    expect(short.Credentials?.Expiration).toEqual(new Date(NOON + 900_000));
    const long = await h.sts<GetSessionTokenResponse>("GetSessionToken", { DurationSeconds: 129_600 }, alice);
    expect(long.Credentials?.Expiration).toEqual(new Date(NOON + 129_600_000));

    const root = await h.sts<GetSessionTokenResponse>("GetSessionToken", {}, ROOT);
    expect(root.Credentials?.Expiration).toEqual(new Date(NOON + 3_600_000));
    expect((await h.sts<GetSessionTokenResponse>("GetSessionToken", { DurationSeconds: 1800 }, ROOT)).Credentials?.Expiration).toEqual(
      new Date(NOON + 1_800_000),
    );
    const rootSession = await h.principalOf(root.Credentials);
    expect(rootSession).toEqual({
      accountId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accessKeyId: root.Credentials?.AccessKeyId,
      kind: "root",
      userId: ACCOUNT,
      sessionIssuedAt: NOON,
    });
    // Still the root: AssumeRole refuses it as it refuses the root's own keys.
    await expectIamError(
      h.sts("AssumeRole", { RoleArn: `arn:aws:iam::${ACCOUNT}:role/x`, RoleSessionName: "s1" }, rootSession!),
      "AccessDenied",
      403,
      "Roles may not be assumed by root accounts.",
    );
  });

  it("refuses session credentials: a user's session, a role session, the root's session", async () => {
    const alice = await h.user("alice");
    const userSession = await h.principalOf((await h.sts<GetSessionTokenResponse>("GetSessionToken", {}, alice)).Credentials);
    const rootSession = await h.principalOf((await h.sts<GetSessionTokenResponse>("GetSessionToken", {}, ROOT)).Credentials);
    await h.call("CreateRole", {
      RoleName: "app",
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole" }] }),
    });
    // A GetSessionToken session may still assume a role (AWS allows AssumeRole from such sessions).
    const assumed = await h.sts<AssumeRoleResponse>("AssumeRole", { RoleArn: `arn:aws:iam::${ACCOUNT}:role/app`, RoleSessionName: "s1" }, userSession!);
    const roleSession = await h.principalOf(assumed.Credentials);
    for (const session of [userSession, roleSession, rootSession]) {
      expect(session?.sessionIssuedAt).toBe(NOON);
      await expectIamError(h.sts("GetSessionToken", {}, session!), "AccessDenied", 403, SESSION_REFUSED);
    }
  });
});

describe("temporary credentials on the wire", () => {
  /** The server's SigV4 verifier over the harness's credential directory, its clock at `atMs`. */
  async function verifyAt(credentials: Credentials | undefined, atMs: number, presented?: string | null): Promise<string> {
    // null: no token at all.
    const token = presented === null ? undefined : (presented ?? credentials?.SessionToken);
    h.directory.invalidate();
    const verifier = createSigV4Verifier({ directory: h.directory, clock: { now: () => new Date(atMs) } });
    const signer = new SignatureV4({
      service: "sts",
      region: "us-east-1",
      credentials: { accessKeyId: credentials?.AccessKeyId ?? "", secretAccessKey: credentials?.SecretAccessKey ?? "", ...(token === undefined ? {} : { sessionToken: token }) },
      sha256: Sha256,
    });
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const signed = await signer.sign(
      new HttpRequest({ method: "POST", protocol: "http:", hostname: "localhost", path: "/", headers: { host: "localhost", "content-type": "application/x-www-form-urlencoded" }, body }),
      { signingDate: new Date(atMs) },
    );
    const pairs = Object.entries(signed.headers).map(([k, v]) => [k, String(v)] as const);
    const headers = Object.fromEntries(pairs.map(([k, v]) => [k.toLowerCase(), v]));
    try {
      const auth = await verifier({ method: "POST", path: "/", query: "", headers, rawHeaders: pairs.flat(), body: Buffer.from(body) }, "sts", "query");
      return auth.principal.arn;
    } catch (e) {
      if (e instanceof AwsError) return `${e.code}: ${e.message}`;
      throw e;
    }
  }

  it("are accepted until they expire, then answer ExpiredToken; a wrong token is InvalidClientTokenId", async () => {
    const alice = await h.user("alice");
    const { Credentials } = await h.sts<GetSessionTokenResponse>("GetSessionToken", { DurationSeconds: 900 }, alice);
    expect(await verifyAt(Credentials, NOON + 899_000)).toBe(alice.arn);
    expect(await verifyAt(Credentials, NOON + 900_000)).toBe("ExpiredToken: The security token included in the request is expired");
    expect(await verifyAt(Credentials, NOON + 899_000, "not-the-token")).toBe("InvalidClientTokenId: The security token included in the request is invalid.");
    expect(await verifyAt(Credentials, NOON + 899_000, null)).toBe("InvalidClientTokenId: The security token included in the request is invalid.");
  });

  it("are gone once the sweep deletes the expired sessions", async () => {
    const alice = await h.user("alice");
    const { Credentials } = await h.sts<GetSessionTokenResponse>("GetSessionToken", { DurationSeconds: 900 }, alice);
    expect(await h.storage.write((tx) => tx.deleteExpiredSessions(NOON + 899_000))).toBe(0);
    expect(await h.storage.write((tx) => tx.deleteExpiredSessions(NOON + 900_000))).toBe(1);
    expect(await verifyAt(Credentials, NOON + 900_000)).toBe("InvalidClientTokenId: The security token included in the request is invalid.");
  });
});
