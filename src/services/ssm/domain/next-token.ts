import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { invalidNextToken } from "../../../errors/ssm-errors.js";

/**
 * Opaque pagination tokens (architecture guide, "Pagination"): base64url of
 * `JSON [version, position, query fingerprint]` followed by a truncated HMAC-SHA256 over it. The MAC
 * stops forged positions; the fingerprint stops a token of one query from paging another. Any
 * failure is AWS's InvalidNextToken, which echoes the token (§4.4).
 */

/** The query a token belongs to: the operation and the request members that shape the result. */
export interface TokenQuery {
  readonly operation: string;
  /**
   * E.g. region, Path, Recursive, filters, Name. Leave out MaxResults (it changes page size, not
   * the result) and NextToken itself.
   */
  readonly members: Readonly<Record<string, unknown>>;
}

const FORMAT = 1;
const MAC_BYTES = 16;

export function encodeNextToken(macKey: Buffer, query: TokenQuery, position: string | number): string {
  const body = Buffer.from(JSON.stringify([FORMAT, position, fingerprint(query)]), "utf8");
  return Buffer.concat([body, mac(macKey, body)]).toString("base64url");
}

/** The last canonical key of the previous page (DescribeParameters, GetParametersByPath). */
export function decodeKeyToken(macKey: Buffer, query: TokenQuery, token: string): string {
  const position = decode(macKey, query, token);
  if (typeof position !== "string") throw invalidNextToken(token);
  return position;
}

/** The last version of the previous page (GetParameterHistory). */
export function decodeVersionToken(macKey: Buffer, query: TokenQuery, token: string): number {
  const position = decode(macKey, query, token);
  if (typeof position !== "number" || !Number.isSafeInteger(position)) throw invalidNextToken(token);
  return position;
}

function decode(macKey: Buffer, query: TokenQuery, token: string): unknown {
  const bytes = Buffer.from(token, "base64url");
  // Node's decoder skips characters outside the alphabet; only a canonical encoding is ours.
  if (bytes.length <= MAC_BYTES || bytes.toString("base64url") !== token) throw invalidNextToken(token);
  const body = bytes.subarray(0, bytes.length - MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(bytes.length - MAC_BYTES), mac(macKey, body))) throw invalidNextToken(token);
  const parsed: unknown = JSON.parse(body.toString("utf8"));
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== FORMAT || parsed[2] !== fingerprint(query)) {
    throw invalidNextToken(token);
  }
  return parsed[1];
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac("sha256", key).update(body).digest().subarray(0, MAC_BYTES);
}

function fingerprint(query: TokenQuery): string {
  return createHash("sha256")
    .update(canonicalJson({ operation: query.operation, members: query.members }))
    .digest("base64url")
    .slice(0, 22);
}

/** JSON with object keys sorted and undefined members dropped, so equal queries hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
