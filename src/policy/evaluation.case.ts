// The decision (iam-policy-evaluation.md §3): deny precedence, resource-based policies, session
// policies, permissions boundaries, root, the KMS key-policy gate (§3.2, kms.md §9.3/§11), role trust
// (§3.3, iam-sts.md §4.2), NotPrincipal (§2.3, project decision: Deny only, AWS's documented rule that
// every identity the caller acts as must be listed).
import {
  ACCOUNT,
  ALICE_ARN,
  allow,
  AWS_SSM_KEY_POLICY,
  BOB_ARN,
  bob,
  DEFAULT_KEY_POLICY,
  deny,
  doc,
  type EvalCase,
  grant,
  KEY_ARN,
  OTHER_ACCOUNT,
  param,
  ROLE_ARN,
  ROOT_ARN,
  root,
  SESSION_ARN,
  session,
  viaSsm,
} from "./policy-fixtures.case.js";

const P = param("app/x");
const GET = "ssm:GetParameter";
const readApp = doc(allow(GET, param("app/*")));

// §3.1 step 3 and §11.9: an explicit Deny anywhere wins; nothing overrides it.
const precedence: EvalCase[] = [
  { name: "no policy at all is an implicit deny", action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a Deny in one policy beats an Allow in another", identity: [readApp, doc(deny(GET, "*"))], action: GET, resource: P, expect: "explicit-deny-identity", decidedBy: { policy: "identity[1]", index: 0 } },
  { name: "a resource policy naming the user does not override an identity Deny (§11.9)", identity: [doc(deny(GET, "*"))], resourcePolicy: doc(grant("Allow", ALICE_ARN, GET)), action: GET, resource: P, expect: "explicit-deny-identity" },
  { name: "a resource-policy Deny beats an identity Allow", identity: [readApp], resourcePolicy: doc(grant("Deny", ALICE_ARN, GET)), action: GET, resource: P, expect: "explicit-deny-resource", decidedBy: { policy: "resource", index: 0 } },
  { name: "a resource-policy Deny for everyone applies to the caller", identity: [readApp], resourcePolicy: doc(grant("Deny", "*", GET)), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "a resource-policy Deny naming another user does not apply", identity: [readApp], resourcePolicy: doc(grant("Deny", BOB_ARN, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a Deny whose condition fails does not apply", identity: [readApp, doc(deny(GET, "*", { Condition: { Bool: { "aws:SecureTransport": "false" } } }))], context: { "aws:SecureTransport": "true" }, action: GET, resource: P, expect: "allow" },
  { name: "sts:GetCallerIdentity is allowed even under an explicit Deny", identity: [doc(deny("sts:GetCallerIdentity", "*"))], action: "sts:GetCallerIdentity", resource: "*", expect: "allow" },
];

// §3.1 step 5 and §2.3: within one account a resource policy naming the principal suffices;
// naming the account delegates to IAM.
const resourcePolicies: EvalCase[] = [
  { name: "a resource policy naming the user ARN allows without any identity policy", resourcePolicy: doc(grant("Allow", ALICE_ARN, GET)), action: GET, resource: P, expect: "allow", decidedBy: { policy: "resource", index: 0 } },
  { name: "a resource policy naming the user's unique id allows (§2.3 saved ids)", resourcePolicy: doc(grant("Allow", "AIDAALICEEXAMPLE00001", GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource policy naming the role ARN allows its sessions", principal: session, resourcePolicy: doc(grant("Allow", ROLE_ARN, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource policy naming the session ARN allows that session", principal: session, resourcePolicy: doc(grant("Allow", SESSION_ARN, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource policy naming another session of the role does not allow", principal: session, resourcePolicy: doc(grant("Allow", `arn:aws:sts::${ACCOUNT}:assumed-role/app-reader/other`, GET)), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a resource policy naming the account id delegates: the identity policy must allow", resourcePolicy: doc(grant("Allow", ACCOUNT, GET)), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a resource policy naming the account root ARN delegates: the identity policy must allow", resourcePolicy: doc(grant("Allow", ROOT_ARN, GET)), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "account delegation plus an identity Allow allows", identity: [readApp], resourcePolicy: doc(grant("Allow", ACCOUNT, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource policy with Principal * allows", resourcePolicy: doc(grant("Allow", "*", GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource policy naming another user does not allow alice", resourcePolicy: doc(grant("Allow", BOB_ARN, GET)), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a resource policy naming another account does not allow", resourcePolicy: doc(grant("Allow", OTHER_ACCOUNT, GET)), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a resource policy naming a service principal does not name a user", resourcePolicy: doc({ Effect: "Allow", Principal: { Service: "ssm.amazonaws.com" }, Action: GET, Resource: "*" }), action: GET, resource: P, expect: "no-identity-allow" },
  { name: "an identity Allow suffices when the resource policy says nothing about the caller", identity: [readApp], resourcePolicy: doc(grant("Allow", BOB_ARN, GET)), action: GET, resource: P, expect: "allow" },
];

const onlyPut = doc(allow("ssm:PutParameter", "*"));

// §3.1 step 4: session policies and permissions boundaries cut identity Allows; a resource Allow
// naming the user or session ARN is not cut, one naming the role ARN is.
const sessionAndBoundary: EvalCase[] = [
  { name: "identity and session policy both allow", principal: session, identity: [readApp], session: [readApp], action: GET, resource: P, expect: "allow" },
  { name: "a session policy that does not allow cuts the identity Allow", principal: session, identity: [readApp], session: [onlyPut], action: GET, resource: P, expect: "no-session-allow" },
  { name: "a session policy alone grants nothing", principal: session, session: [readApp], action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a Deny in a session policy is an explicit deny", principal: session, identity: [readApp], session: [doc(allow("ssm:*", "*"), deny(GET, "*"))], action: GET, resource: P, expect: "explicit-deny-identity", decidedBy: { policy: "session[0]", index: 1 } },
  { name: "any one of several session policies may allow", principal: session, identity: [readApp], session: [onlyPut, readApp], action: GET, resource: P, expect: "allow" },
  { name: "a resource Allow naming the session ARN is not cut by session policies", principal: session, session: [onlyPut], resourcePolicy: doc(grant("Allow", SESSION_ARN, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource Allow naming the role ARN is cut by session policies", principal: session, session: [onlyPut], resourcePolicy: doc(grant("Allow", ROLE_ARN, GET)), action: GET, resource: P, expect: "no-session-allow" },
  { name: "identity and boundary both allow", identity: [readApp], boundary: doc(allow("ssm:*", "*")), action: GET, resource: P, expect: "allow" },
  { name: "a boundary that does not allow cuts the identity Allow", identity: [readApp], boundary: onlyPut, action: GET, resource: P, expect: "no-boundary-allow" },
  { name: "a boundary alone grants nothing", boundary: readApp, action: GET, resource: P, expect: "no-identity-allow" },
  { name: "a Deny in the boundary is an explicit deny", identity: [readApp], boundary: doc(allow("*", "*"), deny(GET, "*")), action: GET, resource: P, expect: "explicit-deny-identity", decidedBy: { policy: "boundary", index: 1 } },
  { name: "a resource Allow naming the user ARN is not cut by the boundary", boundary: onlyPut, resourcePolicy: doc(grant("Allow", ALICE_ARN, GET)), action: GET, resource: P, expect: "allow" },
  { name: "a resource Allow naming the role ARN is cut by the role's boundary", principal: session, boundary: onlyPut, resourcePolicy: doc(grant("Allow", ROLE_ARN, GET)), action: GET, resource: P, expect: "no-boundary-allow" },
];

// §3.1 last paragraph: identity-based policies do not restrict root; resource policies still do.
const rootCases: EvalCase[] = [
  { name: "root needs no identity policy", principal: root, action: GET, resource: P, expect: "allow" },
  { name: "an identity Deny does not restrict root", principal: root, identity: [doc(deny("*", "*"))], action: GET, resource: P, expect: "allow" },
  { name: "a resource policy denying the account denies root", principal: root, resourcePolicy: doc(grant("Deny", ACCOUNT, GET)), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "a resource policy denying * denies root", principal: root, resourcePolicy: doc(grant("Deny", "*", GET)), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "KMS: the default key policy lets root use the key", principal: root, mode: "kms-key", resourcePolicy: DEFAULT_KEY_POLICY, action: "kms:Decrypt", resource: KEY_ARN, expect: "allow" },
  { name: "KMS: root can lock itself out (key policy names only a role)", principal: root, mode: "kms-key", resourcePolicy: doc(grant("Allow", ROLE_ARN, "kms:*")), action: "kms:Decrypt", resource: KEY_ARN, expect: "no-resource-allow" },
];

const DECRYPT = "kms:Decrypt";
const kmsIdentity = doc(allow(DECRYPT, KEY_ARN));

// §3.2 and kms.md §9.3/§11: the key policy is the gate.
const kms: EvalCase[] = [
  { name: "default key policy + identity Allow: allowed", mode: "kms-key", identity: [kmsIdentity], resourcePolicy: DEFAULT_KEY_POLICY, action: DECRYPT, resource: KEY_ARN, expect: "allow", decidedBy: { policy: "identity[0]", index: 0 } },
  { name: "default key policy without identity Allow: no identity-based policy allows", mode: "kms-key", resourcePolicy: DEFAULT_KEY_POLICY, action: DECRYPT, resource: KEY_ARN, expect: "no-identity-allow" },
  { name: "a key policy that does not delegate ignores identity Allows", mode: "kms-key", identity: [kmsIdentity], resourcePolicy: doc(grant("Allow", BOB_ARN, "kms:*")), action: DECRYPT, resource: KEY_ARN, expect: "no-resource-allow" },
  { name: "no key policy at all: nothing is allowed", mode: "kms-key", identity: [doc(allow("kms:*", "*"))], action: DECRYPT, resource: KEY_ARN, expect: "no-resource-allow" },
  { name: "a key policy naming the user grants without any IAM policy", mode: "kms-key", resourcePolicy: doc(grant("Allow", ALICE_ARN, DECRYPT)), action: DECRYPT, resource: KEY_ARN, expect: "allow" },
  { name: "a key policy Deny wins over the delegation and the identity Allow", mode: "kms-key", identity: [kmsIdentity], resourcePolicy: { ...DEFAULT_KEY_POLICY, Statement: [...DEFAULT_KEY_POLICY.Statement, grant("Deny", "*", DECRYPT)] }, action: DECRYPT, resource: KEY_ARN, expect: "explicit-deny-resource", decidedBy: { policy: "resource", index: 1 } },
  { name: "an identity Deny wins over a key policy naming the user", mode: "kms-key", identity: [doc(deny(DECRYPT, "*"))], resourcePolicy: doc(grant("Allow", ALICE_ARN, DECRYPT)), action: DECRYPT, resource: KEY_ARN, expect: "explicit-deny-identity" },
  { name: "an identity Allow on the alias ARN does not authorise the key", mode: "kms-key", identity: [doc(allow(DECRYPT, `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/ssm`))], resourcePolicy: DEFAULT_KEY_POLICY, action: DECRYPT, resource: KEY_ARN, expect: "no-identity-allow" },
  { name: "kms:RequestAlias conditions do authorise by alias", mode: "kms-key", identity: [doc(allow(DECRYPT, "*", { Condition: { StringEquals: { "kms:RequestAlias": "alias/app" } } }))], resourcePolicy: DEFAULT_KEY_POLICY, context: { "kms:RequestAlias": "alias/app" }, action: DECRYPT, resource: KEY_ARN, expect: "allow" },
  { name: "aws/ssm: any principal of the account decrypts through SSM without kms:Decrypt", mode: "kms-key", principal: bob, resourcePolicy: AWS_SSM_KEY_POLICY, context: viaSsm("app/db/pw"), action: DECRYPT, resource: KEY_ARN, expect: "allow", decidedBy: { policy: "resource", index: 0, sid: "Allow access through SSM for all principals in the account that are authorized to use SSM" } },
  { name: "aws/ssm: a role session decrypts through SSM", mode: "kms-key", principal: session, resourcePolicy: AWS_SSM_KEY_POLICY, context: viaSsm("app/db/pw"), action: DECRYPT, resource: KEY_ARN, expect: "allow" },
  { name: "aws/ssm: GenerateDataKey through SSM (kms:GenerateDataKey*)", mode: "kms-key", resourcePolicy: AWS_SSM_KEY_POLICY, context: viaSsm("app/db/pw"), action: "kms:GenerateDataKey", resource: KEY_ARN, expect: "allow" },
  { name: "aws/ssm: a direct Decrypt (no kms:ViaService) is refused even with kms:* in IAM", mode: "kms-key", identity: [doc(allow("kms:*", "*"))], resourcePolicy: AWS_SSM_KEY_POLICY, context: { "kms:CallerAccount": ACCOUNT }, action: DECRYPT, resource: KEY_ARN, expect: "no-resource-allow" },
  { name: "aws/ssm: another account's caller does not pass kms:CallerAccount", mode: "kms-key", resourcePolicy: AWS_SSM_KEY_POLICY, context: { ...viaSsm("app/db/pw"), "kms:CallerAccount": OTHER_ACCOUNT }, action: DECRYPT, resource: KEY_ARN, expect: "no-resource-allow" },
  { name: "aws/ssm: DescribeKey directly is delegated to IAM and needs an identity Allow", mode: "kms-key", resourcePolicy: AWS_SSM_KEY_POLICY, context: { "kms:CallerAccount": ACCOUNT }, action: "kms:DescribeKey", resource: KEY_ARN, expect: "no-identity-allow" },
  { name: "aws/ssm: DescribeKey directly with an identity Allow", mode: "kms-key", identity: [doc(allow("kms:DescribeKey", "*"))], resourcePolicy: AWS_SSM_KEY_POLICY, context: { "kms:CallerAccount": ACCOUNT }, action: "kms:DescribeKey", resource: KEY_ARN, expect: "allow" },
  { name: "aws/ssm: the key policy grants no ScheduleKeyDeletion", mode: "kms-key", identity: [doc(allow("kms:*", "*"))], resourcePolicy: AWS_SSM_KEY_POLICY, action: "kms:ScheduleKeyDeletion", resource: KEY_ARN, expect: "no-resource-allow" },
  { name: "aws/ssm: an identity Deny blocks decryption through SSM", mode: "kms-key", identity: [doc(deny(DECRYPT, "*"))], resourcePolicy: AWS_SSM_KEY_POLICY, context: viaSsm("app/db/pw"), action: DECRYPT, resource: KEY_ARN, expect: "explicit-deny-identity" },
  { name: "a key policy naming the role ARN is cut by the session policy", mode: "kms-key", principal: session, session: [onlyPut], resourcePolicy: doc(grant("Allow", ROLE_ARN, DECRYPT)), action: DECRYPT, resource: KEY_ARN, expect: "no-session-allow" },
  { name: "delegation with a boundary that does not allow", mode: "kms-key", identity: [kmsIdentity], boundary: onlyPut, resourcePolicy: DEFAULT_KEY_POLICY, action: DECRYPT, resource: KEY_ARN, expect: "no-boundary-allow" },
];

const ASSUME = "sts:AssumeRole";
const TARGET_ROLE = `arn:aws:iam::${ACCOUNT}:role/deployer`;
const trust = (principal: unknown, extra: Record<string, unknown> = {}) => doc({ Effect: "Allow", Principal: principal, Action: ASSUME, ...extra });

// §3.3 and iam-sts.md §4.2 step 4: the trust policy must allow; naming the caller suffices, naming the
// account needs the caller's identity Allow on the role ARN too.
const trustCases: EvalCase[] = [
  { name: "a trust policy naming the user allows without an identity policy", mode: "role-trust", resourcePolicy: trust({ AWS: ALICE_ARN }), action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
  { name: "a trust policy naming the account needs an identity Allow", mode: "role-trust", resourcePolicy: trust({ AWS: ACCOUNT }), action: ASSUME, resource: TARGET_ROLE, expect: "no-identity-allow" },
  { name: "a trust policy naming the account root ARN needs an identity Allow", mode: "role-trust", resourcePolicy: trust({ AWS: ROOT_ARN }), action: ASSUME, resource: TARGET_ROLE, expect: "no-identity-allow" },
  { name: "account trust plus an identity Allow on the role ARN allows", mode: "role-trust", identity: [doc(allow(ASSUME, TARGET_ROLE))], resourcePolicy: trust({ AWS: ACCOUNT }), action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
  { name: "account trust plus an identity Allow on another role does not allow", mode: "role-trust", identity: [doc(allow(ASSUME, `arn:aws:iam::${ACCOUNT}:role/other`))], resourcePolicy: trust({ AWS: ACCOUNT }), action: ASSUME, resource: TARGET_ROLE, expect: "no-identity-allow" },
  { name: "an identity Allow without trust does not allow", mode: "role-trust", identity: [doc(allow(ASSUME, "*"))], resourcePolicy: trust({ AWS: BOB_ARN }), action: ASSUME, resource: TARGET_ROLE, expect: "no-resource-allow" },
  { name: "a trust policy trusting only a service does not allow a user", mode: "role-trust", identity: [doc(allow(ASSUME, "*"))], resourcePolicy: trust({ Service: "ec2.amazonaws.com" }), action: ASSUME, resource: TARGET_ROLE, expect: "no-resource-allow" },
  { name: "a trust Deny wins", mode: "role-trust", resourcePolicy: doc({ Effect: "Allow", Principal: { AWS: ALICE_ARN }, Action: ASSUME }, { Effect: "Deny", Principal: "*", Action: ASSUME }), action: ASSUME, resource: TARGET_ROLE, expect: "explicit-deny-resource" },
  { name: "an identity Deny wins over a trust naming the user", mode: "role-trust", identity: [doc(deny(ASSUME, "*"))], resourcePolicy: trust({ AWS: ALICE_ARN }), action: ASSUME, resource: TARGET_ROLE, expect: "explicit-deny-identity" },
  { name: "sts:ExternalId condition met", mode: "role-trust", resourcePolicy: trust({ AWS: ALICE_ARN }, { Condition: { StringEquals: { "sts:ExternalId": "ext-1" } } }), context: { "sts:ExternalId": "ext-1" }, action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
  { name: "sts:ExternalId condition not met (absent)", mode: "role-trust", resourcePolicy: trust({ AWS: ALICE_ARN }, { Condition: { StringEquals: { "sts:ExternalId": "ext-1" } } }), action: ASSUME, resource: TARGET_ROLE, expect: "no-resource-allow" },
  { name: "a trust policy naming the caller's role allows role chaining", mode: "role-trust", principal: session, resourcePolicy: trust({ AWS: ROLE_ARN }), action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
  { name: "a trust policy with AWS * allows", mode: "role-trust", principal: bob, resourcePolicy: trust({ AWS: "*" }), action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
  { name: "a trust statement for sts:TagSession does not allow sts:AssumeRole", mode: "role-trust", resourcePolicy: doc({ Effect: "Allow", Principal: { AWS: ALICE_ARN }, Action: "sts:TagSession" }), action: ASSUME, resource: TARGET_ROLE, expect: "no-resource-allow" },
  { name: "aws:PrincipalArn of a session is the role ARN in trust conditions", mode: "role-trust", principal: session, resourcePolicy: trust({ AWS: ACCOUNT }, { Condition: { ArnEquals: { "aws:PrincipalArn": ROLE_ARN } } }), identity: [doc(allow(ASSUME, "*"))], action: ASSUME, resource: TARGET_ROLE, expect: "allow" },
];

const readAll = doc(allow(GET, "*"));
const notPrincipalDeny = (listed: string[]) => doc(grant("Allow", "*", GET), { Effect: "Deny", NotPrincipal: { AWS: listed }, Action: GET, Resource: "*" });

// NotPrincipal: Deny only (project decision); the caller escapes only when all its identities are listed.
const notPrincipal: EvalCase[] = [
  { name: "NotPrincipal Deny: the user listed with its account escapes", identity: [readAll], resourcePolicy: notPrincipalDeny([ALICE_ARN, ROOT_ARN]), action: GET, resource: P, expect: "allow" },
  { name: "NotPrincipal Deny: the user listed without its account is denied", identity: [readAll], resourcePolicy: notPrincipalDeny([ALICE_ARN]), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "NotPrincipal Deny: a user not listed is denied", principal: bob, identity: [readAll], resourcePolicy: notPrincipalDeny([ALICE_ARN, ROOT_ARN]), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "NotPrincipal Deny: a session escapes with session ARN, role ARN and account listed", principal: session, identity: [readAll], resourcePolicy: notPrincipalDeny([SESSION_ARN, ROLE_ARN, ACCOUNT]), action: GET, resource: P, expect: "allow" },
  { name: "NotPrincipal Deny: a session with only its role ARN and account listed is denied", principal: session, identity: [readAll], resourcePolicy: notPrincipalDeny([ROLE_ARN, ACCOUNT]), action: GET, resource: P, expect: "explicit-deny-resource" },
  { name: "NotPrincipal in an Allow grants nothing (project decision)", resourcePolicy: doc({ Effect: "Allow", NotPrincipal: { AWS: BOB_ARN }, Action: GET, Resource: "*" }), action: GET, resource: P, expect: "no-identity-allow" },
];

export const EVALUATION_CASES: readonly EvalCase[] = [
  ...precedence,
  ...resourcePolicies,
  ...sessionAndBoundary,
  ...rootCases,
  ...kms,
  ...trustCases,
  ...notPrincipal,
];
