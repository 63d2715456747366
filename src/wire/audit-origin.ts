import type { IncomingMessage } from "node:http";

/** Where a request came from, for its audit record; read from the socket and headers, never the signature. */
export interface RequestOrigin {
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  /**
   * The access key id the request claims (Authorization `Credential=` or presigned `X-Amz-Credential`),
   * known even when authentication then fails; undefined when absent or not shaped like a key id.
   */
  readonly accessKeyId: string | undefined;
}

const KEY_ID = /^[A-Z0-9]{16,128}$/;

export function requestOrigin(req: IncomingMessage): RequestOrigin {
  const agent = req.headers["user-agent"];
  return {
    // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; CloudTrail shows a.b.c.d.
    sourceIp: (req.socket.remoteAddress ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ""),
    userAgent: typeof agent === "string" ? agent : undefined,
    accessKeyId: claimedKeyId(req),
  };
}

function claimedKeyId(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  let credential: string | undefined;
  if (typeof header === "string") {
    credential = /Credential=([^,\s]+)/.exec(header)?.[1];
  } else {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    if (q >= 0) credential = new URLSearchParams(url.slice(q + 1)).get("X-Amz-Credential") ?? undefined;
  }
  const id = credential?.split("/")[0];
  return id !== undefined && KEY_ID.test(id) ? id : undefined;
}
