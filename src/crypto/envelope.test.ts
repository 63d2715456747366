import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seal } from "./aead.js";
import { openEnvelope, parseEnvelope, sealEnvelope } from "./envelope.js";

const ARN = "arn:aws:ssm:us-east-1:111122223333:parameter/app/db-password";

describe("SecureString envelope", () => {
  const dataKey = randomBytes(32);
  const wrapped = randomBytes(60);

  it("round-trips a value and never stores it in plaintext", () => {
    const sealed = sealEnvelope(dataKey, wrapped, "canary-s3cr3t-é", ARN);
    expect(sealed.includes(Buffer.from("canary-s3cr3t"))).toBe(false);
    const env = parseEnvelope(sealed);
    expect(env && Buffer.from(env.wrappedKey).equals(wrapped)).toBe(true);
    expect(env && openEnvelope(dataKey, env, ARN)).toBe("canary-s3cr3t-é");
  });

  it("does not open under another parameter's ARN (ciphertext moved between parameters)", () => {
    const env = parseEnvelope(sealEnvelope(dataKey, wrapped, "v", ARN));
    expect(env && openEnvelope(dataKey, env, ARN.replace("db-password", "other"))).toBeUndefined();
  });

  it("detects a flipped byte and a wrong data key", () => {
    const sealed = sealEnvelope(dataKey, wrapped, "value", ARN);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    const env = parseEnvelope(tampered);
    expect(env && openEnvelope(dataKey, env, ARN)).toBeUndefined();
    const ok = parseEnvelope(sealed);
    expect(ok && openEnvelope(randomBytes(32), ok, ARN)).toBeUndefined();
  });

  it("keeps the stored format: AAD is the format byte then the ARN in UTF-8 (values stored earlier still open)", () => {
    const arn = `${ARN}-é`;
    const body = seal(dataKey, Buffer.from("v1 value", "utf8"), Buffer.concat([Buffer.of(0x01), Buffer.from(arn, "utf8")]));
    const header = Buffer.of(0x01, 0, wrapped.length);
    const env = parseEnvelope(Buffer.concat([header, wrapped, body]));
    expect(env && openEnvelope(dataKey, env, arn)).toBe("v1 value");
  });

  it("rejects bytes that are not an envelope", () => {
    expect(parseEnvelope(Buffer.from("plain"))).toBeUndefined();
    expect(parseEnvelope(Buffer.alloc(0))).toBeUndefined();
  });
});
