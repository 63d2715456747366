import type { AwsError } from "../errors/aws-error.js";
import type { OperationModel, Shape, StructureShape } from "../model/shape.js";
import { isoSeconds } from "../platform/iso-seconds.js";

/**
 * XML bodies of the Query protocol (iam-sts.md §1.2, §1.3), written by walking the operation's output
 * shape over the handler's result (an @aws-sdk/client-* output object):
 *
 * - members in model order; absent (undefined/null) members omitted, except required lists, which are
 *   always there (`<Users/>`);
 * - lists as `<member>` elements, maps as `<entry><key/><value/></entry>`;
 * - timestamps (Date, or epoch seconds) as ISO 8601 UTC to the second, `2024-05-01T12:34:56Z`;
 * - blobs base64, booleans `true`/`false`;
 * - policy documents (IAM `policyDocumentType`) RFC 3986 percent-encoded, then XML-escaped.
 * Members the result has but the model does not (`$metadata`) are never written.
 */
export function resultXml(model: OperationModel, namespace: string, result: unknown, requestId: string): string {
  const op = model.name;
  let body = `<${op}Response xmlns="${escapeXml(namespace)}">`;
  if (model.output !== undefined && model.resultWrapper !== undefined) {
    const wrapper = model.resultWrapper;
    body += `<${wrapper}>${structureXml(model.output, isRecord(result) ? result : {})}</${wrapper}>`;
  }
  return `${body}<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${op}Response>`;
}

/** `<ErrorResponse>`; an error without a message key has no `<Message>`. */
export function errorXml(error: AwsError, namespace: string, requestId: string): string {
  const message = error.messageKey === null ? "" : `<Message>${escapeXml(error.message)}</Message>`;
  return (
    `<ErrorResponse xmlns="${escapeXml(namespace)}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code>${message}</Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function structureXml(shape: StructureShape, value: Record<string, unknown>): string {
  let out = "";
  for (const m of shape.members) {
    const v = value[m.name];
    if (v === undefined || v === null) {
      if (m.required && m.shape.type === "list") out += `<${m.name}/>`;
      continue;
    }
    out += element(m.name, m.shape, v);
  }
  return out;
}

function element(name: string, shape: Shape, v: unknown): string {
  const inner = valueXml(shape, v);
  return inner === "" ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

function valueXml(shape: Shape, v: unknown): string {
  switch (shape.type) {
    case "structure":
      return isRecord(v) ? structureXml(shape, v) : "";
    case "list": {
      if (!Array.isArray(v)) return "";
      let out = "";
      for (const x of v) out += x === undefined || x === null ? "<member/>" : element("member", shape.member, x);
      return out;
    }
    case "map": {
      if (!isRecord(v)) return "";
      let out = "";
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || x === null) continue;
        out += `<entry><key>${escapeXml(k)}</key>${element("value", shape.value, x)}</entry>`;
      }
      return out;
    }
    case "string":
      return escapeXml(shape.policyDocument ? percentEncode(String(v)) : String(v));
    case "timestamp":
      // Date, as the SDK output types have it; a number is epoch seconds, as the JSON services' WireShape.
      // `2024-05-01T12:34:56Z`: IAM's form; botocore and SDK v3 read it (and STS's) alike.
      if (v instanceof Date) return isoSeconds(v);
      return typeof v === "number" ? isoSeconds(new Date(v * 1000)) : escapeXml(String(v));
    case "blob":
      return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") : escapeXml(String(v));
    case "boolean":
    case "integer":
    case "long":
    case "float":
    case "double":
      return escapeXml(String(v));
    default: {
      const never: never = shape;
      return never;
    }
  }
}


const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#xD;" };

/**
 * Text and attribute escaping. A carriage return is written as a reference because XML parsers fold
 * a literal CR (and CR LF) into LF. Characters XML 1.0 cannot carry at all (other C0 controls) pass
 * unchanged: IAM's patterns keep them out of names and descriptions, and policy documents are
 * percent-encoded.
 */
export function escapeXml(s: string): string {
  return /[&<>"\r]/.test(s) ? s.replace(/[&<>"\r]/g, (c) => XML_ESCAPES[c] ?? c) : s;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 3986: every byte of the UTF-8 text outside `A-Z a-z 0-9 - _ . ~` as `%XX` (iam-sts.md §1.2). */
export function percentEncode(s: string): string {
  // encodeURIComponent throws on a lone surrogate; write it as U+FFFD, as a UTF-8 encoder would.
  return encodeURIComponent(s.replace(LONE_SURROGATE, "\uFFFD")).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
