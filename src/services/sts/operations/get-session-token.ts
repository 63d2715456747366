import type { GetSessionTokenRequest, GetSessionTokenResponse } from "@aws-sdk/client-sts";
import { getSessionTokenWithSessionCredentials } from "../../../errors/sts-errors.js";
import type { IamSessionRecord } from "../../../storage/iam-ports.js";
import type { Operation } from "../../operation.js";
import { credentialsView, issueCredentials } from "../session-credentials.js";

/** Seconds, when DurationSeconds is left out [botocore model docs]. */
export const DEFAULT_SESSION_TOKEN_SECONDS = 43_200;
/** The account root's sessions last at most an hour; longer requests are cut, not refused. */
export const ROOT_SESSION_MAX_SECONDS = 3600;

/**
 * iam-sts.md §4.3: temporary credentials with the caller's own identity and permissions (the session
 * is the user, or the account root, on an ASIA… key; GetCallerIdentity shows the user ARN). Needs no
 * permission; only long-term credentials may call it. MFA (SerialNumber, TokenCode) is not verified:
 * the session's aws:MultiFactorAuthPresent is false.
 */
export const GetSessionToken: Operation<GetSessionTokenRequest, GetSessionTokenResponse> = {
  name: "GetSessionToken",
  action: "sts:GetSessionToken",
  access: () => [],
  async run(input, cx) {
    const { caller } = cx;
    if (caller.sessionIssuedAt !== undefined || caller.accessKeyId.startsWith("ASIA") || caller.kind === "assumed-role" || caller.kind === "system") {
      throw getSessionTokenWithSessionCredentials();
    }
    const requested = input.DurationSeconds ?? DEFAULT_SESSION_TOKEN_SECONDS;
    const duration = caller.kind === "root" ? Math.min(requested, ROOT_SESSION_MAX_SECONDS) : requested;
    const issued = issueCredentials(cx, duration);
    const record: IamSessionRecord = {
      accessKeyId: issued.accessKeyId,
      sealedSecret: issued.sealedSecret,
      tokenHash: issued.tokenHash,
      principal: caller.kind === "root" ? { kind: "root" } : { kind: "user", userId: caller.userId },
      issuedAt: issued.issuedAt,
      expiresAt: issued.expiresAt,
      sessionPolicyArns: [],
      tags: [],
      transitiveTagKeys: [],
      chained: false,
    };
    await cx.ports.storage.write((tx) => tx.putSession(record));
    return { Credentials: credentialsView(issued) };
  },
};
