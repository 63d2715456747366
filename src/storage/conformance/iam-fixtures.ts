import type { IamSessionRecord } from "../iam-ports.js";

/** An STS session record (a role session by default); tests override what they are about. */
export function aSession(accessKeyId: string, overrides: Partial<IamSessionRecord> = {}): IamSessionRecord {
  return {
    accessKeyId,
    sealedSecret: new Uint8Array([1, 2, 3]),
    tokenHash: new Uint8Array(32).fill(7),
    principal: { kind: "role", roleId: "AROAROLE1" },
    sessionName: "build-42",
    issuedAt: 1000,
    expiresAt: 5000,
    sessionPolicyArns: [],
    tags: [],
    transitiveTagKeys: [],
    chained: false,
    ...overrides,
  };
}
