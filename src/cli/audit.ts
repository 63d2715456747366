import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { toCloudTrailRecord } from "../services/audit/cloudtrail-record.js";
import { DEFAULT_DATA_DIR } from "../server/config.js";
import type { AuditDecision, AuditQuery, StoredAuditEvent } from "../storage/audit-port.js";
import { openSqliteAuditReader } from "../storage/sqlite/sqlite-audit-log.js";
import { auditFileOf } from "../storage/sqlite/sqlite-storage.js";

export interface AuditFlags {
  readonly dataDir?: string;
  readonly principal?: string;
  readonly action?: string;
  readonly pathPrefix?: string;
  readonly decision?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit?: string;
  readonly format?: string;
  readonly oldestFirst?: boolean;
}

/** A refusal the operator can act on: printed without a stack, exit status 2. */
export class AuditUsageError extends Error {}

export const DEFAULT_AUDIT_LIMIT = 100;
const PAGE = 500;
const FORMATS = ["table", "json", "cloudtrail"] as const;
type Format = (typeof FORMATS)[number];
const DECISIONS: readonly AuditDecision[] = ["allow", "deny", "none"];

/**
 * `paramstore audit`: the records of the data dir's audit trail that match the filters, newest
 * first (or oldest first), at most `--limit`. Reads on a read-only connection, so it runs beside a
 * serving server (WAL mode) and never migrates or changes the file. Prints as it pages, except the
 * table, whose column widths need every row. Returns how many records it printed.
 */
export async function auditCommand(flags: AuditFlags, env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<number> {
  const dataDir = resolve(flags.dataDir ?? env["PARAMSTORE_DATA_DIR"] ?? DEFAULT_DATA_DIR);
  const format = parseFormat(flags.format);
  const limit = parseLimit(flags.limit);
  const filter = parseFilter(flags);
  const main = join(dataDir, "paramstore.db");
  if (!existsSync(main)) throw new AuditUsageError(`no paramstore database in ${dataDir}`);
  const reader = openSqliteAuditReader(auditFileOf(main));
  try {
    const printer = printerFor(format, out);
    let printed = 0;
    let after: AuditQuery["after"];
    while (printed < limit) {
      const page = await reader.query({ ...filter, limit: Math.min(PAGE, limit - printed), ...(after === undefined ? {} : { after }) });
      for (const event of page.events) printer.add(event);
      printed += page.events.length;
      if (page.next === undefined) break;
      after = page.next;
    }
    printer.end();
    return printed;
  } finally {
    await reader.close();
  }
}

function parseFormat(text: string | undefined): Format {
  const format = text ?? "table";
  if (!(FORMATS as readonly string[]).includes(format)) throw new AuditUsageError(`--format must be one of ${FORMATS.join(", ")}`);
  return format as Format;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_AUDIT_LIMIT;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new AuditUsageError("--limit must be a positive whole number");
  return n;
}

function parseFilter(flags: AuditFlags): Omit<AuditQuery, "limit" | "after"> {
  let decision: AuditDecision | undefined;
  if (flags.decision !== undefined) {
    decision = DECISIONS.find((d) => d === flags.decision);
    if (decision === undefined) throw new AuditUsageError(`--decision must be one of ${DECISIONS.join(", ")}`);
  }
  const since = parseTime("--since", flags.since);
  const until = parseTime("--until", flags.until);
  if (since !== undefined && until !== undefined && since >= until) throw new AuditUsageError("--since must be before --until");
  if (flags.action !== undefined && !/^[A-Za-z0-9-]+:[A-Za-z0-9*]*$/.test(flags.action)) {
    throw new AuditUsageError("--action must look like service:Operation (e.g. ssm:GetParameter, or ssm:Get* for a prefix)");
  }
  return {
    order: flags.oldestFirst === true ? "asc" : "desc",
    ...(flags.principal === undefined ? {} : { principalArn: flags.principal }),
    ...(flags.action === undefined ? {} : { action: flags.action }),
    ...(flags.pathPrefix === undefined ? {} : { pathPrefix: flags.pathPrefix }),
    ...(decision === undefined ? {} : { decision }),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
  };
}

/** An ISO 8601 date or date-time (`2025-01-31`, `2025-01-31T12:00:00Z`); a time without zone is UTC. */
function parseTime(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  if (!iso.test(text)) throw new AuditUsageError(`${flag} must be an ISO 8601 time such as 2025-01-31T12:00:00Z`);
  const zoned = /T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new AuditUsageError(`${flag} is not a valid time: ${text}`);
  return ms;
}

interface Printer {
  add(event: StoredAuditEvent): void;
  end(): void;
}

function printerFor(format: Format, out: (text: string) => void): Printer {
  switch (format) {
    case "json":
      return jsonArray(out, "[", "]", (event) => event);
    case "cloudtrail":
      return jsonArray(out, '{"Records":[', "]}", ({ seq: _seq, ...event }) => toCloudTrailRecord(event));
    case "table":
      return table(out);
  }
}

/** One record per line inside the array, so that a long export streams and stays grep-able. */
function jsonArray(out: (text: string) => void, open: string, close: string, render: (event: StoredAuditEvent) => unknown): Printer {
  let first = true;
  return {
    add(event) {
      out(`${first ? `${open}\n` : ",\n"}${JSON.stringify(render(event))}`);
      first = false;
    },
    end() {
      out(first ? `${open}${close}\n` : `\n${close}\n`);
    },
  };
}

/** A cell on one line: a name sent with control characters (a failed request's) must not break the table. */
function printable(cell: string): string {
  // eslint-disable-next-line no-control-regex
  return cell.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

const COLUMNS = ["TIME", "DECISION", "RESULT", "ACTION", "PRINCIPAL", "SOURCE IP", "RESOURCES"] as const;

function table(out: (text: string) => void): Printer {
  const rows: string[][] = [];
  return {
    add(event) {
      const cells = [
        new Date(event.time).toISOString(),
        event.decision,
        event.errorCode === null ? String(event.status) : `${event.status} ${event.errorCode}`,
        event.action === "" ? "-" : event.action,
        event.principal?.arn ?? (event.accessKeyId === null ? "-" : `(unauthenticated ${event.accessKeyId})`),
        event.sourceIp,
        event.resources.length === 0 ? "-" : event.resources.join(","),
      ];
      rows.push(cells.map(printable));
    },
    end() {
      const all = [[...COLUMNS], ...rows];
      const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
      for (const row of all) {
        out(`${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")}\n`);
      }
    },
  };
}
