import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../iam/principal.js";
import type { Clock } from "../platform/clock.js";
import { parseAmzDate } from "./request-date.js";
import type { CredentialDirectory, DirectoryEntry, SignedRequest } from "./sigv4-verifier.js";

/** The AWS SigV4 test suite's credentials and time (sigv4.md §11). */
export const AKID = "AKIDEXAMPLE";
export const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
export const SUITE_DATE = "20150830T123600Z";
export const SUITE_MS = parseAmzDate(SUITE_DATE) as number;
export const SESSION_TOKEN =
  "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
export const ACCOUNT = "123456789012";
export const PRINCIPAL: Principal = {
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accessKeyId: AKID,
  kind: "user",
  userId: "AIDAEXAMPLEUSERID0001",
};

export interface FakeClock extends Clock {
  set(epochMs: number): void;
}

export function fakeClock(epochMs: number = SUITE_MS): FakeClock {
  let current = epochMs;
  return { now: () => new Date(current), set: (ms) => (current = ms) };
}

/** A directory over a fixed table; records what it was asked. */
export function fakeDirectory(entries: Record<string, DirectoryEntry>): CredentialDirectory & { calls: [string, string | undefined][] } {
  const calls: [string, string | undefined][] = [];
  return {
    calls,
    lookup(accessKeyId, sessionToken) {
      calls.push([accessKeyId, sessionToken]);
      return Promise.resolve(Object.hasOwn(entries, accessKeyId) ? entries[accessKeyId] : undefined);
    },
  };
}

export const suiteDirectory = (): ReturnType<typeof fakeDirectory> =>
  fakeDirectory({ [AKID]: { secretAccessKey: SECRET, principal: PRINCIPAL } });

/**
 * A request as node would hand it over: rawHeaders as sent, headers lower-cased with duplicates
 * joined by ", " (node keeps only the first host/authorization/content-type).
 */
export function nodeRequest(
  method: string,
  url: string,
  headerPairs: readonly (readonly [string, string])[],
  body: Buffer | string = "",
): SignedRequest {
  const q = url.indexOf("?");
  const rawHeaders: string[] = [];
  const headers: IncomingHttpHeaders = {};
  const firstOnly = new Set(["host", "authorization", "content-type", "content-length", "user-agent"]);
  for (const [name, value] of headerPairs) {
    rawHeaders.push(name, value);
    const key = name.toLowerCase();
    const previous = headers[key];
    if (previous === undefined) headers[key] = value;
    else if (!firstOnly.has(key)) headers[key] = `${String(previous)}, ${value}`;
  }
  return {
    method,
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? "" : url.slice(q + 1),
    headers,
    rawHeaders,
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
  };
}

export function authorization(credential: string, signedHeaders: string, signature: string): string {
  return `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

