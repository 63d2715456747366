import type { ParameterVersionRecord, ReadTx } from "../../storage/ports.js";
import type { ByPathFilters } from "./domain/filters.js";

/**
 * Rows one GetParametersByPath request may examine when filters are present (ours). AWS allows short
 * and even empty pages with a NextToken (§4.4); past this many rows we send one, so that a sparse
 * filter never makes a request's cost grow with the store.
 */
const MAX_ROWS_EXAMINED = 500;
/** Rows fetched per storage call after the first (page size + 1). */
const SCAN_BATCH = 100;

export interface ByPathQuery {
  readonly region: string;
  /** Ends with `/`. */
  readonly path: string;
  readonly recursive: boolean;
  readonly filters: ByPathFilters;
  /** Keyset position from the request's NextToken. */
  readonly afterKey: string | undefined;
  readonly pageSize: number;
}

export interface ByPathPage {
  /** The version each listed parameter contributes: the latest, or the one carrying the Label filter's label. */
  readonly records: readonly ParameterVersionRecord[];
  /** Where the next request resumes; null when nothing is left, so the last page has no NextToken. */
  readonly resumeAfter: string | null;
}

/**
 * One page of the parameters under a path in key order. A NextToken is promised only when one more
 * match was seen, or the row budget ran out before the end of the path.
 */
export async function scanByPathPage(tx: ReadTx, q: ByPathQuery): Promise<ByPathPage> {
  const records: ParameterVersionRecord[] = [];
  let after = q.afterKey;
  let examined = 0;
  const budget = Math.max(MAX_ROWS_EXAMINED, q.pageSize + 1);
  for (;;) {
    const limit = Math.min(budget - examined, examined === 0 ? q.pageSize + 1 : SCAN_BATCH);
    const rows = await tx.scan(q.region, {
      under: { path: q.path, recursive: q.recursive },
      ...(after !== undefined ? { afterKey: after } : {}),
      limit,
    });
    for (const row of rows) {
      examined++;
      const candidate = q.filters.label === null ? row : await tx.versionByLabel(q.region, row.key, q.filters.label);
      if (candidate !== undefined && q.filters.matches(candidate)) {
        // A match past a full page proves there is a next one; it resumes after this page's last entry.
        if (records.length === q.pageSize) return { records, resumeAfter: records.at(-1)?.key ?? null };
        records.push(candidate);
      }
      after = row.key;
    }
    if (rows.length < limit) return { records, resumeAfter: null };
    if (examined >= budget) return { records, resumeAfter: after ?? null };
  }
}
