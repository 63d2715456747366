import {
  hierarchyLevelLimitExceeded,
  invalidNameSyntax,
  invalidPath,
  parameterNameTooLong,
  reservedParameterName,
} from "../../../errors/ssm-errors.js";
import { MAX_HIERARCHY_LEVELS, MAX_PARAMETER_ARN_LENGTH } from "./limits.js";

/** Where a parameter lives: its ARN depends on all three (§2.5). */
export interface ParameterScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** A name after validation: `name` keeps the request's spelling (echoed by reads), `key` is canonical. */
export interface ParameterName {
  readonly name: string;
  readonly key: string;
}

/**
 * `read`: GetParameter(s), GetParameterHistory, DescribeParameters — `aws…` names may be read (public
 * and Secrets Manager namespaces, §2.2). `write`: Put, Delete, Label, Unlabel, tags, policies — an
 * `aws…` name is AccessDeniedException.
 */
export type NameAccess = "read" | "write";

const SEGMENT = /^[a-zA-Z0-9_.-]+$/;

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** `foo` and `/foo` are one parameter; `/a/b` always carries its slash (§2.4). */
export function canonicalKey(name: string): string {
  return name.startsWith("/") ? name : `/${name}`;
}

/** §2.5: `parameter` + (`/` unless the name has one) + name; public parameters pass account "". */
export function parameterArn(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:ssm:${region}:${account}:parameter${name.startsWith("/") ? "" : "/"}${name}`;
}

/** The model doc: leading and trailing spaces are removed before the name is processed (§2.1). */
export function trimName(raw: string): string {
  return raw.replace(/^ +| +$/g, "");
}

/** `a-zA-Z0-9_.-` segments; a path starts with `/`, has no empty segment and no trailing `/` (§2.1). */
export function isNameSyntaxValid(name: string): boolean {
  const segments = name.startsWith("/") ? name.slice(1).split("/") : [name];
  return segments.every((s) => SEGMENT.test(s));
}

/** The reserved prefix of a name (after an optional leading slash), case-insensitive (§2.2). */
export function reservedPrefixOf(name: string): "aws" | "ssm" | null {
  const head = name.replace(/^\//, "").slice(0, 3).toLowerCase();
  return head === "aws" || head === "ssm" ? head : null;
}

/**
 * Trims and validates a parameter name (not an ARN, not a selector): syntax and `ssm` prefix → M1;
 * `aws` prefix on a write → AccessDeniedException. Syntax is checked before any existence check.
 */
export function parseParameterName(raw: string, access: NameAccess): ParameterName {
  const name = trimName(raw);
  if (!isNameSyntaxValid(name)) throw invalidNameSyntax();
  const reserved = reservedPrefixOf(name);
  if (reserved === "ssm") throw invalidNameSyntax();
  if (reserved === "aws" && access === "write") throw reservedParameterName(name);
  return { name, key: canonicalKey(name) };
}

/** The effective name limit is the full ARN's length (§2.3), so it depends on region and account. */
export function assertArnLength(name: string, scope: ParameterScope): void {
  if (parameterArn(scope.partition, scope.region, scope.account, name).length > MAX_PARAMETER_ARN_LENGTH) {
    throw parameterNameTooLong(MAX_PARAMETER_ARN_LENGTH);
  }
}

/** PutParameter checks depth late, after the value and pattern checks (§4.1 order). */
export function assertHierarchyDepth(name: string): void {
  if (hierarchyLevels(name) > MAX_HIERARCHY_LEVELS) throw hierarchyLevelLimitExceeded();
}

export function hierarchyLevels(name: string): number {
  return canonicalKey(name).split("/").length - 1;
}

/** A write's full name check: parse, then the ARN length (depth comes later, see assertHierarchyDepth). */
export function parseNameForWrite(raw: string, scope: ParameterScope): ParameterName {
  const parsed = parseParameterName(raw, "write");
  assertArnLength(parsed.name, scope);
  return parsed;
}

/** A path's shape: `/`, or `/seg(/seg)*` with an optional trailing `/` (§4.4). */
export function isPathSyntaxValid(path: string): boolean {
  if (path === "/") return true;
  if (!path.startsWith("/")) return false;
  const body = path.endsWith("/") ? path.slice(1, -1) : path.slice(1);
  return body.split("/").every((s) => SEGMENT.test(s));
}

/** `/aws/service/…` is readable by path (§4.4, §7.1); every other `aws`/`ssm` path is refused. */
function isReservedPath(path: string): boolean {
  if (/^\/aws\/service(\/|$)/.test(path)) return false;
  return reservedPrefixOf(path) !== null;
}

/** GetParametersByPath `Path` → the path ending in `/` (`/` stays `/`), or the §4.4 ValidationException. */
export function validatePath(path: string): string {
  if (!isPathSyntaxValid(path) || isReservedPath(path)) throw invalidPath();
  return path.endsWith("/") ? path : `${path}/`;
}
