// The load generator, run as its own process so that it never shares an event loop with a server.
// Reads one job (JSON) on stdin, prints one result (JSON) on stdout.
//   run:  replays pre-signed requests on `concurrency` keep-alive connections for warm-up + duration
//   seed: creates parameters prefix+index for index in [from, to), signing each once as it goes
//   once: sends each request once and answers the responses (set-up and sanity checks)
import { performance } from "node:perf_hooks";
import { Connection } from "./http-connection.mjs";
import { createRequestSigner } from "./signer.mjs";

const MAX_ERROR_SAMPLES = 5;
const DRAIN_GRACE_MS = 10_000;

class Errors {
  count = 0;
  samples = new Map();
  add(status, body, error) {
    this.count++;
    const key = error !== undefined ? `connection error: ${error.message}` : `HTTP ${status}: ${body.toString("utf8", 0, 300)}`;
    const n = this.samples.get(key);
    if (n !== undefined) this.samples.set(key, n + 1);
    else if (this.samples.size < MAX_ERROR_SAMPLES) this.samples.set(key, 1);
  }
  toJSON() {
    return { count: this.count, samples: [...this.samples].map(([text, count]) => ({ text, count })) };
  }
}

class Latencies {
  values = new Float64Array(1 << 16);
  length = 0;
  push(ms) {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = ms;
  }
  summary() {
    const sorted = this.values.slice(0, this.length).sort();
    const at = (q) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    let sum = 0;
    for (const v of sorted) sum += v;
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), mean: sum / sorted.length };
  }
}

async function run(job) {
  const sign = createRequestSigner({ host: job.host, port: job.port, region: job.region, ...job.credentials });
  const requests = [];
  for (const r of job.requests) requests.push(await sign(r.target, r.body, r.service));

  const errors = new Errors();
  const latencies = new Latencies();
  const warmupEnd = performance.now() + job.warmupSeconds * 1000;
  const end = warmupEnd + job.seconds * 1000;
  let completed = 0;
  let answered = 0;
  let stopped = false;
  let active = job.concurrency;
  const connections = [];

  await new Promise((resolve) => {
    const finish = () => {
      if (--active === 0) resolve();
    };
    for (let c = 0; c < job.concurrency; c++) {
      const conn = new Connection(job.host, job.port);
      connections.push(conn);
      const bytes = requests[c % requests.length];
      const loop = () => {
        const started = performance.now();
        if (started >= end) {
          stopped = true;
          finish();
          return;
        }
        conn.request(bytes, (error, status, body) => {
          const done = performance.now();
          answered++;
          if (error !== undefined || status !== 200) errors.add(status, body, error);
          else if (done >= warmupEnd && done < end) {
            completed++;
            latencies.push(done - started);
          }
          loop();
        });
      };
      loop();
    }
    setTimeout(() => {
      if (active > 0) resolve();
    }, end - performance.now() + DRAIN_GRACE_MS).unref();
  });
  for (const conn of connections) conn.close();
  return {
    completed,
    seconds: job.seconds,
    rps: completed / job.seconds,
    latencyMs: latencies.summary(),
    stoppedCleanly: stopped && active === 0,
    answered,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    errors: errors.toJSON(),
  };
}

async function seed(job) {
  const sign = createRequestSigner({ host: job.host, port: job.port, region: job.region, ...job.credentials });
  const errors = new Errors();
  const { prefix, from, to, digits, type, tier } = job.items;
  let next = from;
  let completed = 0;
  const started = performance.now();
  // No new parameter is started past the deadline, so the store ends as prefix+[from, reached).
  const deadline = job.budgetSeconds === undefined ? Infinity : started + job.budgetSeconds * 1000;
  const timeline = [];
  const sampler = setInterval(() => timeline.push([(performance.now() - started) / 1000, completed]), 5_000);

  const worker = async () => {
    const conn = new Connection(job.host, job.port);
    try {
      while (next < to && performance.now() < deadline) {
        const i = next++;
        const body = { Name: `${prefix}${String(i).padStart(digits, "0")}`, Value: `value-${i}`, Type: type };
        if (tier !== undefined) body.Tier = tier;
        const bytes = await sign("PutParameter", JSON.stringify(body));
        await new Promise((resolve) =>
          conn.request(bytes, (error, status, resBody) => {
            if (error !== undefined || status !== 200) errors.add(status, resBody, error);
            else completed++;
            resolve();
          }),
        );
        // A target that fails everything should not be hammered for minutes.
        if (errors.count > 100 && completed === 0) return;
      }
    } finally {
      conn.close();
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  timeline.push([seconds, completed]);
  return { completed, reached: next, seconds, rps: completed / seconds, timeline, errors: errors.toJSON() };
}

/** Sends each request once, in order; answers every status and body (for set-up and checks). */
async function once(job) {
  const sign = createRequestSigner({ host: job.host, port: job.port, region: job.region, ...job.credentials });
  const conn = new Connection(job.host, job.port);
  const responses = [];
  try {
    for (const r of job.requests) {
      const bytes = await sign(r.target, r.body, r.service);
      responses.push(
        await new Promise((resolve) =>
          conn.request(bytes, (error, status, body) =>
            resolve(error !== undefined ? { status: 0, body: `connection error: ${error.message}` } : { status, body: body.toString("utf8") }),
          ),
        ),
      );
    }
  } finally {
    conn.close();
  }
  return { responses };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const modes = { run, seed, once };
const result = await modes[job.mode](job);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
