import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { createSigV4Verifier } from "../auth/sigv4-verifier.js";
import { accessDenied } from "../errors/auth-errors.js";
import { AuthorityCache } from "../services/access/authority-cache.js";
import { RequestAccess } from "../services/access/request-access.js";
import { withIamAccess } from "../services/iam/access-requests.js";
import { iamOperations } from "../services/iam/operations/index.js";
import type { AccessFor } from "../wire/pipeline.js";
import { createAuditTrail } from "../services/audit/audit-trail.js";
import { afterEachChange } from "./after-each-change.js";
import { ServerCredentialDirectory } from "./credential-directory.js";
import { deriveKey, loadRootKey, rootKeySource } from "../crypto/root-key.js";
import { RootKeyring } from "../crypto/root-keyring.js";
import { systemClock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import { systemRandom } from "../platform/random.js";
import { rotateDueKeys } from "../services/kms/key-rotation.js";
import { KmsKeyStore } from "../services/kms/key-store.js";
import { LocalKeyring } from "../services/kms/keyring.js";
import { adoptRootKeyState, guardRootKeyWrites } from "../services/kms/root-key-guard.js";
import type { ServicePorts } from "../services/operation.js";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.js";
import { createPipeline } from "../wire/pipeline.js";
import type { ServerConfig } from "./config.js";
import { loadRootCredentials, type RootCredentials } from "./root-credentials.js";
import { iamQueryService } from "./iam-query-service.js";
import { kmsJsonService } from "./kms-json-service.js";
import { ssmJsonService } from "./ssm-json-service.js";
import { ResourcePolicyCache } from "../services/access/resource-policy-cache.js";
import { ssmOperationTable } from "../services/ssm/operations/index.js";
import { stsQueryService } from "./sts-query-service.js";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly rootCredentials: RootCredentials;
  /** Stops accepting, lets in-flight requests finish, then closes storage. */
  close(): Promise<void>;
}

const KEY_SWEEP_MS = 60_000;
/** The SSM operations that can change a parameter's resource policies. */
const POLICY_CHANGES: ReadonlySet<string> = new Set(["PutResourcePolicy", "DeleteResourcePolicy", "DeleteParameter", "DeleteParameters"]);
/** A passive checkpoint this often keeps the WAL to a few MB under a full write load. */
const CHECKPOINT_INTERVAL_MS = 200;
/**
 * Expired STS sessions are kept a day before the sweep drops them, so that clients presenting them
 * meanwhile hear ExpiredToken (which SDKs answer by refreshing) rather than InvalidClientTokenId.
 */
const EXPIRED_SESSION_KEPT_MS = 24 * 60 * 60 * 1000;

/** The composition root: the only place that knows every adapter and wires it to its port. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const rootKey = loadRootKey(config.dataDir, config.masterKey);
  const rootCredentials = loadRootCredentials(config.dataDir, {
    accessKeyId: config.rootAccessKeyId,
    secretAccessKey: config.rootSecretAccessKey,
  });
  const storage = await openSqliteStorage({
    file: join(config.dataDir, "paramstore.db"),
    backgroundCheckpoint: { intervalMs: CHECKPOINT_INTERVAL_MS, onError: (message) => logger.warn({ message }, "WAL checkpoint failed") },
  });
  const clock = systemClock;
  const random = systemRandom;
  const source = rootKeySource(config.dataDir, { masterKey: config.masterKey, previousMasterKey: config.previousMasterKey });
  const roots = new RootKeyring(source.keys, source.reload);
  try {
    await adoptRootKeyState(storage, roots);
  } catch (e) {
    await storage.close();
    throw e;
  }
  const kmsKeys = new KmsKeyStore(storage, roots, clock, random);
  const ports: ServicePorts = {
    // IAM secrets written during a root key rotation land under the current root key (root-key-guard.ts).
    storage: guardRootKeyWrites(storage, roots),
    keyring: new LocalKeyring(kmsKeys),
    clock,
    random,
    tokenKey: deriveKey(rootKey, "next-token"),
    credentialSealer: {
      seal: (secret, aad) => roots.wrap(Buffer.from(secret, "utf8"), Buffer.from(aad, "utf8")),
      open: (sealed, aad) => roots.unwrap(sealed, Buffer.from(aad, "utf8"))?.toString("utf8"),
    },
  };

  const directory = new ServerCredentialDirectory(rootCredentials, config.accountId, storage, ports.credentialSealer, clock);
  const authorities = new AuthorityCache(storage, clock);
  const parameterPolicies = new ResourcePolicyCache(storage, clock);
  // Likewise for parameters' resource policies (a deleted parameter takes its policies with it).
  const ssmTable = afterEachChange(ssmOperationTable, () => parameterPolicies.invalidate(), POLICY_CHANGES);
  const accessFor: AccessFor = async (auth, origin) =>
    new RequestAccess(
      await authorities.authorityOf(auth.principal),
      { region: auth.region, now: clock.now().getTime(), sourceIp: origin.sourceIp, secureTransport: origin.secureTransport },
      { storage, keys: kmsKeys, parameterPolicies },
      (message) => accessDenied(origin.protocol, message),
    );
  // An IAM change made here applies to the next request at once (other nodes: within a second).
  const iamTable = afterEachChange(withIamAccess(iamOperations), () => {
    directory.invalidate();
    authorities.invalidate();
  });
  if (config.dev) logger.warn("--dev: any well-formed signature is accepted, as the account root; never use this in production");
  const verify = createSigV4Verifier({
    directory,
    clock,
    ...(config.dev ? { dev: { accountId: config.accountId } } : {}),
  });

  const audit = createAuditTrail({
    log: storage.audit,
    key: deriveKey(rootKey, "audit-hmac"),
    clock,
    random,
    retentionDays: config.auditRetentionDays,
  });

  const handle = createPipeline({
    services: [ssmJsonService(ssmTable), kmsJsonService(kmsKeys)],
    queryServices: [iamQueryService(iamTable), stsQueryService()],
    authenticate: verify,
    accessFor,
    audit,
    ports,
    random,
    logger,
    maxBodyBytes: config.maxBodyBytes,
  });

  // Keys pending deletion go when due (kms.md §5.5): once now, for those that fell due while stopped,
  // then every minute; a lookup in between also deletes a due key (KmsKeyStore.keyById). Keys due for
  // automatic rotation (kms.md §7.6) rotate in the same sweep, and long-expired STS sessions go.
  let sweeping: Promise<void> = Promise.resolve();
  const sweepKeys = (): void => {
    sweeping = sweeping
      .then(() => kmsKeys.deleteDueKeys())
      .then(() => rotateDueKeys(kmsKeys))
      .then(() => audit.pruneExpired())
      .then(
        () => undefined,
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          logger.error({ err: { type: err.name, message: err.message, stack: err.stack } }, "kms key sweep failed");
        },
      )
      .then(() => storage.write((tx) => tx.deleteExpiredSessions(clock.now().getTime() - EXPIRED_SESSION_KEPT_MS)))
      .then(
        () => undefined,
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          logger.error({ err: { type: err.name, message: err.message, stack: err.stack } }, "sts session sweep failed");
        },
      );
  };
  sweepKeys();
  const sweeper = setInterval(sweepKeys, KEY_SWEEP_MS);
  sweeper.unref();

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"status":"ok"}');
      return;
    }
    inFlight++;
    handle(req, res).finally(() => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    rootCredentials,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        server.closeAllConnections();
        await stopped;
        await sweeping;
        await storage.close();
      })();
      return closing;
    },
  };
}
