/**
 * JSON laid out as KMS's GetKeyPolicy shows the policies it wrote itself (kms.md §9.1): Jackson's
 * default pretty printer — two-space indented objects, `" : "` between name and value, arrays kept on
 * the line they open (`[ {` … `} ]`, `[ "a", "b" ]`). Clients compare parsed JSON; this keeps the
 * text a human diffing against AWS sees the same.
 */
export function jacksonJson(value: unknown): string {
  return render(value, 0);
}

function render(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[ ]";
    return `[ ${value.map((item) => render(item, depth)).join(", ")} ]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{ }";
    const inner = "  ".repeat(depth + 1);
    const members = entries.map(([name, member]) => `${inner}${JSON.stringify(name)} : ${render(member, depth + 1)}`);
    return `{\n${members.join(",\n")}\n${"  ".repeat(depth)}}`;
  }
  return JSON.stringify(value);
}
