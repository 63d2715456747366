import { createHmac } from "node:crypto";
import type { Shape, StructureShape } from "../../model/shape.js";
import type { AuditJson } from "../../storage/audit-port.js";

/** What a redacted value becomes: this prefix and the hex HMAC-SHA256 of the value under the audit key. */
export const REDACTED_PREFIX = "hmac-sha256:";

/**
 * Members that carry secrets but that the model does not mark `sensitive` (or that have no model
 * here: IAM and STS arrive over the Query protocol), by service; matched by member name at any
 * depth. The botocore models of IAM and STS mark these shapes sensitive.
 */
export const UNMARKED_SECRET_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  ssm: [],
  kms: ["Plaintext", "KeyStorePassword", "RawSecretAccessKey", "Message"],
  iam: ["Password", "OldPassword", "NewPassword", "PrivateKey", "AddPrivateKey", "AuthenticationCode1", "AuthenticationCode2"],
  sts: ["SAMLAssertion", "WebIdentityToken", "TradeInToken", "TokenCode"],
};

/** Members that carry secrets in a response (CreateAccessKey, AssumeRole, GenerateDataKey, GetParameter). */
const SECRET_OUTPUT_MEMBERS = ["SecretAccessKey", "SessionToken", "Plaintext", "Value", "Password", "PrivateKey"];

/** A safety net under both lists: a member whose name says it holds a secret is redacted wherever it is. */
const SECRET_NAME = /password|secret|private.?key|session.?token|plaintext|assertion|web.?identity.?token|authentication.?code/i;

/** Secret strings shorter than this are not searched for in error messages (they would match by chance). */
const MIN_SCRUBBED_LENGTH = 4;

/**
 * Replaces secret values by keyed HMACs: `hmac-sha256:<hex>` of the value's bytes (a string's UTF-8,
 * a blob's decoded bytes, anything else its canonical JSON). The same value gives the same mark in
 * every record and every service, so equal secrets still correlate, while the mark reveals nothing to
 * whoever lacks the key (derived from the root key, label "audit-hmac").
 */
export class Redactor {
  constructor(private readonly key: Buffer) {}

  mark(value: unknown, blob = false): string {
    return REDACTED_PREFIX + createHmac("sha256", this.key).update(bytesOf(value, blob)).digest("hex");
  }

  /** A request's members as CloudTrail names them (`withDecryption`), secrets marked. */
  request(service: string, input: unknown, shape: StructureShape | undefined): Redaction {
    const walk = new Walk(this, secretNames(UNMARKED_SECRET_MEMBERS[service] ?? []));
    const value = shape === undefined ? walk.generic(input) : walk.shaped(shape, input);
    return { value, secrets: walk.secrets };
  }

  /** A response (no model here): secrets marked by name, blobs marked, member names camel-cased. */
  response(service: string, output: unknown): Redaction {
    const walk = new Walk(this, secretNames([...(UNMARKED_SECRET_MEMBERS[service] ?? []), ...SECRET_OUTPUT_MEMBERS]));
    return { value: walk.generic(output), secrets: walk.secrets };
  }

  /**
   * An error message without the secrets of its request: AWS echoes some values into messages (a
   * pattern mismatch, a `{{…}}` reference), and the signature error of the Query protocol appends the
   * canonical request, which holds the session token — so the message stops at its first blank line.
   */
  message(message: string, secrets: readonly string[]): string {
    let text = message.split("\n\n")[0] ?? "";
    // The whole value, and its words (a message may quote part of it, e.g. the reference inside `{{…}}`).
    const words = secrets.flatMap((s) => s.split(WORD_BREAK).filter((w) => w.length >= MIN_SCRUBBED_WORD));
    const longestFirst = [...new Set([...secrets, ...words])]
      .filter((s) => s.length >= MIN_SCRUBBED_LENGTH)
      .sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) text = text.split(secret).join(this.mark(secret));
    return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE) : text;
  }
}

const MAX_MESSAGE = 2048;
const WORD_BREAK = /[\s{}'"`,;:()[\]<>]+/;
const MIN_SCRUBBED_WORD = 8;

export interface Redaction {
  readonly value: AuditJson;
  /** The secret strings the walk marked, to scrub from the request's error message. */
  readonly secrets: readonly string[];
}

function secretNames(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((n) => n.toLowerCase()));
}

class Walk {
  readonly secrets: string[] = [];

  constructor(
    private readonly redactor: Redactor,
    private readonly names: ReadonlySet<string>,
  ) {}

  private isSecretName(name: string): boolean {
    return this.names.has(name.toLowerCase()) || SECRET_NAME.test(name);
  }

  private mark(value: unknown, blob: boolean): string {
    if (typeof value === "string") this.secrets.push(value);
    return this.redactor.mark(value, blob);
  }

  /** Walks by the model: members it does not know are left out, sensitive ones marked. */
  shaped(shape: Shape, v: unknown): AuditJson {
    if (v === undefined || v === null) return null;
    if (shape.sensitive) return this.mark(v, shape.type === "blob");
    switch (shape.type) {
      case "structure": {
        if (!isPlainObject(v)) return this.generic(v);
        const out: Record<string, AuditJson> = {};
        for (const member of shape.members) {
          const value = v[member.name];
          if (value === undefined) continue;
          out[member.path] =
            member.sensitive || this.isSecretName(member.name)
              ? this.mark(value, member.shape.type === "blob")
              : this.shaped(member.shape, value);
        }
        return out;
      }
      case "list":
        return Array.isArray(v) ? v.map((e: unknown) => this.shaped(shape.member, e)) : this.generic(v);
      case "map": {
        if (!isPlainObject(v)) return this.generic(v);
        const out: Record<string, AuditJson> = {};
        for (const [key, value] of Object.entries(v)) out[key] = this.shaped(shape.value, value);
        return out;
      }
      case "blob":
        // Binary members (a ciphertext) are marked too: large, opaque, and correlatable this way.
        return this.mark(v, true);
      case "timestamp":
        return v instanceof Date ? v.toISOString() : this.generic(v);
      default:
        return this.generic(v);
    }
  }

  /** Walks without a model: secrets by member name, bytes marked, names camel-cased. */
  generic(v: unknown): AuditJson {
    if (v === undefined || v === null) return null;
    if (typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (v instanceof Uint8Array) return this.mark(v, true);
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (Array.isArray(v)) return v.map((e: unknown) => this.generic(e));
    if (isPlainObject(v)) {
      const out: Record<string, AuditJson> = {};
      for (const [key, value] of Object.entries(v)) {
        if (value === undefined) continue;
        out[lowerFirst(key)] = this.isSecretName(key) ? this.mark(value, false) : this.generic(value);
      }
      return out;
    }
    return null;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The bytes a mark is computed over; a blob still in its base64 wire form is decoded first. */
function bytesOf(value: unknown, blob: boolean): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === "string") return blob ? Buffer.from(value, "base64") : Buffer.from(value, "utf8");
  return Buffer.from(canonicalJson(value), "utf8");
}

/** JSON with object keys sorted, so that equal values give equal bytes. */
function canonicalJson(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64"));
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
