/**
 * SigV4 request times (sigv4.md §3): `X-Amz-Date` in basic ISO 8601 (`20150830T123600Z`), or an
 * RFC 7231 `Date` header. Times are epoch milliseconds; calendar maths is done here (proleptic
 * Gregorian, Hinnant's civil-day algorithms) so no wall-clock `Date` is ever constructed.
 */

const DAY_MS = 86_400_000;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of a valid calendar instant, or undefined. */
function instant(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** The number written by `length` ASCII digits at `start`, or -1. */
function digits(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `YYYYMMDD'T'HHMMSS'Z'` exactly, or undefined. */
export function parseAmzDate(value: string): number | undefined {
  if (value.length !== 16 || value.charCodeAt(8) !== 84 /* T */ || value.charCodeAt(15) !== 90 /* Z */) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 4, 2);
  const day = digits(value, 6, 2);
  const hour = digits(value, 9, 2);
  const minute = digits(value, 11, 2);
  const second = digits(value, 13, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return instant(year, month, day, hour, minute, second);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Basic ISO 8601 of an instant, seconds truncated: `20150830T123600Z`. */
export function formatAmzDate(epochMs: number): string {
  const days = Math.floor(epochMs / DAY_MS);
  const secondOfDay = Math.floor((epochMs - days * DAY_MS) / 1000);
  const { year, month, day } = civilFromDays(days);
  return (
    pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" +
    pad(Math.floor(secondOfDay / 3600), 2) + pad(Math.floor(secondOfDay / 60) % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthNumber(s: string, start: number): number {
  return MONTHS.indexOf(s.slice(start, start + 3)) + 1;
}

/** `HH:MM:SS` at `start` → [h, m, s] or undefined. */
function clock(s: string, start: number): [number, number, number] | undefined {
  if (s.charCodeAt(start + 2) !== 58 || s.charCodeAt(start + 5) !== 58) return undefined;
  const h = digits(s, start, 2);
  const m = digits(s, start + 3, 2);
  const sec = digits(s, start + 6, 2);
  return h < 0 || m < 0 || sec < 0 ? undefined : [h, m, sec];
}

/**
 * An RFC 7231 HTTP-date in any of its three forms: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
 * RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime `Sun Nov  6 08:49:37 1994`. The weekday is
 * not cross-checked (recipients are told to be lenient about it).
 */
export function parseHttpDate(value: string): number | undefined {
  const comma = value.indexOf(",");
  if (comma === 3 && value.length === 29 && value.endsWith(" GMT")) {
    if (value[4] !== " " || value[7] !== " " || value[11] !== " " || value[16] !== " ") return undefined;
    const t = clock(value, 17);
    const day = digits(value, 5, 2);
    const year = digits(value, 12, 4);
    if (t === undefined || day < 0 || year < 0) return undefined;
    return instant(year, monthNumber(value, 8), day, t[0], t[1], t[2]);
  }
  if (comma > 3 && value.length === comma + 24 && value.endsWith(" GMT")) {
    const b = comma + 2; // "06-Nov-94 08:49:37 GMT"
    if (value[comma + 1] !== " " || value[b + 2] !== "-" || value[b + 6] !== "-" || value[b + 9] !== " ") return undefined;
    const t = clock(value, b + 10);
    const day = digits(value, b, 2);
    const yy = digits(value, b + 7, 2);
    if (t === undefined || day < 0 || yy < 0) return undefined;
    // A fixed pivot rather than RFC 7231's "50 years ahead" rule: RFC 850 dates are obsolete.
    const year = yy < 70 ? 2000 + yy : 1900 + yy;
    return instant(year, monthNumber(value, b + 3), day, t[0], t[1], t[2]);
  }
  if (comma < 0 && value.length === 24 && value[3] === " " && value[7] === " " && value[10] === " " && value[19] === " ") {
    const t = clock(value, 11);
    const day = value[8] === " " ? digits(value, 9, 1) : digits(value, 8, 2);
    const year = digits(value, 20, 4);
    if (t === undefined || day < 0 || year < 0) return undefined;
    return instant(year, monthNumber(value, 4), day, t[0], t[1], t[2]);
  }
  return undefined;
}
