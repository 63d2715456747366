import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestOrigin } from "./audit-origin.js";

const request = (headers: Record<string, string>, url = "/", remoteAddress = "127.0.0.1"): IncomingMessage =>
  ({ headers, url, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("the origin of a request", () => {
  it("reads the key id the Authorization header claims, the user agent and the peer address", () => {
    const req = request(
      {
        authorization:
          "AWS4-HMAC-SHA256 Credential=AKIAPARAMSTORETEST01/20250101/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123",
        "user-agent": "aws-cli/1.32.0 Python/3.11",
      },
      "/",
      "::ffff:10.1.2.3",
    );
    expect(requestOrigin(req)).toEqual({ sourceIp: "10.1.2.3", userAgent: "aws-cli/1.32.0 Python/3.11", accessKeyId: "AKIAPARAMSTORETEST01" });
  });

  it("reads a presigned request's X-Amz-Credential", () => {
    const req = request({}, "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE000000001%2F20250101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=f");
    expect(requestOrigin(req).accessKeyId).toBe("ASIAEXAMPLE000000001");
  });

  it("records no key id for an unsigned or garbled request, and keeps IPv6 peers as they are", () => {
    expect(requestOrigin(request({}, "/", "::1"))).toEqual({ sourceIp: "::1", userAgent: undefined, accessKeyId: undefined });
    expect(requestOrigin(request({ authorization: "AWS4-HMAC-SHA256 Credential=not a key/x" })).accessKeyId).toBeUndefined();
    expect(requestOrigin(request({ authorization: "Bearer xyz" })).accessKeyId).toBeUndefined();
  });
});
