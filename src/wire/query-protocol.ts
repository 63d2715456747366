import type { ServerResponse } from "node:http";

/** Query-protocol answers (iam-sts.md §1.2, §1.3): XML bodies as `text/xml`, the request id header. */
export function sendXml(res: ServerResponse, status: number, requestId: string, xml: string): void {
  res.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(xml),
    "x-amzn-RequestId": requestId,
  });
  res.end(xml);
}
