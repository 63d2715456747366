import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { open, seal } from "../../crypto/aead.js";
import { AwsError } from "../../errors/aws-error.js";
import { rootPrincipal, type Principal } from "../../iam/principal.js";
import { systemRandom } from "../../platform/random.js";
import type { Storage } from "../../storage/ports.js";
import { openSqliteStorage } from "../../storage/sqlite/sqlite-storage.js";
import type { AnyOperation, CredentialSealer, OperationContext } from "../operation.js";
import { iamOperations } from "./operations/index.js";
import { UNRESTRICTED_ACCESS } from "../access/unrestricted-access.case.js";

export const ACCOUNT = "111122223333";
export const ROOT = rootPrincipal(ACCOUNT, "AKIAPARAMSTORETEST01");

export function userCaller(name: string, options: { session?: boolean } = {}): Principal {
  return {
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    accessKeyId: options.session === true ? "ASIAEXAMPLEEXAMPLE01" : "AKIAEXAMPLEEXAMPLE01",
    kind: "user",
    userId: "AIDAEXAMPLEEXAMPLE012",
    userName: name,
    ...(options.session === true ? { sessionIssuedAt: 1 } : {}),
  };
}

export const ROLE_SESSION: Principal = {
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/build-42`,
  accessKeyId: "ASIAEXAMPLEEXAMPLE02",
  kind: "assumed-role",
  userId: "AROAEXAMPLEEXAMPLE012:build-42",
  roleArn: `arn:aws:iam::${ACCOUNT}:role/app`,
  sessionIssuedAt: 1,
};

/** AES-256-GCM under a per-harness key, as the server seals under its root key. */
function testSealer(): CredentialSealer {
  const key = randomBytes(32);
  return {
    seal: (secret, aad) => seal(key, Buffer.from(secret, "utf8"), Buffer.from(aad, "utf8")),
    open: (sealed, aad) => open(key, sealed, Buffer.from(aad, "utf8"))?.toString("utf8"),
  };
}

export interface IamHarness {
  readonly storage: Storage;
  readonly sealer: CredentialSealer;
  readonly dir: string;
  /** Moves the clock (ms since the epoch). */
  now: number;
  /** Runs an operation by name, as root unless `caller` says otherwise. */
  call<Out = Record<string, unknown>>(operation: string, input: object, caller?: Principal): Promise<Out>;
  close(): Promise<void>;
}

export async function openIamHarness(): Promise<IamHarness> {
  const dir = await mkdtemp(join(tmpdir(), "paramstore-iam-"));
  const storage = await openSqliteStorage({ file: join(dir, "paramstore.db") });
  const sealer = testSealer();
  const harness: IamHarness = {
    storage,
    sealer,
    dir,
    now: Date.UTC(2024, 4, 1, 12, 0, 0, 250),
    async call<Out>(operation: string, input: object, caller: Principal = ROOT): Promise<Out> {
      const op: AnyOperation | undefined = iamOperations.get(operation);
      if (op === undefined) throw new Error(`no operation ${operation}`);
      const cx: OperationContext = {
        requestId: "req-1",
        region: "us-east-1",
        accountId: ACCOUNT,
        partition: "aws",
        caller,
        // The harness tests IAM's own rules; authorisation is tested through the server.
        access: UNRESTRICTED_ACCESS,
        ports: {
          storage,
          keyring: { generateDataKey: () => Promise.reject(new Error("unused")), decryptDataKey: () => Promise.reject(new Error("unused")) },
          clock: { now: () => new Date(harness.now) },
          random: systemRandom,
          tokenKey: Buffer.alloc(32),
          credentialSealer: sealer,
        },
      };
      return (await op.run(input, cx)) as Out;
    },
    async close() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The call fails with exactly this AwsError (IAM's message key is `Message`). */
export async function expectIamError(promise: Promise<unknown>, code: string, status: number, message: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsError);
  const aws = error as AwsError;
  expect({ code: aws.code, status: aws.status, message: aws.message, key: aws.messageKey }).toEqual({ code, status, message, key: "Message" });
}

export const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }],
});

export const READ_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }],
});
