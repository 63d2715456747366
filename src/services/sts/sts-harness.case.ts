import { randomBytes } from "node:crypto";
import { ResourcePolicyCache } from "../access/resource-policy-cache.js";
import type { CreateAccessKeyResponse, CreateUserResponse } from "@aws-sdk/client-iam";
import type { Credentials } from "@aws-sdk/client-sts";
import { accessDenied } from "../../errors/auth-errors.js";
import type { Principal } from "../../iam/principal.js";
import { systemRandom } from "../../platform/random.js";
import { ServerCredentialDirectory } from "../../server/credential-directory.js";
import { AuthorityCache } from "../access/authority-cache.js";
import { RequestAccess } from "../access/request-access.js";
import { ACCOUNT, openIamHarness, ROOT, type IamHarness } from "../iam/iam-harness.case.js";
import { KmsKeyStore } from "../kms/key-store.js";
import type { AnyOperation, OperationContext } from "../operation.js";
import { stsOperationTable } from "./operations/index.js";

export { ACCOUNT, ROOT };

/** The IAM harness plus STS: operations run with the server's real access control and credential directory. */
export interface StsHarness extends IamHarness {
  /** Runs an STS operation as `caller`, authorised as the server authorises it. */
  sts<Out = Record<string, unknown>>(operation: string, input: object, caller: Principal): Promise<Out>;
  /** A new IAM user with an access key, as the credential directory resolves that key. */
  user(name: string, path?: string): Promise<Principal>;
  /** Who temporary credentials belong to, as the credential directory resolves them (undefined: unknown key). */
  principalOf(credentials: Credentials | undefined): Promise<Principal | undefined>;
  readonly directory: ServerCredentialDirectory;
}

export async function openStsHarness(): Promise<StsHarness> {
  const iam = await openIamHarness();
  const clock = { now: () => new Date(iam.now) };
  const rootCredentials = { accessKeyId: ROOT.accessKeyId, secretAccessKey: "root/secret/for/the/sts/harness/00000000", generated: false };
  const directory = new ServerCredentialDirectory(rootCredentials, ACCOUNT, iam.storage, iam.sealer, clock);
  const keys = new KmsKeyStore(iam.storage, randomBytes(32), clock, systemRandom);
  const harness: StsHarness = Object.assign(iam, {
    directory,
    async sts<Out>(operation: string, input: object, caller: Principal): Promise<Out> {
      const op: AnyOperation | undefined = stsOperationTable.get(operation);
      if (op === undefined) throw new Error(`no operation ${operation}`);
      // A fresh cache per call: every call sees the IAM state the test has just set up.
      const authority = await new AuthorityCache(iam.storage, clock).authorityOf(caller);
      const access = new RequestAccess(
        authority,
        { region: "us-east-1", now: iam.now, sourceIp: "127.0.0.1", secureTransport: false },
        { storage: iam.storage, keys, parameterPolicies: new ResourcePolicyCache(iam.storage, clock) },
        (message) => accessDenied("query", message),
      );
      const cx: OperationContext = {
        requestId: "req-1",
        region: "us-east-1",
        accountId: ACCOUNT,
        partition: "aws",
        caller,
        access,
        ports: {
          storage: iam.storage,
          keyring: { generateDataKey: () => Promise.reject(new Error("unused")), decryptDataKey: () => Promise.reject(new Error("unused")) },
          clock,
          random: systemRandom,
          tokenKey: Buffer.alloc(32),
          credentialSealer: iam.sealer,
        },
      };
      await access.require(await (op.access?.(input, cx) ?? []));
      return (await op.run(input, cx)) as Out;
    },
    async user(name: string, path = "/"): Promise<Principal> {
      await iam.call<CreateUserResponse>("CreateUser", { UserName: name, Path: path });
      const key = await iam.call<CreateAccessKeyResponse>("CreateAccessKey", { UserName: name });
      const entry = await directory.lookup(key.AccessKey?.AccessKeyId ?? "", undefined);
      if (entry === undefined) throw new Error(`no directory entry for ${name}`);
      return entry.principal;
    },
    async principalOf(credentials: Credentials | undefined): Promise<Principal | undefined> {
      directory.invalidate();
      const entry = await directory.lookup(credentials?.AccessKeyId ?? "", credentials?.SessionToken);
      // The SigV4 verifier's own comparison: the directory hands back the token only when it matches.
      return entry !== undefined && entry.sessionToken === credentials?.SessionToken ? entry.principal : undefined;
    },
  });
  return harness;
}
