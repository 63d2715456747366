import { Command } from "commander";
import { ConfigError, DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, loadConfig } from "../server/config.js";
import { startServer } from "../server/start.js";
import { createLogger } from "../platform/logger.js";
import { RootKeyError } from "../crypto/root-key.js";
import { rotateMasterKey, RotateUsageError, type RotateFlags } from "./rotate-master-key.js";
import { auditCommand, AuditUsageError, DEFAULT_AUDIT_LIMIT, type AuditFlags } from "./audit.js";

const program = new Command();
program.name("paramstore").description("Self-hosted, AWS-compatible SSM Parameter Store");

program
  .command("serve")
  .description("run the server in the foreground")
  .option("--host <host>", `address to listen on (default ${DEFAULT_HOST}, or PARAMSTORE_HOST)`)
  .option("--port <port>", `port to listen on (default ${DEFAULT_PORT}, or PARAMSTORE_PORT; 0 picks a free one)`)
  .option("--data-dir <dir>", `where the database and keys live (default ${DEFAULT_DATA_DIR}, or PARAMSTORE_DATA_DIR)`)
  .option("--dev", "accept any well-formed signature as the account root (local development only)")
  .action(async (flags: { host?: string; port?: string; dataDir?: string; dev?: boolean }) => {
    const logger = createLogger();
    let config;
    try {
      config = loadConfig(flags, process.env);
    } catch (e) {
      if (e instanceof ConfigError) {
        process.stderr.write(`paramstore: ${e.message}\n`);
        process.exit(2);
      }
      throw e;
    }
    const server = await startServer(config, logger);
    logger.info({ url: server.url, dataDir: config.dataDir, accountId: config.accountId }, "listening");
    const creds = server.rootCredentials;
    process.stdout.write(`paramstore listening on ${server.url} (data in ${config.dataDir})\n`);
    if (creds.generated) {
      process.stdout.write(
        "Root credentials were generated and saved to <data-dir>/root-credentials (shown only this once):\n" +
          `  export AWS_ENDPOINT_URL=${server.url} AWS_REGION=us-east-1 \\\n` +
          `         AWS_ACCESS_KEY_ID=${creds.accessKeyId} AWS_SECRET_ACCESS_KEY=${creds.secretAccessKey}\n`,
      );
    } else {
      process.stdout.write(`Root access key id: ${creds.accessKeyId}\n`);
    }
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      server.close().then(
        () => {
          logger.flush();
          process.exit(0);
        },
        (e: unknown) => {
          logger.error({ err: String(e) }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });

const admin = program.command("admin").description("operate on a data dir");
admin
  .command("rotate-master-key")
  .description("re-wrap every KMS key material and IAM secret under a new root key, while servers keep running")
  .option("--data-dir <dir>", `the data dir (default ${DEFAULT_DATA_DIR}, or PARAMSTORE_DATA_DIR)`)
  .option("--new-key-file <file>", "the new root key (base64 of 32 bytes); generated when left out")
  .option("--resume", "finish an interrupted rotation")
  .option("--rollback", "return an interrupted rotation to the previous key")
  .option("--batch-size <n>", "rows (key materials, IAM secrets) re-wrapped per transaction (default 100)")
  .action(async (flags: RotateFlags) => {
    try {
      await rotateMasterKey(flags, process.env, (line) => process.stdout.write(`${line}\n`));
    } catch (e) {
      const usage = e instanceof RotateUsageError || e instanceof RootKeyError;
      process.stderr.write(`paramstore: ${e instanceof Error ? e.message : String(e)}\n`);
      if (!usage) process.stderr.write("the rotation stopped; run it again with --resume to finish it or --rollback to undo it\n");
      process.exit(usage ? 2 : 1);
    }
  });

program
  .command("audit")
  .description("print the audit trail of a data dir (newest first), while servers keep running")
  .option("--data-dir <dir>", `the data dir (default ${DEFAULT_DATA_DIR}, or PARAMSTORE_DATA_DIR)`)
  .option("--principal <arn>", "only requests by this principal ARN")
  .option("--action <action>", "only this IAM action, e.g. ssm:GetParameter (ssm:Get* for a prefix)")
  .option("--path-prefix <prefix>", "only requests on SSM parameters whose name starts with this, e.g. /my-app")
  .option("--decision <decision>", "only allow, deny, or none (failed before any authorization decision)")
  .option("--since <time>", "only requests at or after this ISO 8601 time")
  .option("--until <time>", "only requests before this ISO 8601 time")
  .option("--limit <n>", `at most this many records (default ${DEFAULT_AUDIT_LIMIT})`)
  .option("--format <format>", "table, json, or cloudtrail ({\"Records\":[…]} in CloudTrail's record format)", "table")
  .option("--oldest-first", "print the oldest matching records first")
  .action(async (flags: AuditFlags) => {
    try {
      await auditCommand(flags, process.env, (text) => process.stdout.write(text));
    } catch (e) {
      process.stderr.write(`paramstore: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(e instanceof AuditUsageError ? 2 : 1);
    }
  });

await program.parseAsync(process.argv);
