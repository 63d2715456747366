import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveSigningKey, SigningKeyCache } from "./signing-key-cache.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

describe("deriveSigningKey", () => {
  it("matches the suite's intermediate keys (sigv4.md §11.1)", () => {
    const kDate = createHmac("sha256", `AWS4${SECRET}`).update("20150830").digest();
    expect(kDate.toString("hex")).toBe("0138c7a6cbd60aa727b2f653a522567439dfb9f3e72b21f9b25941a42f04a7cd");
    expect(deriveSigningKey(SECRET, "20150830", "us-east-1", "service").toString("hex")).toBe(
      "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75",
    );
  });

  it("matches the IAM example's kSigning (sigv4.md §11.3)", () => {
    expect(deriveSigningKey(SECRET, "20150830", "us-east-1", "iam").toString("hex")).toBe(
      "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
    );
  });
});

describe("SigningKeyCache", () => {
  it("returns the cached key for the same secret and scope, a different one for another secret", () => {
    const cache = new SigningKeyCache(8);
    const a = cache.get(SECRET, "20150830", "us-east-1", "ssm");
    expect(cache.get(SECRET, "20150830", "us-east-1", "ssm")).toBe(a);
    const b = cache.get(`${SECRET}2`, "20150830", "us-east-1", "ssm");
    expect(b.equals(a)).toBe(false);
    expect(b.equals(deriveSigningKey(`${SECRET}2`, "20150830", "us-east-1", "ssm"))).toBe(true);
  });

  it("stays within its bound, evicting the secret derived longest ago", () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get("a", "20150830", "us-east-1", "ssm");
    const b = cache.get("b", "20150830", "us-east-1", "ssm");
    expect(cache.get("a", "20150830", "us-east-1", "ssm")).toBe(a);
    cache.get("c", "20150830", "us-east-1", "ssm");
    expect(cache.size).toBe(2);
    expect(cache.get("b", "20150830", "us-east-1", "ssm")).toBe(b);
    const a2 = cache.get("a", "20150830", "us-east-1", "ssm");
    expect(a2).not.toBe(a);
    expect(a2.equals(a)).toBe(true);
  });

  it("keeps several scopes of one secret, each with its own key", () => {
    const cache = new SigningKeyCache(1);
    const ssm = cache.get("a", "20150830", "us-east-1", "ssm");
    const kms = cache.get("a", "20150830", "us-east-1", "kms");
    const nextDay = cache.get("a", "20150831", "us-east-1", "ssm");
    expect(new Set([ssm.toString("hex"), kms.toString("hex"), nextDay.toString("hex")]).size).toBe(3);
    expect(cache.get("a", "20150830", "us-east-1", "ssm")).toBe(ssm);
    expect(cache.get("a", "20150830", "us-east-1", "kms")).toBe(kms);
    expect(kms.equals(deriveSigningKey("a", "20150830", "us-east-1", "kms"))).toBe(true);
  });
});
