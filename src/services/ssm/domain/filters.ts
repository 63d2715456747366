import {
  commonParameterPathFilter,
  constraintViolations,
  duplicateFilterKey,
  filtersAndParameterFilters,
  invalidFilterKey,
  invalidFilterOption,
  invalidFilterValue,
  labelFilterSingleValue,
  missingFilterValues,
} from "../../../errors/ssm-errors.js";
import type { ParameterScan, ParameterVersionRecord, Tag } from "../../../storage/ports.js";
import { canonicalKey, validatePath } from "./parameter-name.js";
import { DATA_TYPES } from "./parameter-value.js";
import { REQUESTED_TIERS } from "./tier.js";

/** DescribeParameters and GetParametersByPath filters (ssm-parameter-store.md §6). */

/** A `ParameterStringFilter` as the request carries it. */
export interface ParameterFilterInput {
  readonly Key?: string | undefined;
  readonly Option?: string | undefined;
  readonly Values?: readonly string[] | undefined;
}

/** A legacy `ParametersFilter` (§6.4). */
export interface LegacyFilterInput {
  readonly Key?: string | undefined;
  readonly Values?: readonly string[] | undefined;
}

export interface DescribeFilters {
  /** What the storage scan may narrow by; the predicate stays authoritative. */
  readonly scan: Pick<ParameterScan, "under" | "keyPrefix">;
  /** A `tag:` filter is present: `matches` needs the parameter's tags. */
  readonly needsTags: boolean;
  matches(record: ParameterVersionRecord, tags: readonly Tag[]): boolean;
}

export interface ByPathFilters {
  /** The `Label` filter: return the version carrying it instead of the latest (§4.4). */
  readonly label: string | null;
  /** Type and KeyId, applied to the version returned. */
  matches(record: ParameterVersionRecord): boolean;
}

type Option = "Equals" | "BeginsWith" | "Contains" | "OneLevel" | "Recursive";
interface Filter {
  readonly key: string;
  readonly option: Option;
  readonly values: readonly string[];
}

const KEY_PATTERN = "tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType";
const DESCRIBE_KEYS = ["Path", "Name", "Type", "KeyId", "Tier"];
const BY_PATH_KEYS = ["Type", "KeyId", "Label"];
const EQUALITY: readonly Option[] = ["BeginsWith", "Equals"];
const DESCRIBE_OPTIONS: Readonly<Record<string, readonly Option[]>> = {
  Name: ["BeginsWith", "Equals", "Contains"],
  Path: ["Recursive", "OneLevel"],
};
const ALLOWED_VALUES: Readonly<Record<string, readonly string[]>> = {
  Type: ["String", "StringList", "SecureString"],
  Tier: REQUESTED_TIERS,
  DataType: DATA_TYPES,
};

export function compileDescribeFilters(
  filters: readonly LegacyFilterInput[] | undefined,
  parameterFilters: readonly ParameterFilterInput[] | undefined,
): DescribeFilters {
  const legacy = filters ?? [];
  const modern = parameterFilters ?? [];
  if (legacy.length > 0 && modern.length > 0) throw filtersAndParameterFilters();
  const compiled = legacy.length > 0 ? legacy.map(legacyFilter) : validateDescribeFilters(modern);
  return {
    scan: scanHint(compiled),
    needsTags: compiled.some((f) => f.key.startsWith("tag:")),
    matches: (record, tags) => compiled.every((f) => filterMatches(f, record, tags)),
  };
}

export function compileByPathFilters(parameterFilters: readonly ParameterFilterInput[] | undefined): ByPathFilters {
  const compiled = validateByPathFilters(parameterFilters ?? []);
  const label = compiled.find((f) => f.key === "Label");
  const rest = compiled.filter((f) => f.key !== "Label");
  return {
    label: label?.values[0] ?? null,
    matches: (record) => rest.every((f) => filterMatches(f, record, [])),
  };
}

/** The model's key pattern, reported for every offending filter at once (§1.5, §6.2). */
function assertKeyPattern(filters: readonly ParameterFilterInput[]): void {
  const pattern = new RegExp(`^(?:${KEY_PATTERN})$`);
  const violations = filters.flatMap((f, i) =>
    pattern.test(f.Key ?? "")
      ? []
      : [{ value: f.Key, path: `parameterFilters.${i + 1}.member.key`, rule: `Member must satisfy regular expression pattern: ${KEY_PATTERN}` }],
  );
  if (violations.length > 0) throw constraintViolations(violations);
}

