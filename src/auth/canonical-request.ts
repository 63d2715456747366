import { hash } from "node:crypto";
import { ALGORITHM } from "./authorization-header.js";

/** The canonical request (sigv4.md §5); `headerBlock` lines already end in "\n". */
export function buildCanonicalRequest(
  method: string,
  canonicalUri: string,
  canonicalQuery: string,
  headerBlock: string,
  signedHeaderList: string,
  payloadLine: string,
): string {
  return method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + headerBlock + "\n" + signedHeaderList + "\n" + payloadLine;
}

/**
 * The string to sign (sigv4.md §6), no trailing newline. The canonical request is hashed as Latin-1:
 * its header values are node's one-char-per-byte strings, and the client hashed the bytes it sent.
 */
export function buildStringToSign(amzDate: string, credentialScope: string, canonicalRequest: string): string {
  return ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n" +
    latin1Sha256Hex(canonicalRequest);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** SHA-256 of a one-char-per-byte string (one-shot `hash`: a third of createHash's cost). */
function latin1Sha256Hex(text: string): string {
  // An ASCII string's UTF-8 bytes are its Latin-1 bytes.
  return hash("sha256", NON_ASCII.test(text) ? Buffer.from(text, "latin1") : text, "hex");
}
