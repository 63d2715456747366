#!/usr/bin/env node
// `npm run bench`: paramstore vs a bare node:http server vs moto, on loopback, in one run.
// Not a test: prints figures and ratios and rewrites the latest run in BENCHMARKS.md.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runLoad } from "./load-runner.mjs";
import { machineBusySeconds, tempDir } from "./processes.mjs";
import { computeRatios, describeMachine, isValid, render, writeBenchmarks } from "./report.mjs";
import { ACCOUNT_ID, REGION, REPO, startBare, startMoto, startParamstore } from "./targets.mjs";

function setting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

const config = {
  seconds: setting("BENCH_SECONDS", 5),
  // ByPath needs about 2 s of traffic before the JIT has settled (its first 2 s cost ~50% more CPU).
  warmupSeconds: setting("BENCH_WARMUP_SECONDS", 2),
  concurrency: setting("BENCH_CONCURRENCY", 32),
  putConcurrency: setting("BENCH_PUT_CONCURRENCY", 32),
  storeSmall: setting("BENCH_STORE_SMALL", 1000),
  storeBig: setting("BENCH_STORE_BIG", 100_000),
  motoStoreBig: setting("BENCH_MOTO_STORE_BIG", 10_000),
  seedConcurrency: setting("BENCH_SEED_CONCURRENCY", 64),
  // moto's threaded werkzeug server puts faster with few connections than with many.
  motoSeedConcurrency: setting("BENCH_MOTO_SEED_CONCURRENCY", 4),
  // Caps each big seeding so that a server whose writes slow down as the store grows still ends the
  // run in minutes; the table then says which store size was reached.
  seedBudgetSeconds: setting("BENCH_SEED_BUDGET_SECONDS", 150),
  maxMinutes: setting("BENCH_MAX_MINUTES", 15),
  moto: process.env.BENCH_MOTO !== "0",
  write: process.env.BENCH_WRITE !== "0",
  profileDir: process.env.BENCH_PROFILE_DIR || undefined,
  // For profiling one scenario at a time, e.g. BENCH_SCENARIOS=get-string,put.
  scenarios: process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(",") : undefined,
};
const wanted = (scenario) => config.scenarios === undefined || config.scenarios.includes(scenario);

const STRING_NAME = "/bench/string";
const STRING_VALUE = "bench-string-value-0123456789abcdef";
const SECURE_NAME = "/bench/secure";
const SECURE_VALUE = "bench-secure-value-0123456789abcdef";
// The same value under a customer managed key, named through its alias as teams do.
const SECURE_CMK_NAME = "/bench/secure-cmk";
const CMK_ALIAS = "alias/bench-cmk";
const KMS_PLAINTEXT = Buffer.from("bench-kms-plaintext-0123456789abcde", "utf8").toString("base64");
const PAGE_PATH = "/bench/page";
const PAGE_ITEMS = { prefix: `${PAGE_PATH}/p`, digits: 6, type: "String", tier: "Advanced" };

const request = (target, body, service = "ssm") => ({ target, body: JSON.stringify(body), service });
/** An IAM Query-protocol request (form POST); `target` is only the label the load generator logs. */
const iamQuery = (action, params = {}) => ({ target: action, body: new URLSearchParams({ Action: action, Version: "2010-05-08", ...params }).toString(), service: "iam" });
/** Per target: the customer managed key made at set-up and a ciphertext Encrypt gave under it. */
const kmsState = new Map();
// The bare server answers a fixed Decrypt result whatever the blob.
const BARE_KMS = { keyArn: undefined, ciphertext: Buffer.alloc(83, 7).toString("base64") };
const REQUESTS = {
  "get-string": () => [request("GetParameter", { Name: STRING_NAME })],
  "get-string-iam-user": () => [request("GetParameter", { Name: STRING_NAME })],
  "get-secure": () => [request("GetParameter", { Name: SECURE_NAME, WithDecryption: true })],
  "get-secure-cmk": () => [request("GetParameter", { Name: SECURE_CMK_NAME, WithDecryption: true })],
  "kms-encrypt": () => [request("Encrypt", { KeyId: CMK_ALIAS, Plaintext: KMS_PLAINTEXT }, "kms")],
  "kms-decrypt": (state) => [request("Decrypt", { CiphertextBlob: state.ciphertext }, "kms")],
  "bypath-small": () => [request("GetParametersByPath", { Path: PAGE_PATH, MaxResults: 10 })],
  "bypath-big": () => [request("GetParametersByPath", { Path: PAGE_PATH, MaxResults: 10 })],
  put: () =>
    Array.from({ length: config.putConcurrency }, (_, i) =>
      request("PutParameter", { Name: `/bench/put/client-${String(i).padStart(3, "0")}`, Value: STRING_VALUE, Type: "String", Overwrite: true }),
    ),
};

