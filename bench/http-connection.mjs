// A keep-alive HTTP/1.1 client connection that sends pre-built request bytes and parses just enough
// of the response (status, Content-Length / chunked / close-delimited body). It is far cheaper than
// node:http's client, so the load generator spends as little CPU as possible per request.
import net from "node:net";

const HEAD = 0;
const BODY_LENGTH = 1;
const BODY_CHUNKED = 2;
const BODY_CLOSE = 3;
const CRLFCRLF = Buffer.from("\r\n\r\n");
const EMPTY = Buffer.alloc(0);

export class Connection {
  constructor(host, port) {
    this.host = host;
    this.port = port;
    this.socket = undefined;
    this.callback = undefined;
    this.closeAfter = false;
  }

  /** Sends one request; `callback(error, status, body)` runs once, when its response is complete. */
  request(bytes, callback) {
    if (this.socket === undefined) this.#open();
    this.callback = callback;
    this.#resetParser();
    this.socket.write(bytes);
  }

  close() {
    this.socket?.destroy();
    this.socket = undefined;
  }

  #open() {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    socket.on("data", (chunk) => {
      if (this.socket === socket) this.#onData(chunk);
    });
    socket.on("error", (e) => {
      if (this.socket === socket) this.#fail(e);
    });
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.callback === undefined) return;
      if (this.state === BODY_CLOSE) this.#complete(Buffer.concat(this.chunks));
      else this.#fail(new Error("connection closed before the response was complete"));
    });
  }

  #resetParser() {
    this.state = HEAD;
    this.buf = EMPTY;
    this.status = 0;
    this.length = -1;
    this.chunks = [];
    this.closeAfter = false;
  }

  #fail(error) {
    const cb = this.callback;
    this.callback = undefined;
    this.close();
    cb?.(error, 0, EMPTY);
  }

  #complete(body) {
    const cb = this.callback;
    this.callback = undefined;
    if (this.closeAfter) this.close();
    cb?.(undefined, this.status, body);
  }

  #onData(chunk) {
    if (this.callback === undefined) return; // nothing expected: ignore stray bytes
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    for (;;) {
      if (this.state === HEAD) {
        const end = this.buf.indexOf(CRLFCRLF);
        if (end < 0) return;
        this.#parseHead(this.buf.latin1Slice(0, end));
        this.buf = this.buf.subarray(end + 4);
        continue;
      }
      if (this.state === BODY_LENGTH) {
        if (this.buf.length < this.length) return;
        this.#complete(this.buf.subarray(0, this.length));
        return;
      }
      if (this.state === BODY_CHUNKED) {
        const line = this.buf.indexOf("\r\n");
        if (line < 0) return;
        const size = parseInt(this.buf.latin1Slice(0, line), 16);
        if (size === 0) {
          // Last chunk; no trailers expected, so the final CRLF follows at once.
          if (this.buf.length < line + 4) return;
          this.#complete(Buffer.concat(this.chunks));
          return;
        }
        if (this.buf.length < line + 2 + size + 2) return;
        this.chunks.push(this.buf.subarray(line + 2, line + 2 + size));
        this.buf = this.buf.subarray(line + 2 + size + 2);
        continue;
      }
      // BODY_CLOSE: keep everything until the server closes the connection.
      this.chunks.push(this.buf);
      this.buf = EMPTY;
      return;
    }
  }

  #parseHead(head) {
    const lines = head.split("\r\n");
    const statusLine = lines[0];
    this.status = Number(statusLine.slice(9, 12));
    let chunked = false;
    let connection = "";
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === "content-length") this.length = Number(value);
      else if (name === "transfer-encoding") chunked = value.toLowerCase().includes("chunked");
      else if (name === "connection") connection = value.toLowerCase();
    }
    const http10 = statusLine.startsWith("HTTP/1.0");
    this.closeAfter = connection === "close" || (http10 && connection !== "keep-alive");
    if (chunked) this.state = BODY_CHUNKED;
    else if (this.length >= 0) this.state = BODY_LENGTH;
    else {
      this.state = BODY_CLOSE;
      this.closeAfter = true;
    }
  }
}
