import { incompleteSignature, signatureError, type AuthProtocol } from "../errors/auth-errors.js";

/** `<AKID>/<YYYYMMDD>/<region>/<service>/aws4_request`, split (sigv4.md §2, §4). */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
}

const EXPECTING = `the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`;

/** Exactly five `/`-separated parts with a non-empty access key id; wording after S3's (unverified). */
export function parseCredential(value: string, source: "header" | "query", protocol: AuthProtocol): CredentialScope {
  const parts = value.split("/");
  if (parts.length !== 5 || parts[0] === "") {
    throw incompleteSignature(
      protocol,
      source === "header"
        ? `The authorization header is malformed; ${EXPECTING}`
        : `Error parsing the X-Amz-Credential parameter; ${EXPECTING}`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, date, region, service, terminator };
}

function isRegionName(region: string): boolean {
  if (region.length === 0 || region.length > 64) return false;
  for (let i = 0; i < region.length; i++) {
    const c = region.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/**
 * The scope must name the request's day, a region, the service the request was routed to (so a
 * signature made for kms cannot be replayed against ssm) and the `aws4_request` terminator.
 * AWS's messages end in a space; kept.
 */
export function checkCredentialScope(
  scope: CredentialScope,
  amzDate: string,
  expectedService: string,
  protocol: AuthProtocol,
): void {
  const requestDay = amzDate.slice(0, 8);
  if (scope.date !== requestDay) {
    throw signatureError(
      protocol,
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${scope.date}' != '${requestDay}', from '${amzDate}'.`,
    );
  }
  if (!isRegionName(scope.region)) {
    throw signatureError(protocol, `Credential should be scoped to a valid region, not '${scope.region}'. `);
  }
  if (scope.service !== expectedService) {
    throw signatureError(protocol, `Credential should be scoped to correct service: '${expectedService}'. `);
  }
  if (scope.terminator !== "aws4_request") {
    throw signatureError(
      protocol,
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'. `,
    );
  }
}