/** What one response of each scenario must contain, beyond status 200. */
const CHECKS = {
  "get-string": (r) => r.Parameter?.Value === STRING_VALUE || "Parameter.Value is not the value put",
  "get-string-iam-user": (r) => r.Parameter?.Value === STRING_VALUE || "Parameter.Value is not the value put",
  "get-secure": (r) => r.Parameter?.Value === SECURE_VALUE || "Parameter.Value is not the decrypted value",
  "get-secure-cmk": (r) => r.Parameter?.Value === SECURE_VALUE || "Parameter.Value is not the decrypted value",
  "kms-encrypt": (r, state) =>
    (typeof r.CiphertextBlob === "string" && r.KeyId === state.keyArn) || `Encrypt answered KeyId ${r.KeyId} and no or another ciphertext`,
  "kms-decrypt": (r, state) =>
    (r.Plaintext === KMS_PLAINTEXT && r.KeyId === state.keyArn) || "Decrypt did not answer the plaintext encrypted at set-up under the bench key",
  "bypath-small": (r) => r.Parameters?.length === 10 || `page has ${r.Parameters?.length} items, not 10`,
  "bypath-big": (r) => r.Parameters?.length === 10 || `page has ${r.Parameters?.length} items, not 10`,
  put: (r) => typeof r.Version === "number" || "no Version in the result",
};

const began = performance.now();
const elapsed = () => (performance.now() - began) / 1000;
const say = (text) => process.stderr.write(`[${elapsed().toFixed(0).padStart(3)} s] ${text}\n`);
const watchdog = setTimeout(() => {
  say(`bench: still running after ${config.maxMinutes} min, giving up`);
  process.exit(3);
}, config.maxMinutes * 60_000);
watchdog.unref();

const rows = [];
const seeds = [];
const notes = [];
const seeded = new Map();

async function seed(target, to, concurrency, budgetSeconds) {
  const from = seeded.get(target.name) ?? 0;
  if (to <= from) return;
  say(`seeding ${target.name}: ${PAGE_PATH}/p${from}…p${to - 1} (${to - from} PutParameter, ${concurrency} connections)`);
  const job = { mode: "seed", concurrency, budgetSeconds, items: { ...PAGE_ITEMS, from, to } };
  const result = await runLoad(target, job, ((budgetSeconds ?? 1800) + 120) * 1000);
  const { timeline } = result;
  const rate = (a, b) => (b[1] - a[1]) / (b[0] - a[0]);
  const firstRate = timeline.length > 1 ? rate([0, 0], timeline[0]) : result.rps;
  const lastRate = timeline.length > 1 ? rate(timeline.at(-2), timeline.at(-1)) : result.rps;
  seeds.push({ target: target.name, from, count: result.reached - from, concurrency, result, firstRate, lastRate });
  say(`  ${result.completed} in ${result.seconds.toFixed(1)} s (${Math.round(result.rps)}/s; ${Math.round(firstRate)}/s at first, ${Math.round(lastRate)}/s at the end), ${result.errors.count} errors`);
  for (const s of result.errors.samples) say(`  error ${s.count}×: ${s.text}`);
  seeded.set(target.name, result.reached);
  if (result.reached < to) {
    const note =
      `* ${target.name} was seeded with ${storeLabel(result.reached)} parameters, not ${storeLabel(to)}: seeding stops after ` +
      `${budgetSeconds} s (BENCH_SEED_BUDGET_SECONDS), and its PutParameter create rate fell from ${Math.round(firstRate)}/s ` +
      `(store of ${storeLabel(from)}) to ${Math.round(lastRate)}/s (store of ${storeLabel(result.reached)}).`;
    notes.push(note);
    say(note);
  }
}

