import type { ParameterScan, ParameterVersionRecord, ReadTx, Tag } from "../../storage/ports.js";

/**
 * Rows one DescribeParameters request may examine (ours). AWS pages over the unfiltered set and
 * filters afterwards, so a sparse filter yields short or empty pages with a NextToken
 * (ssm-parameter-store.md §4.7); we do the same past this many rows, so that no request's cost
 * grows with the store.
 */
export const MAX_ROWS_EXAMINED_PER_PAGE = 500;

/** Rows fetched per storage call once the first call (page size + 1) did not fill the page. */
const SCAN_BATCH = 100;

export interface FilteredScan {
  readonly region: string;
  /** The storage push-down (path, key prefix); `matches` stays authoritative. */
  readonly hint: Pick<ParameterScan, "under" | "keyPrefix">;
  /** Keyset position from the request's NextToken. */
  readonly afterKey: string | undefined;
  readonly pageSize: number;
  readonly needsTags: boolean;
  matches(record: ParameterVersionRecord, tags: readonly Tag[]): boolean;
  /** Defaults to MAX_ROWS_EXAMINED_PER_PAGE; at least pageSize + 1. */
  readonly budget?: number;
}

export interface FilteredPage {
  readonly records: readonly ParameterVersionRecord[];
  /** Where the next request resumes; null when nothing is left (then no NextToken is sent). */
  readonly resumeAfter: string | null;
}

/**
 * One page of matching parameters in key order. A NextToken is only promised when another match
 * was seen or the budget ran out before the end of the store: a page that ends the listing never
 * carries one.
 */
export async function scanFilteredPage(tx: ReadTx, q: FilteredScan): Promise<FilteredPage> {
  const budget = Math.max(q.budget ?? MAX_ROWS_EXAMINED_PER_PAGE, q.pageSize + 1);
  const records: ParameterVersionRecord[] = [];
  let after = q.afterKey;
  let examined = 0;
  for (;;) {
    const limit = Math.min(budget - examined, examined === 0 ? q.pageSize + 1 : SCAN_BATCH);
    const rows = await tx.scan(q.region, { ...q.hint, ...(after !== undefined ? { afterKey: after } : {}), limit });
    for (const row of rows) {
      examined++;
      const tags = q.needsTags ? await tx.tags(q.region, row.key) : [];
      if (q.matches(row, tags)) {
        // One match past a full page proves a next page; resume right after the page's last entry.
        if (records.length === q.pageSize) return { records, resumeAfter: records[records.length - 1]?.key ?? null };
        records.push(row);
      }
      after = row.key;
    }
    if (rows.length < limit) return { records, resumeAfter: null };
    if (examined >= budget) return { records, resumeAfter: after ?? null };
  }
}
