import { open, seal } from "../../crypto/aead.js";
import type { EncryptionContext } from "../ports.js";

/**
 * A KMS ciphertext blob of our own design (kms.md §12), self-describing so Decrypt needs no KeyId:
 *   0x4b ('K') | 0x01 | key id (16 bytes, the UUID) | material version (u16) | iv | tag | ciphertext
 * AAD = the header bytes, the region and account, and the canonical encryption context, so swapping the
 * key id, the context or the region makes the blob fail to open.
 */
const MAGIC = 0x4b;
const VERSION = 0x01;
const HEADER_LENGTH = 2 + 16 + 2;

export interface BlobHeader {
  readonly keyId: string;
  readonly materialVersion: number;
}

export function sealBlob(
  material: Buffer,
  header: BlobHeader,
  plaintext: Uint8Array,
  scope: { region: string; account: string },
  context: EncryptionContext,
): Buffer {
  const head = encodeHeader(header);
  return Buffer.concat([head, seal(material, plaintext, aad(head, scope, context))]);
}

export function readBlobHeader(blob: Uint8Array): BlobHeader | undefined {
  if (blob.length <= HEADER_LENGTH || blob[0] !== MAGIC || blob[1] !== VERSION) return undefined;
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const hex = buf.subarray(2, 18).toString("hex");
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { keyId, materialVersion: buf.readUInt16BE(18) };
}

export function openBlob(
  material: Buffer,
  blob: Uint8Array,
  scope: { region: string; account: string },
  context: EncryptionContext,
): Buffer | undefined {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const head = buf.subarray(0, HEADER_LENGTH);
  return open(material, buf.subarray(HEADER_LENGTH), aad(head, scope, context));
}

function encodeHeader(header: BlobHeader): Buffer {
  const head = Buffer.alloc(HEADER_LENGTH);
  head[0] = MAGIC;
  head[1] = VERSION;
  Buffer.from(header.keyId.replaceAll("-", ""), "hex").copy(head, 2);
  head.writeUInt16BE(header.materialVersion, 18);
  return head;
}

/** Sorted, length-prefixed key/value pairs: no two different contexts serialise alike. */
function aad(head: Buffer, scope: { region: string; account: string }, context: EncryptionContext): Buffer {
  const parts: Buffer[] = [head, lengthPrefixed(scope.region), lengthPrefixed(scope.account)];
  for (const key of Object.keys(context).sort()) {
    parts.push(lengthPrefixed(key), lengthPrefixed(context[key] ?? ""));
  }
  return Buffer.concat(parts);
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([len, bytes]);
}
