import type { AccessControl } from "../access.js";

/**
 * For tests of a service's own rules, called as the account root through the service: an access control
 * that allows everything. Authorisation itself is tested through the server (test/e2e/iam-journey…).
 */
export const UNRESTRICTED_ACCESS: AccessControl = {
  require: async () => undefined,
  check: async () => ({ allowed: true, message: "" }),
};
