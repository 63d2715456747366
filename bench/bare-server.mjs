// The baseline: a bare node:http server that reads the body and answers a fixed result with the
// headers paramstore sends — a GetParameter result, or for the KMS rows a fixed Encrypt or Decrypt
// result of the size paramstore answers (no crypto). Usage: node bare-server.mjs <host> <port>
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const [host = "127.0.0.1", port = "0"] = process.argv.slice(2);
const KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/0b0e8c1a-5d3e-4f4a-9c43-8f1d2e3a4b5c";
const fixed = (result) => {
  const body = JSON.stringify(result);
  return { body, length: Buffer.byteLength(body) };
};
const getParameter = fixed({
  Parameter: {
    ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/bench/string",
    DataType: "text",
    LastModifiedDate: 1767225600.123,
    Name: "/bench/string",
    Type: "String",
    Value: "bench-string-value-0123456789abcdef",
    Version: 1,
  },
});
const byTarget = new Map([
  // A paramstore blob of a 35-byte plaintext is 20 + 12 + 16 + 35 = 83 bytes.
  ["TrentService.Encrypt", fixed({ CiphertextBlob: Buffer.alloc(83, 7).toString("base64"), KeyId: KEY_ARN, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" })],
  ["TrentService.Decrypt", fixed({ KeyId: KEY_ARN, Plaintext: Buffer.alloc(35, 7).toString("base64"), EncryptionAlgorithm: "SYMMETRIC_DEFAULT", KeyMaterialId: "0".repeat(64) })],
]);

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    Buffer.concat(chunks);
    const { body, length } = byTarget.get(req.headers["x-amz-target"]) ?? getParameter;
    res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": length, "x-amzn-RequestId": randomUUID() });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), host, () => process.stdout.write(`listening on http://${host}:${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)) && server.closeAllConnections());
