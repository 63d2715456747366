import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { isAwsError } from "../errors/aws-error.js";
import { fakeClock, PRINCIPAL, SESSION_TOKEN, SUITE_DATE } from "./sigv4-fixtures.case.js";
import { createSigV4Verifier, type CredentialDirectory, type SignedRequest } from "./sigv4-verifier.js";

/** mulberry32: a seeded generator, so a failure replays. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTH_PIECES = [
  "AWS4-HMAC-SHA256", " ", "  ", ",", ", ", "=", "/", ";", "\t", "%", "",
  "Credential=", "AKIDEXAMPLE/20150830/us-east-1/ssm/aws4_request", "AKIDEXAMPLE/20150830", "ASIAX//us-east-1/ssm/",
  "SignedHeaders=", "host;x-amz-date", "host", "HOST;X-Amz-Date;x-amz-security-token", ";;",
  "Signature=", "a".repeat(64), "A".repeat(64), "zz", "0".repeat(63),
  "Bearer", "Basic eA==", "\u00e9", "\u20ac", "\ud800", "\u0000", "\r\n",
];
const QUERY_PIECES = [
  "&", "=", "%", "%2F", "%zz", "+", "X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=", "X-Amz-Credential=",
  "AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request", "X-Amz-Date=", SUITE_DATE, "X-Amz-Expires=", "-5", "900",
  "99999999999999999999", "X-Amz-SignedHeaders=host", "X-Amz-Signature=", "X-Amz-Security-Token=", "\u00ff", "\ud83d",
  "Action=GetCallerIdentity", "",
];
const DATES = [SUITE_DATE, "", "20150830T123600", "2015-08-30", "Sun, 30 Aug 2015 12:36:00 GMT", "99999999T999999Z", "\u00e9"];
const HEADER_NAMES = ["Host", "host", "X-Amz-Date", "x-amz-security-token", "X-Amz-Content-Sha256", "Content-Type", "Date", ":authority", ""];
const VALUES = ["", " ", "localhost:4566", "a  b", "UNSIGNED-PAYLOAD", "STREAMING-X", "e3b0", SESSION_TOKEN, "\u00a0x\u00a0"];

function build(rand: () => number): SignedRequest {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Mostly the first (valid) choice, so that deep stages are reached often.
  const likely = <T>(list: readonly T[]): T => (rand() < 0.7 ? (list[0] as T) : pick(list));
  const join = (list: readonly string[], n: number): string => Array.from({ length: n }, () => pick(list)).join("");
  const rawHeaders: string[] = [];
  const headers: IncomingHttpHeaders = {};
  const add = (name: string, value: string): void => {
    rawHeaders.push(name, value);
    headers[name.toLowerCase()] = value;
  };
  const structured = rand() < 0.5;
  if (structured) {
    // Nearly well-formed, so the later stages (scope, payload, HMAC) get garbage too.
    const credential = `${likely(["AKIDEXAMPLE", "", "\u00e9"])}/${likely(["20150830", "2015"])}/` +
      `${likely(["us-east-1", "", "US"])}/${likely(["ssm", "kms"])}/${likely(["aws4_request", "x"])}`;
    const signed = likely(["host;x-amz-date", "host", "host;x-amz-content-sha256", "x-amz-date", "host;content-type"]);
    const signature = likely(["a".repeat(64), ...AUTH_PIECES]);
    add("Authorization", `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signed}, Signature=${signature}`);
    add("Host", pick(VALUES));
  } else if (rand() < 0.9) {
    add("Authorization", join(AUTH_PIECES, Math.floor(rand() * 14)));
  }
  if (structured || rand() < 0.7) add("X-Amz-Date", likely(DATES));
  if (rand() < 0.3) add("Date", pick(DATES));
  for (let i = Math.floor(rand() * 5); i > 0; i--) add(pick(HEADER_NAMES), pick(VALUES));
  if (rand() < 0.1) rawHeaders.push("dangling");
  if (rand() < 0.1) headers["x-amz-security-token"] = [SESSION_TOKEN, "other"];
  // node never makes authorization an array; the verifier must not trust that either.
  if (rand() < 0.05) (headers as Record<string, string | string[]>)["authorization"] = ["AWS4-HMAC-SHA256 a=b", "x"];
  const body = Buffer.alloc(Math.floor(rand() * 8));
  for (let i = 0; i < body.length; i++) body[i] = Math.floor(rand() * 256);
  return {
    method: pick(["GET", "POST", "", "get"]),
    path: pick(["/", "", "/a/../..//b/%", "\u00e9/./x", "/%zz"]),
    query: rand() < 0.5 ? "" : join(QUERY_PIECES, Math.floor(rand() * 12)),
    headers,
    rawHeaders,
    body,
  };
}

describe("the verifier under garbage input", () => {
  it("rejects only with AwsError, never a TypeError", async () => {
    const rand = prng(20150830);
    // Every key exists, temporary whenever a token is presented, so the token and HMAC stages see garbage too.
    const directory: CredentialDirectory = {
      lookup: (_accessKeyId, sessionToken) =>
        Promise.resolve(
          sessionToken !== undefined
            ? { secretAccessKey: "s", principal: PRINCIPAL, sessionToken: SESSION_TOKEN }
            : { secretAccessKey: "s", principal: PRINCIPAL },
        ),
    };
    const verifiers = [
      createSigV4Verifier({ directory, clock: fakeClock() }),
      createSigV4Verifier({ directory, clock: fakeClock(), dev: { accountId: "123456789012" } }),
    ];
    const codes = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const req = build(rand);
      for (const [v, verify] of verifiers.entries()) {
        try {
          await verify(req, "ssm", i % 2 === 0 ? "json" : "query");
        } catch (e) {
          if (!isAwsError(e)) {
            throw new Error(`iteration ${i}, verifier ${v}: ${String(e)}\n${JSON.stringify(req)}`);
          }
          codes.add(e.code);
        }
      }
    }
    // The generator reaches every kind of rejection.
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        "IncompleteSignature", "IncompleteSignatureException", "InvalidClientTokenId", "InvalidSignatureException",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "SignatureDoesNotMatch",
        "UnrecognizedClientException",
      ]),
    );
  });
});
