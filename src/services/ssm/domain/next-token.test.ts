import { describe, expect, it } from "vitest";
import { decodeKeyToken, decodeVersionToken, encodeNextToken, type TokenQuery } from "./next-token.js";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const byPath: TokenQuery = { operation: "GetParametersByPath", members: { region: "us-east-1", Path: "/app/", Recursive: true } };
const invalid = (token: string): unknown =>
  expect.objectContaining({
    code: "InvalidNextToken",
    status: 400,
    messageKey: "Message",
    message: `The following token is invalid: ${token}.`,
  });

describe("next tokens", () => {
  it("round-trips a key position", () => {
    const token = encodeNextToken(key, byPath, "/app/db/url");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeyToken(key, byPath, token)).toBe("/app/db/url");
  });

  it("round-trips a version position", () => {
    const history: TokenQuery = { operation: "GetParameterHistory", members: { Name: "/p" } };
    expect(decodeVersionToken(key, history, encodeNextToken(key, history, 50))).toBe(50);
  });

  it("refuses a tampered token", () => {
    const token = encodeNextToken(key, byPath, "/x");
    const tampered = Buffer.from(token, "base64url");
    tampered[5] = (tampered[5] ?? 0) ^ 1;
    const forged = tampered.toString("base64url");
    expect(() => decodeKeyToken(key, byPath, forged)).toThrow(invalid(forged));
  });

  it("ignores member order and undefined members in the fingerprint", () => {
    const token = encodeNextToken(key, byPath, "/x");
    const same: TokenQuery = { operation: "GetParametersByPath", members: { Recursive: true, Path: "/app/", region: "us-east-1", Filters: undefined } };
    expect(decodeKeyToken(key, same, token)).toBe("/x");
  });

  it.each<[string, TokenQuery]>([
    ["another path", { operation: "GetParametersByPath", members: { region: "us-east-1", Path: "/other/", Recursive: true } }],
    ["another operation", { operation: "DescribeParameters", members: { region: "us-east-1", Path: "/app/", Recursive: true } }],
    ["another region", { operation: "GetParametersByPath", members: { region: "eu-west-1", Path: "/app/", Recursive: true } }],
  ])("refuses a token of %s", (_name, query) => {
    const token = encodeNextToken(key, byPath, "/x");
    expect(() => decodeKeyToken(key, query, token)).toThrow(invalid(token));
  });

  it("refuses a token made with another key", () => {
    const token = encodeNextToken(otherKey, byPath, "/x");
    expect(() => decodeKeyToken(key, byPath, token)).toThrow(invalid(token));
  });

  it("refuses a position of the wrong kind", () => {
    const token = encodeNextToken(key, byPath, 3);
    expect(() => decodeKeyToken(key, byPath, token)).toThrow(invalid(token));
    const keyToken = encodeNextToken(key, byPath, "/x");
    expect(() => decodeVersionToken(key, byPath, keyToken)).toThrow(invalid(keyToken));
  });

  it.each(["fixture-invalid-token", "", "AAEAAd0O", "a b", "=="])("refuses %j", (token) => {
    expect(() => decodeKeyToken(key, byPath, token)).toThrow(invalid(token));
  });

  it("refuses a token with characters outside base64url", () => {
    const token = `${encodeNextToken(key, byPath, "/x")}!`;
    expect(() => decodeKeyToken(key, byPath, token)).toThrow(invalid(token));
  });
});
