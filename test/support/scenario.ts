import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DeleteResourcePolicyCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  GetResourcePoliciesCommand,
  GetServiceSettingCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  PutResourcePolicyCommand,
  RemoveTagsFromResourceCommand,
  ResetServiceSettingCommand,
  SSMServiceException,
  UnlabelParameterVersionCommand,
  UpdateServiceSettingCommand,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { aws } from "./aws-cli.js";
import { boto3 } from "./boto3.js";
import { ssmClient } from "./sdk.js";

/**
 * One table of Parameter Store calls, played through the aws CLI, boto3 and SDK v3, each answer
 * reduced to a client-independent form so that the three can be compared with one expectation.
 */

const SDK_COMMANDS = {
  PutParameter: (c, i) => c.send(new PutParameterCommand(i as never)),
  GetParameter: (c, i) => c.send(new GetParameterCommand(i as never)),
  GetParameters: (c, i) => c.send(new GetParametersCommand(i as never)),
  GetParametersByPath: (c, i) => c.send(new GetParametersByPathCommand(i as never)),
  DeleteParameter: (c, i) => c.send(new DeleteParameterCommand(i as never)),
  DeleteParameters: (c, i) => c.send(new DeleteParametersCommand(i as never)),
  DescribeParameters: (c, i) => c.send(new DescribeParametersCommand(i as never)),
  GetParameterHistory: (c, i) => c.send(new GetParameterHistoryCommand(i as never)),
  LabelParameterVersion: (c, i) => c.send(new LabelParameterVersionCommand(i as never)),
  UnlabelParameterVersion: (c, i) => c.send(new UnlabelParameterVersionCommand(i as never)),
  AddTagsToResource: (c, i) => c.send(new AddTagsToResourceCommand(i as never)),
  RemoveTagsFromResource: (c, i) => c.send(new RemoveTagsFromResourceCommand(i as never)),
  ListTagsForResource: (c, i) => c.send(new ListTagsForResourceCommand(i as never)),
  GetServiceSetting: (c, i) => c.send(new GetServiceSettingCommand(i as never)),
  UpdateServiceSetting: (c, i) => c.send(new UpdateServiceSettingCommand(i as never)),
  ResetServiceSetting: (c, i) => c.send(new ResetServiceSettingCommand(i as never)),
  PutResourcePolicy: (c, i) => c.send(new PutResourcePolicyCommand(i as never)),
  GetResourcePolicies: (c, i) => c.send(new GetResourcePoliciesCommand(i as never)),
  DeleteResourcePolicy: (c, i) => c.send(new DeleteResourcePolicyCommand(i as never)),
} satisfies Record<string, (client: SSMClient, input: Params) => Promise<unknown>>;

export type OperationName = keyof typeof SDK_COMMANDS;
export const OPERATIONS = Object.keys(SDK_COMMANDS) as OperationName[];

export type Params = Readonly<Record<string, unknown>>;

/** Values earlier rows captured from their own client's answers (policy ids, hashes, tokens), and `region`. */
export type Captures = (key: string) => string;

export interface Row {
  /** Unique; names the row in test output. */
  readonly id: string;
  readonly op: OperationName;
  readonly params: Params | ((captured: Captures) => Params);
  readonly expected: Answer;
  /** Capture key → top-level member of this row's raw successful output. */
  readonly capture?: Readonly<Record<string, string>>;
}

/** Rows of one phase do not depend on each other, so a client may run them in any order or at once. */
export type Phase = readonly Row[];

export type Answer =
  | { readonly ok: Record<string, unknown> }
  | { readonly error: { readonly code: string; readonly message: string; readonly status?: number } };

export type ClientName = "cli" | "boto3" | "sdk";

/** What one client saw for one row: the normalised answer (compared) and the request id (checked apart). */
export interface Observed {
  readonly answer: unknown;
  readonly requestId?: string | undefined;
}

interface RawCall {
  readonly op: OperationName;
  readonly params: Params;
}

/** Output of one call before normalisation: success output, or the error as the client reports it. */
type RawOutcome =
  | { readonly ok: Record<string, unknown>; readonly requestId?: string | undefined }
  | { readonly error: { readonly code: string; readonly message: string; readonly status?: number }; readonly requestId?: string | undefined }
  | { readonly unexpected: string };

