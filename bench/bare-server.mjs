// The baseline: a bare node:http server that reads the body and answers a fixed GetParameter
// result with the headers paramstore sends. Usage: node bare-server.mjs <host> <port>
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const [host = "127.0.0.1", port = "0"] = process.argv.slice(2);
const body = JSON.stringify({
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
const length = Buffer.byteLength(body);

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    Buffer.concat(chunks);
    res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": length, "x-amzn-RequestId": randomUUID() });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), host, () => process.stdout.write(`listening on http://${host}:${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)) && server.closeAllConnections());
