const EPOCH_SECONDS = /^-?\d+(?:\.\d+)?$/;
// §5.2: ISO 8601, date-only allowed; the time, its seconds and the zone are optional.
const ISO_8601 =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[Tt](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * A Date operator value (policy side or context side, iam-policy-evaluation.md §5.2) as milliseconds
 * since the epoch: ISO 8601 (`2024-01-01T00:00:00Z`, `2024-01-01`, with an offset or none = UTC) or
 * epoch seconds (`aws:EpochTime`). Undefined when it is neither.
 */
export function parseDateValue(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const m = ISO_8601.exec(text);
  if (m === null) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", fraction = "", zulu, sign, oh, om = "00"] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second) + Number(`0.${fraction || "0"}`) * 1000;
  if (zulu === undefined && sign !== undefined) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    if (Number(oh) > 23 || Number(om) > 59) return undefined;
    ms += sign === "+" ? -offset : offset;
  }
  return ms;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}
