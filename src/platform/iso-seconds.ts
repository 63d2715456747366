/**
 * An instant as ISO 8601 UTC to the second, `2024-05-01T12:34:56Z`: how IAM, STS and CloudTrail write
 * times, and the form of the `aws:CurrentTime` / `aws:TokenIssueTime` condition keys.
 */
export function isoSeconds(time: Date | number): string {
  const ms = typeof time === "number" ? time : time.getTime();
  const second = Math.floor(ms / 1000);
  // Every request formats the current second a few times (condition keys, audit, XML dates).
  if (second !== last.second) last = { second, text: `${new Date(ms).toISOString().slice(0, 19)}Z` };
  return last.text;
}

let last = { second: Number.NaN, text: "" };
