import { createHash, timingSafeEqual } from "node:crypto";
import type { CredentialDirectory, DirectoryEntry } from "../auth/sigv4-verifier.js";
import { rootPrincipal, type Principal } from "../iam/principal.js";
import type { Clock } from "../platform/clock.js";
import { lookupAccessKey } from "../services/iam/access-key-directory.js";
import { iamArn } from "../services/iam/arns.js";
import type { CredentialSealer } from "../services/operation.js";
import type { Storage } from "../storage/ports.js";
import type { RootCredentials } from "./root-credentials.js";

interface Cached {
  readonly entry: DirectoryEntry | undefined;
  readonly at: number;
}

const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * Who an access key belongs to: the account root (bootstrap credentials), an IAM user's long-term
 * key (AKIA…), or STS temporary credentials (ASIA…). Answers are cached for a second, so a key
 * deactivated or deleted on another node stops working within that time; on this node `invalidate`
 * (called after every IAM change) makes it immediate.
 */
export class ServerCredentialDirectory implements CredentialDirectory {
  private readonly cache = new Map<string, Cached>();
  private readonly root: Principal;
  private readonly scope: { readonly partition: string; readonly accountId: string };

  constructor(
    private readonly rootCredentials: RootCredentials,
    private readonly accountId: string,
    private readonly storage: Storage,
    private readonly sealer: CredentialSealer,
    private readonly clock: Clock,
  ) {
    this.root = rootPrincipal(accountId, rootCredentials.accessKeyId);
    this.scope = { partition: "aws", accountId };
  }

  invalidate(): void {
    this.cache.clear();
  }

  async lookup(accessKeyId: string, sessionToken: string | undefined): Promise<DirectoryEntry | undefined> {
    if (accessKeyId === this.rootCredentials.accessKeyId) {
      return { secretAccessKey: this.rootCredentials.secretAccessKey, principal: this.root };
    }
    const now = this.clock.now().getTime();
    const hit = this.cache.get(accessKeyId);
    const entry = hit !== undefined && now - hit.at < TTL_MS ? hit.entry : await this.load(accessKeyId, now);
    if (entry?.sessionToken === undefined) return entry;
    // Only the token's hash is stored: present the verifier the token itself when it matches.
    return { ...entry, sessionToken: tokenMatches(sessionToken, entry.sessionToken) ? (sessionToken ?? "") : entry.sessionToken };
  }

  private async load(accessKeyId: string, now: number): Promise<DirectoryEntry | undefined> {
    const entry = accessKeyId.startsWith("ASIA") ? await this.session(accessKeyId) : await this.longTerm(accessKeyId);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(accessKeyId, { entry, at: now });
    return entry;
  }

  private async longTerm(accessKeyId: string): Promise<DirectoryEntry | undefined> {
    const found = await lookupAccessKey(this.storage, this.sealer, accessKeyId, { accountId: this.accountId });
    if (found === undefined) return undefined;
    const { user } = found;
    return {
      secretAccessKey: found.secretAccessKey,
      principal: { accountId: this.accountId, arn: user.arn, accessKeyId, kind: "user", userId: user.userId, userName: user.name },
    };
  }

  /** The entry's `sessionToken` holds the stored hash (hex) until `lookup` compares it. */
  private async session(accessKeyId: string): Promise<DirectoryEntry | undefined> {
    const found = await this.storage.read(async (tx) => {
      const session = await tx.session(accessKeyId);
      if (session === undefined) return undefined;
      if (session.principal.kind === "root") return { session };
      if (session.principal.kind === "user") {
        const user = await tx.iamUserById(session.principal.userId);
        return user === undefined ? undefined : { session, user };
      }
      const role = await tx.iamRoleById(session.principal.roleId);
      return role === undefined ? undefined : { session, role };
    });
    if (found === undefined) return undefined;
    const secretAccessKey = this.sealer.open(found.session.sealedSecret, accessKeyId);
    if (secretAccessKey === undefined) return undefined;
    const { session } = found;
    const common = { secretAccessKey, sessionToken: Buffer.from(session.tokenHash).toString("hex"), expiration: new Date(session.expiresAt) };
    if (session.principal.kind === "root") {
      // GetSessionToken by the account root: the root, on temporary credentials.
      return { ...common, principal: { ...rootPrincipal(this.accountId, accessKeyId), sessionIssuedAt: session.issuedAt } };
    }
    if ("user" in found && found.user !== undefined) {
      const user = found.user;
      return {
        ...common,
        principal: {
          accountId: this.accountId,
          arn: iamArn(this.scope, "user", user.path, user.name),
          accessKeyId,
          kind: "user",
          userId: user.userId,
          userName: user.name,
          sessionIssuedAt: session.issuedAt,
        },
      };
    }
    const role = "role" in found ? found.role : undefined;
    if (role === undefined) return undefined;
    const sessionName = session.sessionName ?? "";
    return {
      ...common,
      principal: {
        accountId: this.accountId,
        arn: `arn:aws:sts::${this.accountId}:assumed-role/${role.name}/${sessionName}`,
        accessKeyId,
        kind: "assumed-role",
        userId: `${role.roleId}:${sessionName}`,
        roleArn: iamArn(this.scope, "role", role.path, role.name),
        sessionIssuedAt: session.issuedAt,
      },
    };
  }
}

function tokenMatches(presented: string | undefined, storedHashHex: string): boolean {
  if (presented === undefined) return false;
  const hash = createHash("sha256").update(presented, "utf8").digest();
  const stored = Buffer.from(storedHashHex, "hex");
  return stored.length === hash.length && timingSafeEqual(hash, stored);
}
