// Builds SigV4-signed AWS JSON 1.1 requests as raw HTTP/1.1 bytes, ready to be replayed: a
// signature stays valid for 15 minutes, far longer than any scenario runs.
import { createHash, createHmac } from "node:crypto";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

const toBuffer = (data) =>
  typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The Checksum interface @smithy/signature-v4 expects, backed by node:crypto. */
class NodeSha256 {
  #hash;
  constructor(secret) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  update(data) {
    this.#hash.update(toBuffer(data));
  }
  async digest() {
    return new Uint8Array(this.#hash.digest());
  }
}

/** The X-Amz-Target prefix of each service's JSON 1.1 protocol, by SigV4 signing name. */
const TARGET_PREFIX = { ssm: "AmazonSSM", kms: "TrentService" };
/** Services on the Query protocol: a form body that names its Action, no X-Amz-Target. */
const QUERY_SERVICES = new Set(["iam", "sts"]);

/**
 * Returns `sign(target, body, service = "ssm") → Promise<Buffer>` for one endpoint and one set of
 * credentials; `service` is the signing name (ssm, kms, iam, sts), which also picks the X-Amz-Target
 * prefix. For the Query services `body` is the form (Action=…&Version=…) and `target` is not sent.
 */
export function createRequestSigner({ host, port, accessKeyId, secretAccessKey, region }) {
  const signers = new Map();
  const signerFor = (service) => {
    let signer = signers.get(service);
    if (signer === undefined) {
      signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region, service, sha256: NodeSha256, uriEscapePath: true });
      signers.set(service, signer);
    }
    return signer;
  };
  const hostHeader = `${host}:${port}`;
  return async function sign(target, body, service = "ssm") {
    const payload = Buffer.from(body, "utf8");
    const headers = { host: hostHeader, "content-length": String(payload.length) };
    if (QUERY_SERVICES.has(service)) headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
    else {
      const prefix = TARGET_PREFIX[service];
      if (prefix === undefined) throw new Error(`no X-Amz-Target prefix known for service ${service}`);
      headers["content-type"] = "application/x-amz-json-1.1";
      headers["x-amz-target"] = `${prefix}.${target}`;
    }
    const request = new HttpRequest({ method: "POST", protocol: "http:", hostname: host, port, path: "/", headers, body: payload });
    const signed = await signerFor(service).sign(request);
    let head = "POST / HTTP/1.1\r\n";
    for (const [name, value] of Object.entries(signed.headers)) head += `${name}: ${value}\r\n`;
    return Buffer.concat([Buffer.from(`${head}\r\n`, "latin1"), payload]);
  };
}
