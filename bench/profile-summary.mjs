// Where the time goes in a V8 CPU profile (node --cpu-prof): self time by function and by file.
// Usage: node bench/profile-summary.mjs <file.cpuprofile>... [top=25]
// Each file is summarised on its own: the server writes one per thread (the main thread's is the
// largest; the WAL checkpointer's worker writes a small one).
import { readFileSync } from "node:fs";

// Piped into head: stop quietly when the reader goes away.
process.stdout.on("error", (e) => process.exit(e.code === "EPIPE" ? 0 : 1));
const args = process.argv.slice(2);
const files = args.filter((a) => !/^\d+$/.test(a));
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? "25");
if (files.length === 0) {
  process.stderr.write("usage: node bench/profile-summary.mjs <file.cpuprofile>... [top]\n");
  process.exit(2);
}
for (const file of files) summarise(file);

function summarise(file) {
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

// Sample i lasted timeDeltas[i + 1]; the last one's duration is unknown and counted as 0.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
}
let total = 0;
for (const v of selfUs.values()) total += v;

const shortUrl = (url) => url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/").replace(/^node:/, "node:");
const byFunction = new Map();
const byFile = new Map();
for (const [id, us] of selfUs) {
  const { callFrame: f } = nodes.get(id);
  const where = f.url === "" ? "(native)" : shortUrl(f.url);
  const fn = `${f.functionName || "(anonymous)"}  ${where}${f.url === "" ? "" : `:${f.lineNumber + 1}`}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}

// Inclusive time: every function on a sample's stack (counted once per sample) gets its duration.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame: f } = nodes.get(at);
    if (f.url === "" || f.url.startsWith("node:")) continue;
    const fn = `${f.functionName || "(anonymous)"}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(fn)) continue;
    seen.add(fn);
    inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
  }
}

const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}\n`);
  }
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print("Self time by function", byFunction);
print("Self time by file", byFile);
print("Total time (self + callees) by JavaScript function", inclusive);
}
