import { incompleteSignature, type AuthProtocol } from "../errors/auth-errors.js";

/**
 * The `SignedHeaders` list, lowercased, in the order given: it is authoritative for which headers
 * are canonicalised (sigv4.md §5.4). `host` must be among them, otherwise a signature could be
 * replayed against another endpoint.
 */
export function parseSignedHeaders(list: string, protocol: AuthProtocol): string[] {
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
  return names;
}
