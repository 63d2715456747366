import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The one-way dependency rule of ARCHITECTURE.md, checked over every import in src/.
const SRC = resolve(import.meta.dirname, "../../src");

/** What each top-level area may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  platform: [],
  errors: [],
  model: ["errors"],
  crypto: [],
  policy: ["errors"],
  iam: ["errors"],
  storage: ["errors"],
  auth: ["errors", "iam", "policy", "platform"],
  services: ["errors", "model", "iam", "policy", "crypto", "storage", "platform"],
  wire: ["errors", "model", "iam", "platform", "services"],
  server: ["*"],
  cli: ["*"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".case.ts") ? [p] : [];
  });
}

function area(file: string): string {
  return relative(SRC, file).split("/")[0] ?? "";
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/g;

describe("layering", () => {
  const files = sourceFiles(SRC);

  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it("imports only point inward", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = area(file);
      const allowed = ALLOWED[from];
      if (allowed === undefined) {
        violations.push(`${relative(SRC, file)}: area '${from}' has no rule`);
        continue;
      }
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? "";
        if (!spec.startsWith(".")) continue;
        const to = area(resolve(dirname(file), spec));
        if (to === from || allowed.includes("*") || allowed.includes(to)) continue;
        violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("Parameter Store code reaches KMS only through the keyring port", () => {
    const offenders = files
      .filter((f) => relative(SRC, f).startsWith("services/ssm/"))
      .filter((f) => /from\s+"[^"]*\/kms\//.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it("reads time and randomness only through platform/ (and the CLI)", () => {
    const offenders = files
      .filter((f) => !["platform", "cli"].includes(area(f)))
      .filter((f) => /\bDate\.now\(|Math\.random\(|\bconsole\./.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