type PhaseRunner = (calls: readonly RawCall[]) => Promise<RawOutcome[]>;

/** Runs every phase in order through one client in one region; returns each row's observation by id. */
export async function playScenario(
  client: ClientName,
  endpoint: string,
  region: string,
  phases: readonly Phase[],
  options: { cliConcurrency?: number } = {},
): Promise<Map<string, Observed>> {
  const run = phaseRunner(client, endpoint, region, options.cliConcurrency ?? 4);
  const captured = new Map<string, string>([["region", region]]);
  const capturedValue: Captures = (key) => {
    const value = captured.get(key);
    if (value === undefined) throw new Error(`${client}: nothing captured as ${key} (did its row fail?)`);
    return value;
  };
  const observed = new Map<string, Observed>();
  for (const phase of phases) {
    // A row whose input needs a value an earlier failure never captured is reported, not sent.
    const ready: Array<{ row: Row; call: RawCall }> = [];
    for (const row of phase) {
      try {
        ready.push({ row, call: { op: row.op, params: typeof row.params === "function" ? row.params(capturedValue) : row.params } });
      } catch (e) {
        observed.set(row.id, { answer: { unexpected: String(e) } });
      }
    }
    const outcomes = await run(ready.map((r) => r.call));
    ready.forEach(({ row }, i) => {
      const outcome = outcomes[i] ?? { unexpected: "no outcome" };
      if ("ok" in outcome) {
        for (const [key, member] of Object.entries(row.capture ?? {})) {
          const value = outcome.ok[member];
          if (typeof value === "string") captured.set(key, value);
        }
      }
      observed.set(row.id, { answer: normaliseOutcome(outcome, region), requestId: "unexpected" in outcome ? undefined : outcome.requestId });
    });
  }
  return observed;
}

/** The expected answer as a given client can show it: the CLI prints no HTTP status. */
export function expectedFor(client: ClientName, expected: Answer): Answer {
  if (client !== "cli" || !("error" in expected)) return expected;
  return { error: { code: expected.error.code, message: expected.error.message } };
}

// ---- the three clients ----------------------------------------------------------------------------

function phaseRunner(client: ClientName, endpoint: string, region: string, cliConcurrency: number): PhaseRunner {
  switch (client) {
    case "sdk": {
      const sdk = ssmClient(endpoint, region);
      return async (calls) => {
        const outcomes: RawOutcome[] = [];
        for (const call of calls) outcomes.push(await sdkCall(sdk, call));
        return outcomes;
      };
    }
    case "boto3":
      return async (calls) => {
        const results = await boto3(endpoint, calls.map((c) => ({ op: snake(c.op), params: { ...c.params } })), { region });
        return results.map((r): RawOutcome => {
          if ("ok" in r) return { ok: r.ok, requestId: r.requestId };
          if ("error" in r) return { error: r.error };
          return { unexpected: `boto3 refused the call before sending it: ${r.clientValidation}` };
        });
      };
    case "cli":
      return (calls) => mapConcurrently(calls, cliConcurrency, (call) => cliCall(endpoint, region, call));
    default: {
      const never: never = client;
      return never;
    }
  }
}

async function sdkCall(sdk: SSMClient, call: RawCall): Promise<RawOutcome> {
  try {
    const out = (await SDK_COMMANDS[call.op](sdk, call.params)) as Record<string, unknown> & { $metadata: { requestId?: string } };
    const { $metadata, ...rest } = out;
    return { ok: rest, requestId: $metadata.requestId };
  } catch (e) {
    if (!(e instanceof SSMServiceException)) return { unexpected: `SDK call failed without a service error: ${String(e)}` };
    return {
      // SDK v3 fills in "UnknownError" when the error body has no message member.
      error: { code: e.name, message: e.message === "UnknownError" ? "" : e.message, ...(e.$metadata.httpStatusCode === undefined ? {} : { status: e.$metadata.httpStatusCode }) },
      requestId: e.$metadata.requestId,
    };
  }
}

