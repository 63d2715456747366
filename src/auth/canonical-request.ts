import { createHash } from "node:crypto";
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
    createHash("sha256").update(canonicalRequest, "latin1").digest("hex");
}
