// Turns one run's rows into the console table, the ratios against the goals, and the BENCHMARKS.md
// section (rewritten between its markers; everything outside them is left as written).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const BEGIN = "<!-- bench:begin (written by npm run bench; edits here are overwritten) -->";
const END = "<!-- bench:end -->";

export function isValid(row) {
  return row?.result !== undefined && row.result.errors.count === 0 && row.result.completed > 0 && row.checks.length === 0;
}

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMs = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const fmtRatio = (n) => (n >= 10 ? n.toFixed(0) : n.toFixed(2));
const fmtBytes = (n) => (n === undefined ? "n/a" : `${(n / 1024 / 1024).toFixed(0)} MiB`);

/** The ratios the brief asks for; `goal` is undefined for the ones shown for information only. */
export function computeRatios(rows) {
  const get = (scenario, target) => rows.find((r) => r.scenario === scenario && r.target === target);
  const rps = (s, t) => (isValid(get(s, t)) ? get(s, t).result.rps : undefined);
  const p50 = (s, t) => (isValid(get(s, t)) ? get(s, t).result.latencyMs.p50 : undefined);
  const cpu = (s, t) => (isValid(get(s, t)) ? get(s, t).serverCpuUs : undefined);
  const div = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
  const bigLabel = (t) => get("bypath-big", t)?.store?.replace("*", "") ?? "big";
  const smallLabel = (t) => get("bypath-small", t)?.store ?? "small";
  return [
    { name: "GetParameter req/s, paramstore / bare", value: div(rps("get-string", "paramstore"), rps("get-string", "bare")), goal: [">=", 0.75], unit: "×" },
    { name: "GetParameter req/s, paramstore / moto", value: div(rps("get-string", "paramstore"), rps("get-string", "moto")), goal: [">=", 50], unit: "×" },
    { name: "Server CPU per GetParameter, paramstore / bare", value: div(cpu("get-string", "paramstore"), cpu("get-string", "bare")), unit: "×" },
    {
      name: "GetParameter req/s, IAM user (10 policies × 10 statements) / root key, paramstore",
      value: div(rps("get-string-iam-user", "paramstore"), rps("get-string", "paramstore")),
      goal: [">=", 0.9],
      unit: "×",
    },
    {
      name: "Server CPU per GetParameter, IAM user / root key, paramstore",
      value: div(cpu("get-string-iam-user", "paramstore"), cpu("get-string", "paramstore")),
      unit: "×",
    },
    {
      name: "SecureString (customer managed key) / String read req/s, paramstore",
      value: div(rps("get-secure-cmk", "paramstore"), rps("get-string", "paramstore")),
      goal: [">=", 0.9],
      unit: "×",
    },
    { name: "SecureString (alias/aws/ssm) / String read req/s, paramstore", value: div(rps("get-secure", "paramstore"), rps("get-string", "paramstore")), goal: [">=", 0.9], unit: "×" },
    {
      name: "Server CPU per read, SecureString (customer managed key) / String, paramstore",
      value: div(cpu("get-secure-cmk", "paramstore"), cpu("get-string", "paramstore")),
      unit: "×",
    },
    { name: "SecureString (customer managed key) / String read req/s, moto", value: div(rps("get-secure-cmk", "moto"), rps("get-string", "moto")), unit: "×" },
    { name: "SecureString (alias/aws/ssm) / String read req/s, moto", value: div(rps("get-secure", "moto"), rps("get-string", "moto")), unit: "×" },
    { name: "KMS Encrypt req/s, paramstore / bare", value: div(rps("kms-encrypt", "paramstore"), rps("kms-encrypt", "bare")), unit: "×" },
    { name: "KMS Encrypt req/s, paramstore / moto", value: div(rps("kms-encrypt", "paramstore"), rps("kms-encrypt", "moto")), unit: "×" },
    { name: "KMS Decrypt req/s, paramstore / bare", value: div(rps("kms-decrypt", "paramstore"), rps("kms-decrypt", "bare")), unit: "×" },
    { name: "KMS Decrypt req/s, paramstore / moto", value: div(rps("kms-decrypt", "paramstore"), rps("kms-decrypt", "moto")), unit: "×" },
    { name: "PutParameter durable req/s, paramstore", value: rps("put", "paramstore"), goal: [">=", 5000], unit: "/s" },
    { name: "PutParameter req/s, paramstore / moto", value: div(rps("put", "paramstore"), rps("put", "moto")), unit: "×" },
    {
      name: `ByPath page time (p50), paramstore ${bigLabel("paramstore")} / ${smallLabel("paramstore")} store`,
      value: div(p50("bypath-big", "paramstore"), p50("bypath-small", "paramstore")),
      // Repeated measurements of one page on one store spread by about ±15% on a 2-core VM.
      goal: ["<=", 1.3],
      goalText: "≤ 1.3 (independent of store size, within run-to-run spread)",
      unit: "×",
    },
    {
      name: `ByPath server CPU per page, paramstore ${bigLabel("paramstore")} / ${smallLabel("paramstore")} store`,
      value: div(cpu("bypath-big", "paramstore"), cpu("bypath-small", "paramstore")),
      unit: "×",
    },
    { name: `ByPath page time (p50), moto ${bigLabel("moto")} / ${smallLabel("moto")} store`, value: div(p50("bypath-big", "moto"), p50("bypath-small", "moto")), unit: "×" },
    { name: "ByPath req/s on the big store, paramstore / moto", value: div(rps("bypath-big", "paramstore"), rps("bypath-big", "moto")), unit: "×" },
  ].map((r) => ({
    ...r,
    met: r.goal === undefined || r.value === undefined ? undefined : r.goal[0] === ">=" ? r.value >= r.goal[1] : r.value <= r.goal[1],
    valueText: r.value === undefined ? "n/a" : r.unit === "/s" ? `${fmtInt(r.value)}/s` : `${fmtRatio(r.value)}×`,
    goalText: r.goalText ?? (r.goal === undefined ? "(info)" : `${r.goal[0] === ">=" ? "≥" : "≤"} ${r.unit === "/s" ? `${fmtInt(r.goal[1])}/s` : `${r.goal[1]}×`}`),
  }));
}

