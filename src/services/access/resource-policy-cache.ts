import type { Clock } from "../../platform/clock.js";
import type { Storage } from "../../storage/ports.js";

const MAX_ENTRIES = 100_000;

/**
 * Each parameter's resource policies, merged into one document (null: none), so that authorising an
 * SSM request does not read them every time (a read transaction was ~20 µs of a GetParameter).
 *
 * Entries are valid for one value of the store's resource-policy generation, which every policy change
 * moves forward. The generation is re-read at most once per `ttlMs` — a change made through another
 * node applies here within that time, as for IAM (AuthorityCache) — and at once after `invalidate()`,
 * which this node calls after its own changes. A load compares the generation it read in the same
 * snapshot as the policies: one older than the cache's never lands, so an invalidation cannot be undone
 * by a load that started before it.
 */
export class ResourcePolicyCache {
  private readonly entries = new Map<string, string | null>();
  private generation = -1;
  private checkedAt = -Infinity;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly ttlMs = 1000,
  ) {}

  /** The next lookup re-reads the generation (and drops every entry if it moved). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /** The parameter's policies as one document's text, or null when it has none. */
  async merged(region: string, key: string): Promise<string | null> {
    const now = this.clock.now().getTime();
    if (now - this.checkedAt >= this.ttlMs) {
      const generation = await this.storage.read((tx) => tx.resourcePolicyGeneration());
      this.adopt(generation);
      this.checkedAt = now;
    }
    const id = `${region}\u0000${key}`;
    const cached = this.entries.get(id);
    if (cached !== undefined) return cached;
    const { generation, texts } = await this.storage.read(async (tx) => ({
      generation: await tx.resourcePolicyGeneration(),
      texts: (await tx.resourcePolicies(region, key)).map((p) => p.policy),
    }));
    const merged = texts.length === 0 ? null : mergedDocument(texts);
    if (generation >= this.generation) {
      this.adopt(generation);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(id, merged);
    }
    return merged;
  }

  /** Moves to a newer generation, dropping every entry; an older one (a slow read) changes nothing. */
  private adopt(generation: number): void {
    if (generation <= this.generation) return;
    this.entries.clear();
    this.generation = generation;
  }
}

/** A parameter may hold several resource policies; together they act as one document's statements. */
function mergedDocument(texts: readonly string[]): string {
  const statements: unknown[] = [];
  for (const text of texts) {
    try {
      const doc: unknown = JSON.parse(text);
      const st = typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>)["Statement"] : undefined;
      if (Array.isArray(st)) statements.push(...(st as unknown[]));
      else if (st !== undefined) statements.push(st);
    } catch {
      // Stored policies were validated on write; an unreadable one grants nothing.
    }
  }
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
