/**
 * The audit port: an append-only trail of every request the server answered, allowed or denied.
 * Kept apart from `Storage` (a trail is not domain state a transaction reads back), but an adapter
 * may append through the same writer so that a record shares its fsync with the batch's writes.
 *
 * Invariants every adapter keeps (src/storage/conformance/audit.case.ts checks them):
 * - `append` resolves only once the record is durable; a record is never changed afterwards.
 * - Records arrive already redacted: the port stores what it is given and never sees a secret.
 * - `query` pages are keyset scans in (time, seq) order: a page costs the same however long the trail.
 */

/** JSON as stored: the redacted request parameters and response elements. */
export type AuditJson = null | boolean | number | string | AuditJson[] | { [member: string]: AuditJson };

/**
 * `allow`/`deny`: the authorization decision (a failed authentication is a `deny`); `none`: the
 * request failed before any decision was taken (unknown operation, malformed body, validation).
 */
export type AuditDecision = "allow" | "deny" | "none";

/** Who made the request, as authentication established it (src/iam/principal.ts, flattened). */
export interface AuditPrincipal {
  readonly arn: string;
  readonly accountId: string;
  readonly kind: "root" | "user" | "assumed-role" | "system";
  /** `aws:userid`: the account id for root, `AIDA…` for users, `AROA…:<session>` for role sessions. */
  readonly userId: string;
  readonly userName?: string;
  /** Role sessions: the role's ARN. */
  readonly roleArn?: string;
  /** Temporary credentials: when they were issued, ms since the epoch. */
  readonly sessionIssuedAt?: number;
}

/** The policy statement that decided (an explicit deny, or the allow that granted). */
export interface AuditDecidingStatement {
  /** Which policy: e.g. `arn:aws:iam::…:policy/x`, `user/alice inline policy p`, `key policy`. */
  readonly source: string;
  /** The statement's Sid, when it has one. */
  readonly sid: string | null;
}

export interface AuditEvent {
  /** Unique per record (CloudTrail `eventID`). */
  readonly eventId: string;
  /** The `x-amzn-RequestId` the client saw. */
  readonly requestId: string;
  /** When the request completed, ms since the epoch. */
  readonly time: number;
  /** The credential scope's region; null when the request never got that far. */
  readonly region: string | null;
  /** The signing name: `ssm`, `kms`, `iam`, `sts`. */
  readonly service: string;
  /** The operation name (`GetParameter`); empty when the request named no known operation. */
  readonly operation: string;
  /** The IAM action (`ssm:GetParameter`); empty when the operation is unknown. */
  readonly action: string;
  readonly readOnly: boolean;
  /** Null when authentication failed or never ran. */
  readonly principal: AuditPrincipal | null;
  /** The access key the request was signed with (as claimed, when authentication failed). */
  readonly accessKeyId: string | null;
  readonly sourceIp: string;
  readonly userAgent: string | null;
  /** The ARNs the request acted on, as authorization saw them. */
  readonly resources: readonly string[];
  readonly decision: AuditDecision;
  /** Why: `explicit deny`, `allowed by identity policy`, `account root`, `authentication failed` … */
  readonly decisionReason: string | null;
  readonly decidingStatement: AuditDecidingStatement | null;
  /** The HTTP status of the answer. */
  readonly status: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** The request's members, secrets replaced by keyed HMACs (never a secret value). */
  readonly requestParameters: AuditJson;
  /** What a successful write returned, redacted the same way; null for reads and failures. */
  readonly responseElements: AuditJson;
  /** The account the server serves (CloudTrail `recipientAccountId`). */
  readonly recipientAccountId: string | null;
}

/** A stored record with its position in the trail. */
export interface StoredAuditEvent extends AuditEvent {
  /** Assigned by the store at append; increases with every append. */
  readonly seq: number;
}

/** A keyset position: the (time, seq) of the last record of the previous page. */
export interface AuditCursor {
  readonly time: number;
  readonly seq: number;
}

export interface AuditQuery {
  readonly principalArn?: string;
  /** Exact IAM action (`ssm:GetParameter`), or a prefix ending in `*` (`ssm:Get*`, `kms:*`). */
  readonly action?: string;
  /**
   * A plain prefix of an SSM parameter name (`/my-app` matches `/my-app/db` and `/my-app2`); names
   * are compared with their leading slash, as the parameter ARN's name.
   */
  readonly pathPrefix?: string;
  readonly decision?: AuditDecision;
  /** Inclusive lower bound, ms since the epoch. */
  readonly since?: number;
  /** Exclusive upper bound, ms since the epoch. */
  readonly until?: number;
  /** `asc`: oldest first; `desc`: newest first. */
  readonly order: "asc" | "desc";
  /** Continue after this position (the `next` of the previous page, same query and order). */
  readonly after?: AuditCursor;
  readonly limit: number;
}

export interface AuditPage {
  readonly events: StoredAuditEvent[];
  /** Where the next page starts; undefined when this page is the last. */
  readonly next: AuditCursor | undefined;
}

/** Reading the trail: what `paramstore audit` needs, on a read-only connection. */
export interface AuditReader {
  query(query: AuditQuery): Promise<AuditPage>;
  close(): Promise<void>;
}

export interface AuditLog {
  /** Resolves once the record is durable (its commit fsynced). */
  append(event: AuditEvent): Promise<void>;
  query(query: AuditQuery): Promise<AuditPage>;
  /**
   * Deletes at most `limit` of the oldest records whose time is before `before` (ms), in one
   * transaction; returns how many went. Callers loop until it returns less than `limit`.
   */
  pruneBefore(before: number, limit: number): Promise<number>;
}
