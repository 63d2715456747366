import type { Principal } from "../../iam/principal.js";
import type { Clock } from "../../platform/clock.js";
import type { Storage } from "../../storage/ports.js";
import { type CallerAuthority, loadCallerAuthority, type SessionFacts } from "./caller-authority.js";

interface Entry {
  readonly authority: CallerAuthority;
  readonly generation: number;
  checkedAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Callers' compiled authority, by access key. An entry is trusted for `ttlMs` (so a policy changed on
 * another node applies here within that time), then kept as long as IAM's generation counter has not
 * moved; an IAM change made through this node clears the cache at once (`invalidate`).
 */
export class AuthorityCache {
  private readonly entries = new Map<string, Entry>();
  private readonly roots = new Map<string, CallerAuthority>();

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly ttlMs = 1000,
  ) {}

  invalidate(): void {
    this.entries.clear();
  }

  async authorityOf(principal: Principal): Promise<CallerAuthority> {
    if (principal.kind === "root" || principal.kind === "system") {
      // Root's authority never changes (no policies apply to it): kept so its condition keys are made once.
      const key = `${principal.accessKeyId}\u0000${principal.arn}`;
      let root = this.roots.get(key);
      if (root === undefined) {
        root = (await loadCallerAuthority(this.storage, principal, undefined)) ?? nothing(principal);
        if (this.roots.size >= MAX_ENTRIES) this.roots.clear();
        this.roots.set(key, root);
      }
      return root;
    }
    const now = this.clock.now().getTime();
    const entry = this.entries.get(principal.accessKeyId);
    if (entry !== undefined && now - entry.checkedAt < this.ttlMs) return entry.authority;
    const generation = await this.storage.read((tx) => tx.iamGeneration());
    if (entry !== undefined && entry.generation === generation) {
      entry.checkedAt = now;
      return entry.authority;
    }
    const session = principal.sessionIssuedAt === undefined ? undefined : await this.sessionFacts(principal.accessKeyId);
    // A principal deleted since its credentials were checked has no policies: everything is denied.
    const authority = (await loadCallerAuthority(this.storage, principal, session)) ?? nothing(principal);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(principal.accessKeyId, { authority, generation, checkedAt: now });
    return authority;
  }

  private async sessionFacts(accessKeyId: string): Promise<SessionFacts | undefined> {
    const record = await this.storage.read((tx) => tx.session(accessKeyId));
    if (record === undefined) return undefined;
    return {
      issuedAt: record.issuedAt,
      sessionPolicyArns: record.sessionPolicyArns,
      tags: record.tags,
      ...(record.sessionPolicy === undefined ? {} : { sessionPolicy: record.sessionPolicy }),
      ...(record.sourceIdentity === undefined ? {} : { sourceIdentity: record.sourceIdentity }),
    };
  }
}

function nothing(principal: Principal): CallerAuthority {
  const kind = principal.kind === "assumed-role" ? "assumed-role" : principal.kind === "user" ? "user" : "root";
  return {
    facts: { kind, arn: principal.arn, principalArn: principal.roleArn ?? principal.arn, accountId: principal.accountId, userId: principal.userId },
    identity: [],
  };
}