/** botocore's ClientError text, which the CLI prints on stderr; standard retry mode adds the retry note. */
const CLI_ERROR = /An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)$/s;

async function cliCall(endpoint: string, region: string, call: RawCall): Promise<RawOutcome> {
  const result = await aws(endpoint, cliArgs(call.op, call.params), { AWS_DEFAULT_REGION: region });
  if (result.status === 0) {
    // An empty output shape prints nothing.
    if (result.stdout.trim() === "") return { ok: {} };
    if (typeof result.json !== "object" || result.json === null) return { unexpected: `CLI printed non-JSON: ${result.stdout}` };
    return { ok: result.json as Record<string, unknown> };
  }
  // The CLI prints the error between newlines; an absent message leaves "operation: " at the end.
  const m = CLI_ERROR.exec(result.stderr.replace(/\r?\n$/, ""));
  if (m === null || m[1] === undefined || m[3] === undefined) return { unexpected: `CLI exit ${result.status}: ${result.stderr}` };
  if (m[2] !== call.op) return { unexpected: `CLI named operation ${m[2]} for ${call.op}` };
  return { error: { code: m[1], message: m[3] } };
}

/**
 * The command line a user would type: `--member value` in kebab case, booleans as `--x`/`--no-x`,
 * string lists as separate words, structures as JSON. `--no-paginate` so list operations print the
 * one page the server sent, as boto3 and the SDK see it.
 */
export function cliArgs(op: OperationName, params: Params): string[] {
  const args = ["ssm", kebab(op)];
  for (const [member, value] of Object.entries(params)) {
    const flag = `--${kebab(member)}`;
    if (typeof value === "boolean") args.push(value ? flag : `--no-${kebab(member)}`);
    else if (typeof value === "number" || typeof value === "string") args.push(`${flag}=${value}`);
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) args.push(flag, ...(value as string[]));
    else args.push(`${flag}=${JSON.stringify(value)}`);
  }
  return [...args, "--no-paginate"];
}

const words = (pascal: string): string[] => pascal.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
const kebab = (pascal: string): string => words(pascal).join("-");
const snake = (pascal: string): string => words(pascal).join("_");

async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---- normalisation ----------------------------------------------------------------------------------

export const DATE = "<date>";
export const REGION = "<region>";
export const CIPHERTEXT = "<ciphertext>";
export const POLICY_ID = "<policy-id>";
export const POLICY_HASH = "<policy-hash>";
export const NEXT_TOKEN = "<next-token>";

function normaliseOutcome(outcome: RawOutcome, region: string): unknown {
  if ("unexpected" in outcome) return outcome;
  if ("ok" in outcome) return { ok: normalise(outcome.ok, region) };
  return { error: normalise(outcome.error, region) };
}

/**
 * Replaces what legitimately differs between clients and runs: dates (a number, an ISO string or a
 * Date, by client), the region, SecureString ciphertext and server-chosen ids. A member in an
 * unexpected form is left as it is, so the comparison shows it.
 */
function normalise(value: unknown, region: string, key?: string, owner?: Record<string, unknown>): unknown {
  if (value instanceof Date) return key === "LastModifiedDate" ? DATE : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => normalise(v, region));
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      if (v !== undefined) out[k] = normalise(v, region, k, record);
    }
    return out;
  }
  if (key === "LastModifiedDate" && (typeof value === "number" || (typeof value === "string" && !Number.isNaN(Date.parse(value))))) return DATE;
  if (typeof value !== "string") return value;
  if (key === "Value" && owner?.["Type"] === "SecureString" && isCiphertext(value)) return CIPHERTEXT;
  if (key === "PolicyId" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) return POLICY_ID;
  if (key === "PolicyHash" && value !== "") return POLICY_HASH;
  if (key === "NextToken" && value !== "") return NEXT_TOKEN;
  return value.split(region).join(REGION);
}

/** Opaque base64, long enough to be an encrypted blob rather than a short plaintext. */
function isCiphertext(value: string): boolean {
  return /^[A-Za-z0-9+/]{40,}={0,2}$/.test(value) && Buffer.from(value, "base64").toString("base64") === value;
}
