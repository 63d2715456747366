import { resolve } from "node:path";

/** Everything `serve` needs; flags win over PARAMSTORE_* variables, which win over defaults. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly accountId: string;
  readonly dev: boolean;
  readonly rootAccessKeyId: string | undefined;
  readonly rootSecretAccessKey: string | undefined;
  readonly masterKey: string | undefined;
  /** The outgoing root key while a root key rotation runs with PARAMSTORE_MASTER_KEY (README). */
  readonly previousMasterKey: string | undefined;
  readonly maxBodyBytes: number;
  /** PARAMSTORE_AUDIT_RETENTION_DAYS: audit records older than this are pruned; undefined keeps them forever. */
  readonly auditRetentionDays: number | undefined;
}

export const DEFAULT_PORT = 4583;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_DATA_DIR = ".paramstore";
export const DEFAULT_ACCOUNT_ID = "000000000000";

export class ConfigError extends Error {}

export interface ServeFlags {
  readonly host?: string | undefined;
  readonly port?: string | number | undefined;
  readonly dataDir?: string | undefined;
  readonly dev?: boolean | undefined;
}

export function loadConfig(flags: ServeFlags, env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(flags.port ?? env["PARAMSTORE_PORT"] ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`invalid port: ${String(flags.port)}`);
  const accountId = env["PARAMSTORE_ACCOUNT_ID"] ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) throw new ConfigError("PARAMSTORE_ACCOUNT_ID must be 12 digits");
  const rootAccessKeyId = nonEmpty(env["PARAMSTORE_ROOT_ACCESS_KEY_ID"]);
  const rootSecretAccessKey = nonEmpty(env["PARAMSTORE_ROOT_SECRET_ACCESS_KEY"]);
  if ((rootAccessKeyId === undefined) !== (rootSecretAccessKey === undefined)) {
    throw new ConfigError("set both PARAMSTORE_ROOT_ACCESS_KEY_ID and PARAMSTORE_ROOT_SECRET_ACCESS_KEY, or neither");
  }
  const auditRetentionDays = retentionDays(nonEmpty(env["PARAMSTORE_AUDIT_RETENTION_DAYS"]));
  return {
    host: flags.host ?? env["PARAMSTORE_HOST"] ?? DEFAULT_HOST,
    port,
    dataDir: resolve(flags.dataDir ?? env["PARAMSTORE_DATA_DIR"] ?? DEFAULT_DATA_DIR),
    accountId,
    dev: flags.dev ?? env["PARAMSTORE_DEV"] === "1",
    rootAccessKeyId,
    rootSecretAccessKey,
    masterKey: nonEmpty(env["PARAMSTORE_MASTER_KEY"]),
    previousMasterKey: nonEmpty(env["PARAMSTORE_PREVIOUS_MASTER_KEY"]),
    // AWS JSON services refuse bodies past a few hundred KB; SSM inputs are far smaller.
    maxBodyBytes: 1024 * 1024,
    auditRetentionDays,
  };
}

function retentionDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const days = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(days) || days < 1) {
    throw new ConfigError("PARAMSTORE_AUDIT_RETENTION_DAYS must be a whole number of days, at least 1");
  }
  return days;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
