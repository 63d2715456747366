import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";

/** Distinct SignedHeaders lists remembered; each SDK sends one or two, so this is plenty. */
const MAX_CACHED_LISTS = 256;
const parsed = new Map<string, readonly string[]>();

/**
 * The `SignedHeaders` list, lowercased, in the order given: it is authoritative for which headers
 * are canonicalised (sigv4.md §5.4). `host` must be among them, otherwise a signature could be
 * replayed against another endpoint. Every request of one client carries the same list, so valid
 * lists are remembered instead of split again.
 */
export function parseSignedHeaders(list: string, protocol: AuthProtocol): readonly string[] {
  const cached = parsed.get(list);
  if (cached !== undefined) return cached;
  const names = list.split(";");
  let hasHost = false;
  for (let i = 0; i < names.length; i++) {
    const name = (names[i] as string).toLowerCase();
    names[i] = name;
    if (name === "host") hasHost = true;
  }
  if (!hasHost) {
    throw incompleteSignature(protocol, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (parsed.size >= MAX_CACHED_LISTS) parsed.clear();
  const frozen = Object.freeze(names);
  parsed.set(list, frozen);
  return frozen;
}
