/**
 * Parameter Store limits. Section numbers refer to /work/shared/spec/ssm-parameter-store.md (§) and
 * ssm-events-and-policies.md (policies §).
 */

/** Versions retained per parameter; creating the 101st drops the oldest (§5.1, §8.2). */
export const MAX_PARAMETER_VERSIONS = 100;
/** Labels attached to one version (§5.2). */
export const MAX_LABELS_PER_VERSION = 10;
/** Label length bounds (§5.2, model). */
export const MIN_LABEL_LENGTH = 1;
export const MAX_LABEL_LENGTH = 100;
/** Tags per resource (§4.11, §8.2). */
export const MAX_TAGS_PER_RESOURCE = 50;
/** Parameters per account and region, by tier (§3.4, §8.2). */
export const MAX_STANDARD_PARAMETERS = 10_000;
export const MAX_ADVANCED_PARAMETERS = 100_000;
/** Value size in UTF-8 bytes, by tier (§3.2). */
export const MAX_STANDARD_VALUE_BYTES = 4096;
export const MAX_ADVANCED_VALUE_BYTES = 8192;
/** Hierarchy depth: `/L1/.../L14/name` is the deepest valid name (§2.3). */
export const MAX_HIERARCHY_LEVELS = 15;
/** Length of the full parameter ARN a name may produce (§2.3). */
export const MAX_PARAMETER_ARN_LENGTH = 1011;
/** Policies per parameter (policies §1.1). */
export const MAX_POLICIES_PER_PARAMETER = 10;
/** `After`/`Before` of notification policies must be smaller than this (policies §1.3). */
export const POLICY_DURATION_LIMIT = 8_760_000;
/** Names per GetParameters / DeleteParameters call (§4.3, §4.6, model). */
export const MAX_NAMES_PER_BATCH = 10;
/** Page sizes: model maxima and the defaults AWS uses when MaxResults is omitted (§4.4, §4.7, §4.8). */
export const MAX_RESULTS_DESCRIBE_PARAMETERS = 50;
export const DEFAULT_RESULTS_DESCRIBE_PARAMETERS = 10;
export const MAX_RESULTS_GET_PARAMETERS_BY_PATH = 10;
export const DEFAULT_RESULTS_GET_PARAMETERS_BY_PATH = 10;
export const MAX_RESULTS_GET_PARAMETER_HISTORY = 50;
/** Unverified (§4.8): moto uses 50. */
export const DEFAULT_RESULTS_GET_PARAMETER_HISTORY = 50;
export const MAX_RESULTS_GET_RESOURCE_POLICIES = 50;
/** Compiled AllowedPattern expressions kept in memory (ours, not AWS's). */
export const ALLOWED_PATTERN_CACHE_SIZE = 256;
