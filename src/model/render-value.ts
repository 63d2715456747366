import type { Shape } from "./shape.js";

/**
 * A value as AWS's Java validator prints it between the quotes of `Value '...' at`: Java
 * `toString()` forms — strings bare, lists `[a, b, c]` (spec §1.5), maps `{k=v, k2=v2}` (DynamoDB's
 * recorded `'{table=[...]}'`). Only reached when building an error message, never on success.
 *
 * Unverified forms, chosen to look like Java: blobs as the ByteBuffer `toString()`
 * (`java.nio.HeapByteBuffer[pos=0 lim=N cap=N]`), structures in list values as
 * `{Key: a,Value: b}` with sensitive members redacted, timestamps as ISO-8601.
 */
export function renderValue(shape: Shape, v: unknown): string {
  switch (shape.type) {
    case "string":
      return typeof v === "string" ? v : String(v);
    case "boolean":
    case "integer":
    case "long":
      return String(v);
    case "float":
    case "double":
      return typeof v === "number" ? javaDouble(v) : String(v);
    case "blob": {
      const n = v instanceof Uint8Array ? v.byteLength : 0;
      return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
    }
    case "timestamp":
      return v instanceof Date ? v.toISOString() : String(v);
    case "list":
      return Array.isArray(v) ? `[${v.map((x) => renderValue(shape.member, x)).join(", ")}]` : String(v);
    case "map": {
      if (typeof v !== "object" || v === null) return String(v);
      const parts: string[] = [];
      for (const [k, x] of Object.entries(v)) parts.push(`${k}=${renderValue(shape.value, x)}`);
      return `{${parts.join(", ")}}`;
    }
    case "structure": {
      if (typeof v !== "object" || v === null) return String(v);
      const record = v as Record<string, unknown>; // a JSON object: the validator checked it
      const parts: string[] = [];
      for (const m of shape.members) {
        const x = record[m.name];
        if (x === undefined || x === null) continue;
        parts.push(`${m.name}: ${m.sensitive ? "***Sensitive Data Redacted***" : renderValue(m.shape, x)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default: {
      const never: never = shape;
      return String(never);
    }
  }
}

/** Java's Double.toString for the common cases: integral values keep a ".0". */
function javaDouble(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e7 ? n.toFixed(1) : String(n);
}