async function setUp(target) {
  const { responses } = await runLoad(
    target,
    {
      mode: "once",
      requests: [
        request("PutParameter", { Name: STRING_NAME, Value: STRING_VALUE, Type: "String", Overwrite: true }),
        request("PutParameter", { Name: SECURE_NAME, Value: SECURE_VALUE, Type: "SecureString", Overwrite: true }),
      ],
    },
    60_000,
  );
  for (const r of responses) if (r.status !== 200) say(`set-up of ${target.name} failed: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  if (wanted("get-secure-cmk") || wanted("kms-encrypt") || wanted("kms-decrypt")) await setUpKms(target);
  if (wanted("get-string-iam-user") && target.name === "paramstore") await setUpIamUser(target);
}

// Issue 5's benchmark: a user whose reads go through 10 attached managed policies of 10 statements each.
const IAM_USER = "bench-reader";
const IAM_POLICIES = 10;
const IAM_STATEMENTS = 10;
/** Per target: the access key the IAM user was given at set-up. */
const iamUserCredentials = new Map();

/**
 * Policy `i` of the bench user: nine statements that do not allow the bench read (other services, other
 * paths, other actions on the same path, conditions that fail — a mix of what teams write), and a tenth
 * that, in the last policy only, allows ssm:GetParameter on /bench/* (so the allow is found last).
 */
function benchPolicyDocument(i) {
  const ssm = (path) => `arn:aws:ssm:${REGION}:${ACCOUNT_ID}:parameter/${path}`;
  const statements = [
    { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::team-${i}-artifacts`, `arn:aws:s3:::team-${i}-artifacts/*`] },
    { Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParameters"], Resource: ssm(`app-${i}/*`) },
    { Effect: "Deny", Action: ["ssm:DeleteParameter*", "ssm:PutParameter", "ssm:LabelParameterVersion"], Resource: ssm("bench/*") },
    {
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/*`,
      Condition: { StringEquals: { "kms:ViaService": `ssm.${REGION}.amazonaws.com` } },
    },
    {
      Effect: "Allow",
      Action: "ssm:GetParametersByPath",
      Resource: ssm(`team-${i}/*`),
      Condition: { StringEquals: { "aws:PrincipalTag/team": `team-${i}` } },
    },
    {
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:Query"],
      Resource: `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/orders-${i}`,
      Condition: { IpAddress: { "aws:SourceIp": [`10.${i}.0.0/16`, "192.0.2.0/24"] } },
    },
    // Same action, same path: only the condition keeps it from denying the bench read.
    {
      Effect: "Deny",
      Action: "ssm:GetParameter*",
      Resource: ssm("bench/*"),
      Condition: { StringNotEquals: { "aws:RequestedRegion": [REGION, "eu-west-1"] } },
    },
    {
      Effect: "Allow",
      Action: "sqs:SendMessage",
      Resource: `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:queue-${i}`,
      Condition: { DateLessThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } },
    },
    {
      Effect: "Deny",
      NotAction: ["ssm:*", "kms:*", "sts:*", "iam:Get*", "iam:List*"],
      Resource: "*",
      Condition: { "ForAnyValue:StringLike": { "aws:PrincipalTag/stage": ["prod*"] } },
    },
    i === IAM_POLICIES - 1
      ? { Sid: "BenchRead", Effect: "Allow", Action: "ssm:GetParameter", Resource: ssm("bench/*") }
      : { Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParametersByPath"], Resource: ssm("home/${aws:username}/*") },
  ];
  if (statements.length !== IAM_STATEMENTS) throw new Error(`bench policy has ${statements.length} statements`);
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** CreatePolicy ×10, CreateUser (tagged), AttachUserPolicy ×10, CreateAccessKey — all signed as root. */
async function setUpIamUser(target) {
  const policyArn = (i) => `arn:aws:iam::${ACCOUNT_ID}:policy/bench-policy-${i}`;
  const requests = [
    ...Array.from({ length: IAM_POLICIES }, (_, i) => iamQuery("CreatePolicy", { PolicyName: `bench-policy-${i}`, PolicyDocument: benchPolicyDocument(i) })),
    iamQuery("CreateUser", { UserName: IAM_USER, "Tags.member.1.Key": "team", "Tags.member.1.Value": "platform" }),
    ...Array.from({ length: IAM_POLICIES }, (_, i) => iamQuery("AttachUserPolicy", { UserName: IAM_USER, PolicyArn: policyArn(i) })),
    iamQuery("CreateAccessKey", { UserName: IAM_USER }),
  ];
  const { responses } = await runLoad(target, { mode: "once", requests }, 60_000);
  for (const [i, r] of responses.entries()) {
    if (r.status !== 200) return say(`IAM set-up of ${target.name} failed at ${requests[i].target}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  }
  const xml = responses.at(-1).body;
  const accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml)?.[1];
  const secretAccessKey = /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(xml)?.[1];
  if (accessKeyId === undefined || secretAccessKey === undefined) return say(`IAM set-up of ${target.name}: no access key in the CreateAccessKey answer`);
  const credentials = { accessKeyId, secretAccessKey };
  // The row measures enforcement only if the key is really the user's: a write to /bench/* is denied.
  const denied = (await runLoad(target, { mode: "once", requests: [request("PutParameter", { Name: STRING_NAME, Value: STRING_VALUE, Type: "String", Overwrite: true })], credentials }, 60_000)).responses[0];
  if (denied.status !== 400 || !denied.body.includes("AccessDeniedException")) {
    return say(`IAM set-up of ${target.name}: the bench user's PutParameter answered HTTP ${denied.status}, not AccessDeniedException`);
  }
  iamUserCredentials.set(target.name, credentials);
}

/** A customer managed key and its alias (CreateKey, CreateAlias), a SecureString under it, one ciphertext. */
async function setUpKms(target) {
  const once = async (requests) => (await runLoad(target, { mode: "once", requests }, 60_000)).responses;
  const failed = (what, r) => say(`KMS set-up of ${target.name} failed at ${what}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  const [created] = await once([request("CreateKey", { Description: "paramstore bench key" }, "kms")]);
  if (created.status !== 200) return failed("CreateKey", created);
  const { KeyId: keyId, Arn: keyArn } = JSON.parse(created.body).KeyMetadata;
  const [alias, put, encrypted] = await once([
    request("CreateAlias", { AliasName: CMK_ALIAS, TargetKeyId: keyId }, "kms"),
    request("PutParameter", { Name: SECURE_CMK_NAME, Value: SECURE_VALUE, Type: "SecureString", KeyId: CMK_ALIAS, Overwrite: true }),
    request("Encrypt", { KeyId: CMK_ALIAS, Plaintext: KMS_PLAINTEXT }, "kms"),
  ]);
  if (alias.status !== 200) return failed("CreateAlias", alias);
  if (put.status !== 200) return failed("PutParameter --key-id", put);
  if (encrypted.status !== 200) return failed("Encrypt", encrypted);
  kmsState.set(target.name, { keyArn, ciphertext: JSON.parse(encrypted.body).CiphertextBlob });
}

async function measure(scenario, target, store) {
  if (!wanted(scenario)) return;
  const state = target.name === "bare" ? BARE_KMS : kmsState.get(target.name);
  const needsKms = scenario.startsWith("kms-");
  const needsIamUser = scenario === "get-string-iam-user";
  // Only the root key signs, unless the scenario is the IAM user's.
  const signedBy = needsIamUser ? { credentials: iamUserCredentials.get(target.name) } : {};
  const concurrency = scenario === "put" ? config.putConcurrency : config.concurrency;
  const row = { scenario, target: target.name, store, concurrency, checks: [] };
  rows.push(row);
  if (needsKms && state === undefined) {
    row.skipped = "KMS set-up failed";
    say(`${scenario.padEnd(12)} ${target.name.padEnd(10)} skipped: its KMS set-up failed`);
    return;
  }
  if (needsIamUser && signedBy.credentials === undefined) {
    row.skipped = "IAM set-up failed";
    say(`${scenario.padEnd(12)} ${target.name.padEnd(10)} skipped: its IAM set-up failed`);
    return;
  }
  const requests = REQUESTS[scenario](state);
  // One request first: the response must be the right one, not merely a 200.
  if (target.name !== "bare") {
    const { responses } = await runLoad(target, { mode: "once", requests: [requests[0]], ...signedBy }, 120_000);
    const [first] = responses;
    if (first.status !== 200) row.checks.push(`check request answered HTTP ${first.status}: ${first.body.slice(0, 300)}`);
    else {
      const verdict = CHECKS[scenario](JSON.parse(first.body), state);
      if (verdict !== true) row.checks.push(verdict);
    }
  }
  const timeoutMs = (config.warmupSeconds + config.seconds) * 1000 + 60_000;
  const machine0 = machineBusySeconds();
  const server0 = target.cpuSeconds();
  row.result = await runLoad(target, { mode: "run", requests, concurrency, warmupSeconds: config.warmupSeconds, seconds: config.seconds, ...signedBy }, timeoutMs);
  const machine1 = machineBusySeconds();
  const server1 = target.cpuSeconds();
  const r = row.result;
  if (server0 !== undefined && server1 !== undefined && r.answered > 0) {
    // Server CPU per answered request (warm-up included): the cost of a request, whatever the load.
    row.serverCpuUs = ((server1 - server0) / r.answered) * 1e6;
    // Everything else that ran meanwhile — other processes make a run noisy.
    if (machine0 !== undefined && machine1 !== undefined) {
      const wall = config.warmupSeconds + config.seconds;
      row.otherCores = Math.max(0, (machine1 - machine0 - (server1 - server0) - r.cpuSeconds) / wall);
    }
  }
  say(
    `${scenario.padEnd(12)} ${target.name.padEnd(10)} ${String(Math.round(r.rps)).padStart(6)} req/s  p50 ${r.latencyMs.p50.toFixed(2)} ms  p99 ${r.latencyMs.p99.toFixed(2)} ms` +
      `  server CPU ${row.serverCpuUs?.toFixed(0)} µs/req  other processes ${row.otherCores?.toFixed(2)} cores` +
      (isValid(row) ? "" : `  INVALID: ${r.errors.count} errors ${row.checks.join("; ")}`),
  );
}

const storeLabel = (n) => (n < 1000 ? String(n) : n % 1000 === 0 ? `${n / 1000}k` : `${(n / 1000).toFixed(1)}k`);

async function main() {
  if (!existsSync(join(REPO, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is missing: run `npm ci` (or `npm run build`) first");
  }
  const work = tempDir("paramstore-bench-");
  const paramstore = await startParamstore(work, { profileDir: config.profileDir });
  say(`paramstore listening on port ${paramstore.port} (pid ${paramstore.pid}, log ${paramstore.logFile})`);
  const bare = await startBare(work);
  let moto;
  if (config.moto) {
    try {
      moto = await startMoto(work);
      say(`moto_server listening on port ${moto.port} (pid ${moto.pid})`);
    } catch (e) {
      notes.push(`moto not measured: ${e.message.split("\n")[0]}`);
      say(`moto not measured: ${e.message}`);
    }
  } else notes.push("moto not measured (BENCH_MOTO=0)");
  const stores = [paramstore, moto].filter((t) => t !== undefined);
  const all = [paramstore, bare, moto].filter((t) => t !== undefined);

  try {
    for (const t of stores) {
      await setUp(t);
      await seed(t, config.storeSmall, t === moto ? config.motoSeedConcurrency : config.seedConcurrency);
    }
    const small = storeLabel(config.storeSmall);
    for (const t of all) {
      await measure("get-string", t, small);
      // Right after the root-key row it is compared with, so both see the same machine.
      if (t === paramstore) await measure("get-string-iam-user", t, small);
    }
    for (const t of stores) await measure("get-secure", t, small);
    for (const t of stores) await measure("get-secure-cmk", t, small);
    for (const t of all) await measure("kms-encrypt", t, "");
    for (const t of all) await measure("kms-decrypt", t, "");
    for (const t of stores) await measure("bypath-small", t, storeLabel(config.storeSmall));

    if (wanted("bypath-big")) {
      await seed(paramstore, config.storeBig, config.seedConcurrency, config.seedBudgetSeconds);
      if (moto !== undefined) await seed(moto, config.motoStoreBig, config.motoSeedConcurrency, config.seedBudgetSeconds);
    }
    // A store short of BENCH_STORE_BIG is starred in the table; the notes say why.
    for (const t of stores) await measure("bypath-big", t, `${storeLabel(seeded.get(t.name))}${seeded.get(t.name) < config.storeBig ? "*" : ""}`);
    if (moto !== undefined && seeded.get("moto") === config.motoStoreBig && config.motoStoreBig < config.storeBig) {
      const motoSeed = seeds.filter((s) => s.target === "moto");
      const rate = motoSeed.reduce((a, s) => a + s.result.completed, 0) / motoSeed.reduce((a, s) => a + s.result.seconds, 0);
      notes.push(
        `* moto was seeded with ${storeLabel(config.motoStoreBig)} parameters, not ${storeLabel(config.storeBig)}: ` +
          `at its measured ${Math.round(rate)} PutParameter/s, ${storeLabel(config.storeBig)} would take about ` +
          `${Math.round(config.storeBig / rate / 60)} min.`,
      );
    }
    for (const t of stores) await measure("put", t, "");
  } finally {
    var rss = all.map((t) => ({ target: t.name, bytes: t.peakRss() }));
    const logBytes = existsSync(paramstore.logFile) ? statSync(paramstore.logFile).size : 0;
    notes.push(`paramstore wrote ${(logBytes / 1024 / 1024).toFixed(1)} MiB of JSON log during the run (default level, to a file).`);
    await Promise.all(all.map((t) => t.stop()));
  }

  const machine = describeMachine();
  const report = { rows, ratios: computeRatios(rows), rss, seeds, notes, machine, config, elapsedSeconds: elapsed() };
  process.stdout.write(`\n${render(report, false)}\n`);
  // Every figure of the run, for whoever wants more than the table (bench/results/ is not committed).
  mkdirSync(join(REPO, "bench", "results"), { recursive: true });
  writeFileSync(join(REPO, "bench", "results", "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const valid = config.scenarios === undefined && rows.every(isValid) && seeds.every((s) => s.result.errors.count === 0);
  if (!valid) {
    process.stdout.write(
      config.scenarios === undefined
        ? "\nThis run had errors: its figures are not valid; BENCHMARKS.md was not updated.\n"
        : "\nPartial run (BENCH_SCENARIOS): BENCHMARKS.md was not updated.\n",
    );
    process.exitCode = 1;
  } else if (config.write) {
    writeBenchmarks(join(REPO, "BENCHMARKS.md"), render(report, true));
    process.stdout.write("\nBENCHMARKS.md updated.\n");
  }
  if (config.profileDir !== undefined) process.stdout.write(`CPU profile of paramstore written to ${config.profileDir}\n`);
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 2;
}
process.exit();
