import type { AuditQuery } from "../audit-port.js";
import { prefixEnd } from "./scan-query.js";

/** Named parameters of an audit query's statement. */
export interface AuditQueryParams {
  principal?: string;
  action?: string;
  actionLower?: string;
  actionUpper?: string;
  decision?: string;
  since?: number;
  until?: number;
  pathLower?: string;
  pathUpper?: string;
  afterTime?: number;
  afterSeq?: number;
  limit: number;
}

export interface AuditStatement {
  /** Identifies the statement's text: each distinct shape is prepared once. */
  readonly shape: string;
  readonly sql: string;
  readonly params: AuditQueryParams;
}

/**
 * One page of the trail as a single SELECT. Every filter is an equality or a range on an indexed
 * column whose index ends in (time, seq), so with one filter the page is an index walk that stops
 * at LIMIT; a name prefix selects the records through `audit_resources_by_path`.
 */
export function auditStatement(query: AuditQuery): AuditStatement {
  const where: string[] = [];
  const params: AuditQueryParams = { limit: query.limit };
  if (query.principalArn !== undefined) {
    where.push("principal_arn = @principal");
    params.principal = query.principalArn;
  }
  if (query.action !== undefined) {
    if (query.action.endsWith("*")) {
      const prefix = query.action.slice(0, -1);
      where.push("action >= @actionLower");
      params.actionLower = prefix;
      const upper = prefixEnd(prefix);
      if (upper !== null) {
        where.push("action < @actionUpper");
        params.actionUpper = upper;
      }
    } else {
      where.push("action = @action");
      params.action = query.action;
    }
  }
  if (query.decision !== undefined) {
    where.push("decision = @decision");
    params.decision = query.decision;
  }
  if (query.since !== undefined) {
    where.push("time >= @since");
    params.since = query.since;
  }
  if (query.until !== undefined) {
    where.push("time < @until");
    params.until = query.until;
  }
  if (query.pathPrefix !== undefined) {
    const upper = prefixEnd(query.pathPrefix);
    where.push(
      `seq IN (SELECT seq FROM audit_resources WHERE path >= @pathLower${upper === null ? "" : " AND path < @pathUpper"})`,
    );
    params.pathLower = query.pathPrefix;
    if (upper !== null) params.pathUpper = upper;
  }
  const descending = query.order === "desc";
  if (query.after !== undefined) {
    where.push(`(time, seq) ${descending ? "<" : ">"} (@afterTime, @afterSeq)`);
    params.afterTime = query.after.time;
    params.afterSeq = query.after.seq;
  }
  const direction = descending ? "DESC" : "ASC";
  const sql = `SELECT seq, body FROM audit_events${where.length > 0 ? ` WHERE ${where.join(" AND ")}` : ""}
    ORDER BY time ${direction}, seq ${direction} LIMIT @limit`;
  return { shape: sql, sql, params };
}

/**
 * The parameter name an SSM parameter ARN names, with its leading slash (`arn:…:parameter/a/b` →
 * `/a/b`); null for any other resource.
 */
export function parameterPathOf(arn: string): string | null {
  const match = /^arn:[^:]*:ssm:[^:]*:[^:]*:parameter\/(.*)$/s.exec(arn);
  if (match === null) return null;
  const name = match[1] ?? "";
  return name.startsWith("/") ? name : `/${name}`;
}
