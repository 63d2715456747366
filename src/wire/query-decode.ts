import { malformedInput } from "../errors/query-errors.js";
import type { ListShape, MapShape, ScalarShape, Shape, StructureShape } from "../model/shape.js";
import type { QueryParams } from "./query-params.js";

/**
 * Query parameters → the operation's input, shaped as a JSON 1.1 body would be (numbers, booleans,
 * arrays, objects; timestamps as epoch seconds, blobs as base64) so that validateInput checks and
 * converts it exactly as it does for the JSON services (iam-sts.md §1.1):
 *
 * - `Name=v` for a member, `Parent.Name=v` inside a structure;
 * - lists `Tags.member.1.Key=…`, `TagKeys.member.1=…` (indexes from 1, sorted; gaps close up); a bare
 *   `Tags=` is the empty list;
 * - maps `Attrs.entry.1.key=…&Attrs.entry.1.value=…`;
 * - scalars read strictly as their XML Schema type: a value that does not parse is MalformedInput.
 *
 * Parameters that name no member (Action, Version, X-Amz-*) are ignored, as AWS does (unverified).
 */
export function decodeQueryInput(input: StructureShape, params: QueryParams): Record<string, unknown> {
  return decodeStructure(input, buildTree(params));
}

interface Node {
  value: string | undefined;
  children: Map<string, Node> | undefined;
}

function buildTree(params: QueryParams): Node {
  const root: Node = { value: undefined, children: undefined };
  for (const [name, value] of params) {
    let node = root;
    for (const part of name.split(".")) {
      node.children ??= new Map();
      let child = node.children.get(part);
      if (child === undefined) {
        child = { value: undefined, children: undefined };
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

function decodeStructure(shape: StructureShape, node: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const children = node.children;
  if (children === undefined) return out;
  for (const m of shape.members) {
    const child = children.get(m.name);
    if (child === undefined) continue;
    const v = decodeValue(m.shape, child);
    if (v !== undefined) out[m.name] = v;
  }
  return out;
}

function decodeValue(shape: Shape, node: Node): unknown {
  switch (shape.type) {
    case "structure":
      return node.children === undefined ? undefined : decodeStructure(shape, node);
    case "list":
      return decodeList(shape, node);
    case "map":
      return decodeMap(shape, node);
    default:
      return node.value === undefined ? undefined : decodeScalar(shape, node.value);
  }
}

const INDEX = /^[1-9][0-9]*$/;

/** The children named by a positive index, in index order. */
function indexed(node: Node | undefined): Node[] {
  const children = node?.children;
  if (children === undefined) return [];
  const entries: [number, Node][] = [];
  for (const [k, child] of children) if (INDEX.test(k)) entries.push([Number(k), child]);
  entries.sort((a, b) => a[0] - b[0]);
  return entries.map((e) => e[1]);
}

function decodeList(shape: ListShape, node: Node): unknown[] | undefined {
  const members = node.children?.get("member");
  if (members === undefined) return node.value === "" ? [] : undefined;
  // An element that decodes to nothing becomes null, which validation drops (as for JSON).
  return indexed(members).map((child) => decodeValue(shape.member, child) ?? null);
}

function decodeMap(shape: MapShape, node: Node): Record<string, unknown> | undefined {
  const entries = node.children?.get("entry");
  if (entries === undefined) return node.value === "" ? {} : undefined;
  const out: Record<string, unknown> = {};
  for (const entry of indexed(entries)) {
    const key = entry.children?.get("key")?.value;
    const value = entry.children?.get("value");
    if (key === undefined || value === undefined) continue;
    // Own data properties only: a key like "__proto__" must stay an ordinary entry.
    Object.defineProperty(out, key, { value: decodeValue(shape.value, value) ?? null, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const XSD_INTEGER = /^[+-]?[0-9]+$/;
const XSD_DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** iam-sts.md §1.1: `0900` and `+900` are 900; ` 900 `, `900.0`, `9e2`, out of range → MalformedInput. */
export function decodeScalar(shape: ScalarShape, text: string): unknown {
  switch (shape.type) {
    case "string":
      return text;
    case "boolean":
      // xsd:boolean: exactly these four spellings.
      if (text === "true" || text === "1") return true;
      if (text === "false" || text === "0") return false;
      throw malformedInput("boolean");
    case "integer":
    case "long": {
      const [xsd, min, max] = shape.type === "integer" ? ["int", INT_MIN, INT_MAX] : ["long", LONG_MIN, LONG_MAX];
      if (!XSD_INTEGER.test(text)) throw malformedInput(xsd);
      const n = BigInt(text);
      if (n < min || n > max) throw malformedInput(xsd);
      return Number(n);
    }
    case "float":
    case "double":
      if (!XSD_DECIMAL.test(text)) throw malformedInput(shape.type);
      return Number(text);
    case "timestamp": {
      const m = ISO_DATE_TIME.exec(text);
      const ms = m === null ? NaN : Date.parse(m[8] === undefined ? `${text}Z` : text);
      if (Number.isNaN(ms)) throw malformedInput("dateTime");
      return ms / 1000;
    }
    case "blob":
      if (!BASE64.test(text)) throw malformedInput("base64Binary");
      return text;
    default: {
      const never: never = shape;
      return never;
    }
  }
}
