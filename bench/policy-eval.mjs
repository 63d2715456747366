// How long one authorization decision takes against 10 identity policies of 10 statements each
// (iam-policy-evaluation.md §10 target: microseconds). Runs against dist/ (npx tsc -p tsconfig.build.json).
// Usage: node bench/policy-eval.mjs [iterations]
import { compilePolicy } from "../dist/policy/compile-policy.js";
import { ConditionContext } from "../dist/policy/condition-context.js";
import { evaluate } from "../dist/policy/evaluate.js";
import { principalContext } from "../dist/policy/principal-facts.js";

const iterations = Number(process.argv[2] ?? 100_000);
const ACCOUNT = "123456789012";
const param = (name) => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${name}`;

// Ten statements of the shapes real policies use: exact and wildcard actions, path wildcards,
// variables, and condition blocks; none matches the request below except the last policy's last
// statement, so every statement is examined and the request is allowed at the end.
function statements(p) {
  return [
    { Effect: "Allow", Action: ["ssm:PutParameter", "ssm:DeleteParameter"], Resource: param(`team-${p}/*`) },
    { Effect: "Allow", Action: "ssm:GetParameter*", Resource: param(`svc-${p}/*`) },
    { Effect: "Allow", Action: "kms:Decrypt", Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-${p}` },
    { Effect: "Deny", Action: "ssm:DeleteParameter*", Resource: param("prod/*") },
    { Effect: "Allow", Action: "ssm:GetParameter", Resource: param(`home/\${aws:username}-${p}/*`) },
    { Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": `team-${p}` } } },
    { Effect: "Deny", Action: "ssm:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    { Effect: "Allow", Action: "ssm:Describe*", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": `10.${p}.0.0/16` } } },
    { Effect: "Allow", Action: "ssm:GetParameter", Resource: param(`x-${p}/*`), Condition: { "ForAllValues:StringLike": { "aws:TagKeys": ["app-*"] } } },
    { Effect: "Allow", Action: "ssm:GetParameter", Resource: p === 9 ? param("app/prod/*") : param(`y-${p}/*`) },
  ];
}

const policies = Array.from({ length: 10 }, (_, p) =>
  compilePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements(p) }), {
    kind: "managed",
    arn: `arn:aws:iam::${ACCOUNT}:policy/bench-${p}`,
  }),
);
const principal = {
  kind: "user",
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  userId: "AIDAALICEEXAMPLE00001",
  userName: "alice",
  tags: { team: "payments" },
};
const requestKeys = {
  "aws:SourceIp": "192.0.2.10",
  "aws:SecureTransport": "true",
  "aws:CurrentTime": "2024-05-01T12:00:00Z",
  "aws:RequestedRegion": "us-east-1",
  "aws:ResourceTag/team": "payments",
};
const set = { mode: "standard", identity: policies };

function once(context) {
  return evaluate({ principal, action: "ssm:GetParameter", resource: param("app/prod/db/password"), context }, set);
}

const shared = new ConditionContext(principalContext(principal), requestKeys);
const check = once(shared);
if (!check.allowed) throw new Error(`bench request should be allowed, got ${check.reason}`);

// CPU time as well as wall time (on a shared machine the wall clock also counts other processes);
// the best of five rounds, the least disturbed one.
function measure(label, fn) {
  for (let i = 0; i < 20_000; i++) fn();
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < 5; round++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - start) / iterations);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, ((used.user + used.system) * 1000) / iterations);
  }
  process.stdout.write(`${label}: ${bestWall.toFixed(0)} ns wall, ${bestCpu.toFixed(0)} ns CPU per evaluation (best of 5)\n`);
}

process.stdout.write(`10 policies x 10 statements, ${iterations} iterations\n`);
measure("evaluate (context built once)", () => once(shared));
measure("evaluate + building the request context", () => once(new ConditionContext(principalContext(principal), requestKeys)));