function validateDescribeFilters(filters: readonly ParameterFilterInput[]): Filter[] {
  assertKeyPattern(filters);
  const seen = new Set<string>();
  return filters.map((f) => {
    const key = f.Key ?? "";
    if (key === "Label") throw invalidFilterKey(key, DESCRIBE_KEYS);
    assertUnique(seen, key);
    const isTag = key.startsWith("tag:");
    const values = f.Values ?? [];
    if (!isTag && values.length === 0) throw missingFilterValues(key);
    const option = optionOf(f.Option, isTag ? EQUALITY : (DESCRIBE_OPTIONS[key] ?? EQUALITY), key === "Path" ? "OneLevel" : "Equals");
    assertValues(key, values);
    return { key, option, values: key === "Path" ? values.map(validatePathValue) : values };
  });
}

function validateByPathFilters(filters: readonly ParameterFilterInput[]): Filter[] {
  assertKeyPattern(filters);
  const seen = new Set<string>();
  return filters.map((f) => {
    const key = f.Key ?? "";
    if (!BY_PATH_KEYS.includes(key)) throw invalidFilterKey(key, BY_PATH_KEYS);
    assertUnique(seen, key);
    const values = f.Values ?? [];
    if (values.length === 0) throw missingFilterValues(key);
    const option = optionOf(f.Option, key === "Label" ? ["Equals"] : EQUALITY, "Equals");
    if (key === "Label" && values.length !== 1) throw labelFilterSingleValue();
    assertValues(key, values);
    return { key, option, values };
  });
}

function assertUnique(seen: Set<string>, key: string): void {
  if (seen.has(key)) throw duplicateFilterKey(key);
  seen.add(key);
}

function optionOf(option: string | undefined, allowed: readonly Option[], fallback: Option): Option {
  if (option === undefined) return fallback;
  const found = allowed.find((o) => o === option);
  if (found === undefined) throw invalidFilterOption(option, allowed);
  return found;
}

function assertValues(key: string, values: readonly string[]): void {
  const allowed = ALLOWED_VALUES[key];
  const bad = allowed === undefined ? undefined : values.find((v) => !allowed.includes(v));
  if (bad !== undefined && allowed !== undefined) throw invalidFilterValue(bad, allowed);
}

/** `/aws…`, `/ssm…` first (their own message), then the path rules of GetParametersByPath (§6.2). */
function validatePathValue(value: string): string {
  if (/^\/(aws|ssm)/i.test(value)) throw commonParameterPathFilter();
  return validatePath(value);
}

/** Legacy keys are an enum in the model; Name is a prefix match, Type and KeyId equality (§6.4). */
function legacyFilter(f: LegacyFilterInput, index: number): Filter {
  const key = f.Key ?? "";
  if (!["Name", "Type", "KeyId"].includes(key)) {
    throw constraintViolations([
      { value: key, path: `filters.${index + 1}.member.key`, rule: "Member must satisfy enum value set: [Name, Type, KeyId]" },
    ]);
  }
  return { key, option: key === "Name" ? "BeginsWith" : "Equals", values: f.Values ?? [] };
}

/** Only a single-valued filter narrows the scan; several values are ORed. */
function scanHint(filters: readonly Filter[]): Pick<ParameterScan, "under" | "keyPrefix"> {
  const path = filters.find((f) => f.key === "Path" && f.values.length === 1);
  const name = filters.find((f) => f.key === "Name" && f.option !== "Contains" && f.values.length === 1);
  const pathValue = path?.values[0];
  const nameValue = name?.values[0];
  return {
    ...(path !== undefined && pathValue !== undefined ? { under: { path: pathValue, recursive: path.option === "Recursive" } } : {}),
    ...(nameValue !== undefined ? { keyPrefix: canonicalKey(nameValue) } : {}),
  };
}

function filterMatches(f: Filter, record: ParameterVersionRecord, tags: readonly Tag[]): boolean {
  if (f.key.startsWith("tag:")) {
    const tag = tags.find((t) => t.key === f.key.slice(4));
    return tag !== undefined && (f.values.length === 0 || compare(f.option, tag.value, f.values));
  }
  switch (f.key) {
    case "Name":
      // The leading slash of a top-level name is not significant (§6.2): compare canonical keys.
      return f.option === "Contains"
        ? f.values.some((v) => record.key.includes(v))
        : compare(f.option, record.key, f.values.map(canonicalKey));
    case "Path":
      return f.values.some((p) => isUnder(record.key, p, f.option === "Recursive"));
    case "Type":
      return compare(f.option, record.type, f.values);
    case "KeyId":
      return record.type === "SecureString" && record.keyId !== null && compare(f.option, record.keyId, f.values);
    case "Tier":
      return compare(f.option, record.tier, f.values);
    case "DataType":
      return compare(f.option, record.dataType, f.values);
    default:
      return false;
  }
}

function compare(option: Option, actual: string, values: readonly string[]): boolean {
  return option === "BeginsWith" ? values.some((v) => actual.startsWith(v)) : values.includes(actual);
}

/** `path` ends with `/`; OneLevel means a direct child (§6.2). */
function isUnder(key: string, path: string, recursive: boolean): boolean {
  return key.startsWith(path) && (recursive || !key.slice(path.length).includes("/"));
}
