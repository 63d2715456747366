/**
 * An instant as ISO 8601 UTC to the second, `2024-05-01T12:34:56Z`: how IAM, STS and CloudTrail write
 * times, and the form of the `aws:CurrentTime` / `aws:TokenIssueTime` condition keys.
 */
export function isoSeconds(time: Date | number): string {
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}
