import { describe, expect, it } from "vitest";
import { canonicalQueryString, parseQuery } from "./canonical-query.js";
import { canonicalQueryComponent, percentDecode, uriEncode } from "./uri-encoding.js";

const canonical = (raw: string, exclude?: string): string => canonicalQueryString(parseQuery(raw), exclude);

describe("canonical query string", () => {
  it("is empty for an empty query", () => {
    expect(canonical("")).toBe("");
  });

  it("sorts by name then value in byte order (uppercase first)", () => {
    expect(canonical("b=2&a=2&a=1&B=0&Action=x")).toBe("Action=x&B=0&a=1&a=2&b=2");
  });

  it("re-encodes decoded names and values with uppercase hex and SigV4's unreserved set", () => {
    expect(canonical("k=a%2fb&x=%7e~&sp=a%20b&eq=a=b&colon=a:b@c")).toBe("colon=a%3Ab%40c&eq=a%3Db&k=a%2Fb&sp=a%20b&x=~~");
  });

  it("takes '+' literally and keeps a stray '%'", () => {
    expect(canonical("q=a+b&p=100%&r=%zz&s=%4")).toBe("p=100%25&q=a%2Bb&r=%25zz&s=%254");
  });

  it("gives a piece without '=' an empty value and keeps empty pieces", () => {
    expect(canonical("flag&x=&y=1")).toBe("flag=&x=&y=1");
    expect(canonical("a=1&&b=2")).toBe("=&a=1&b=2");
  });

  it("encodes raw non-ASCII bytes as node hands them over (Latin-1, one char per byte)", () => {
    const wire = Buffer.from("n=€", "utf8").toString("latin1");
    expect(canonical(wire)).toBe("n=%E2%82%AC");
    expect(canonical("n=%E2%82%AC")).toBe("n=%E2%82%AC");
  });

  it("drops the excluded presigned signature only", () => {
    expect(canonical("X-Amz-Signature=abc&X-Amz-Date=1&A=b", "X-Amz-Signature")).toBe("A=b&X-Amz-Date=1");
  });
});

describe("uri encoding", () => {
  it("uriEncode keeps only A-Z a-z 0-9 - _ . ~", () => {
    expect(uriEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(uriEncode("a b/c%20*")).toBe("a%20b%2Fc%2520%2A");
    expect(uriEncode("\u20ac")).toBe("%E2%82%AC");
  });

  it("canonicalQueryComponent and percentDecode never throw on malformed input", () => {
    expect(canonicalQueryComponent("%E2%82")).toBe("%E2%82");
    expect(percentDecode("AKID%2F2015")).toBe("AKID/2015");
    expect(percentDecode("%FF%")).toBe("\ufffd%");
    expect(canonicalQueryComponent("\ud800x")).toBe("%EF%BF%BDx");
  });
});