export function describeMachine() {
  const run = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    moto: run("python3", ["-c", "import moto, sys; print(f'moto {moto.__version__} (Python {sys.version.split()[0]})')"]),
    commit: run("git", ["rev-parse", "--short", "HEAD"]),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

function table(headers, rows, markdown) {
  if (markdown) {
    const line = (cells) => `| ${cells.join(" | ")} |`;
    return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const SCENARIO_TITLES = {
  "get-string": "GetParameter String",
  "get-string-iam-user": "GetParameter String, signed by an IAM user with 10 attached managed policies of 10 statements each",
  "get-secure": "GetParameter SecureString WithDecryption, alias/aws/ssm",
  "get-secure-cmk": "GetParameter SecureString WithDecryption, customer managed key",
  "kms-encrypt": "KMS Encrypt, 35 bytes, customer managed key by alias",
  "kms-decrypt": "KMS Decrypt, 35 bytes",
  "bypath-small": "GetParametersByPath, 10-item page",
  "bypath-big": "GetParametersByPath, 10-item page",
  put: "PutParameter Overwrite (durable)",
};

function resultCells(rows) {
  return rows.map((r) => {
    const res = r.result;
    const status = res === undefined ? `skipped: ${r.skipped}` : isValid(r) ? "0" : `INVALID (${res.errors.count} errors${r.checks.length > 0 ? ", failed checks" : ""})`;
    return [
      SCENARIO_TITLES[r.scenario] ?? r.scenario,
      r.target,
      r.store ?? "",
      String(r.concurrency ?? ""),
      res === undefined ? "" : fmtInt(res.rps),
      res === undefined ? "" : fmtMs(res.latencyMs.p50),
      res === undefined ? "" : fmtMs(res.latencyMs.p99),
      r.serverCpuUs === undefined ? "" : fmtInt(r.serverCpuUs),
      r.otherCores === undefined ? "" : r.otherCores.toFixed(2),
      status,
    ];
  });
}

export function render({ rows, ratios, rss, seeds, notes, machine, config, elapsedSeconds }, markdown) {
  const out = [];
  const h = (text) => out.push(markdown ? `### ${text}\n` : `${text}\n${"=".repeat(text.length)}`);
  out.push(
    markdown
      ? `Run of ${machine.date}${machine.commit === undefined ? "" : ` at commit \`${machine.commit}\``}, took ${elapsedSeconds.toFixed(0)} s.\n`
      : `paramstore bench — ${machine.date}${machine.commit === undefined ? "" : `, commit ${machine.commit}`} (${elapsedSeconds.toFixed(0)} s)\n`,
  );
  const bullet = markdown ? "- " : "  ";
  out.push(
    [
      `${bullet}Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ${machine.os}`,
      `${bullet}Software: Node ${machine.node}${machine.moto === undefined ? "" : `, ${machine.moto}`}`,
      `${bullet}Load: one node process, pre-signed SigV4 requests replayed on keep-alive loopback connections; ` +
        `${config.warmupSeconds} s warm-up + ${config.seconds} s measured per row; concurrency ${config.concurrency} for reads, ${config.putConcurrency} for PutParameter`,
      `${bullet}paramstore: built bin/paramstore serve, SQLite, default (info) logging to a file`,
    ].join("\n") + "\n",
  );
  h("Throughput and latency");
  out.push(table(["Scenario", "Target", "Store", "Conc.", "req/s", "p50 ms", "p99 ms", "Server CPU µs/req", "Other CPU (cores)", "Errors"], resultCells(rows), markdown) + "\n");
  h("Ratios and goals");
  out.push(
    table(
      ["Ratio", "Value", "Goal", "Met"],
      ratios.map((r) => [r.name, r.valueText, r.goalText, r.met === undefined ? (r.goal === undefined ? "" : "n/a") : r.met ? "yes" : "NO"]),
      markdown,
    ) + "\n",
  );
  h("Peak RSS (VmHWM at the end of the run)");
  out.push(table(["Server", "Peak RSS"], rss.map((r) => [r.target, fmtBytes(r.bytes)]), markdown) + "\n");
  if (seeds.length > 0) {
    h("Seeding (set-up, not a goal)");
    out.push(
      table(
        ["Target", "Parameters", "Conc.", "Seconds", "Creates/s", "First 5 s", "Last 5 s", "Errors"],
        seeds.map((s) => [
          s.target,
          `${fmtInt(s.from)} → ${fmtInt(s.from + s.count)}`,
          String(s.concurrency),
          s.result.seconds.toFixed(1),
          fmtInt(s.result.rps),
          fmtInt(s.firstRate),
          fmtInt(s.lastRate),
          String(s.result.errors.count),
        ]),
        markdown,
      ) + "\n",
    );
  }
  const problems = rows.flatMap((r) => [
    ...(r.result?.errors.samples ?? []).map((s) => `${r.target} ${r.scenario}: ${s.count}× ${s.text}`),
    ...r.checks.map((c) => `${r.target} ${r.scenario}: ${c}`),
  ]);
  const busiest = Math.max(0, ...rows.map((r) => r.otherCores ?? 0));
  const noise =
    busiest > 0.2
      ? [`Other processes used up to ${busiest.toFixed(2)} cores while a row was measured: this run's figures are disturbed (see "Other CPU").`]
      : [];
  const allNotes = [...noise, ...notes, ...problems];
  if (allNotes.length > 0) {
    h("Notes");
    out.push(allNotes.map((n) => `${markdown ? "- " : "  "}${n}`).join("\n") + "\n");
  }
  return out.join("\n");
}

const PREAMBLE = `# Benchmarks

\`npm run bench\` (right after \`npm ci\`, which builds \`dist/\`) starts three servers on loopback —
paramstore (\`bin/paramstore serve\`), a bare \`node:http\` server that answers a fixed GetParameter
result (the ceiling for any Node HTTP server on this machine), and \`moto_server\` — and drives each with
the same SigV4-signed requests from a separate load-generator process. It prints the table below and
rewrites the section between the markers. It is not a test: figures vary between machines and runs;
compare the ratios, which are measured within one run.

Settings (environment): \`BENCH_SECONDS\` (5), \`BENCH_WARMUP_SECONDS\` (2), \`BENCH_CONCURRENCY\` (32),
\`BENCH_PUT_CONCURRENCY\` (32), \`BENCH_STORE_BIG\` (100000), \`BENCH_MOTO_STORE_BIG\` (10000),
\`BENCH_SEED_BUDGET_SECONDS\` (150: seeding stops there and the table says which store size was reached),
\`BENCH_MOTO=0\` (skip moto), \`BENCH_WRITE=0\` (do not touch this file),
\`BENCH_PROFILE_DIR=<dir>\` (run paramstore under \`node --cpu-prof\`, then
\`node bench/profile-summary.mjs <dir>/*.cpuprofile\`).

`;

export function writeBenchmarks(file, section) {
  const block = `${BEGIN}\n## Latest run\n\n${section.trim()}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? current.slice(0, begin) + block + current.slice(end + END.length)
      : `${current === "" ? PREAMBLE : `${current.trimEnd()}\n\n`}${block}\n`;
  writeFileSync(file, next);
}
