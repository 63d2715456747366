import { describe, expect, it } from "vitest";
import { formatAmzDate, parseAmzDate, parseHttpDate } from "./request-date.js";

const SUITE_MS = 1440938160000; // 2015-08-30T12:36:00Z

describe("parseAmzDate", () => {
  it("parses basic ISO 8601", () => {
    expect(parseAmzDate("20150830T123600Z")).toBe(SUITE_MS);
    expect(parseAmzDate("20160229T000000Z")).toBe(Date.UTC(2016, 1, 29));
    expect(parseAmzDate("19700101T000000Z")).toBe(0);
  });

  it.each([
    "", "20150830T123600", "2015-08-30T12:36:00Z", "20150830t123600Z", "20150229T000000Z", "20151301T000000Z",
    "20150800T000000Z", "20150830T240000Z", "20150830T126000Z", "20150830T123660Z", "2015083OT123600Z",
    "20150830T12 600Z", "+0150830T123600Z", "20150830T123600Z ",
  ])("rejects %j", (value) => {
    expect(parseAmzDate(value)).toBeUndefined();
  });
});

describe("formatAmzDate", () => {
  it("formats epoch milliseconds, truncating to the second", () => {
    expect(formatAmzDate(SUITE_MS + 999)).toBe("20150830T123600Z");
    expect(formatAmzDate(0)).toBe("19700101T000000Z");
    expect(formatAmzDate(Date.UTC(2000, 1, 29, 23, 59, 59))).toBe("20000229T235959Z");
    expect(formatAmzDate(Date.UTC(1969, 11, 31, 23, 0, 0))).toBe("19691231T230000Z");
  });

  it("round-trips through parseAmzDate across several years", () => {
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 86_400_000 * 37 + 3_723_000) {
      const s = formatAmzDate(ms);
      expect(s).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, "").replace(".000", ""));
      expect(parseAmzDate(s)).toBe(Math.floor(ms / 1000) * 1000);
    }
  });
});

describe("parseHttpDate", () => {
  it("parses the three RFC 7231 forms", () => {
    expect(parseHttpDate("Sun, 30 Aug 2015 12:36:00 GMT")).toBe(SUITE_MS);
    expect(parseHttpDate("Sunday, 30-Aug-15 12:36:00 GMT")).toBe(SUITE_MS);
    expect(parseHttpDate("Sun Aug 30 12:36:00 2015")).toBe(SUITE_MS);
    expect(parseHttpDate("Sun Aug  2 12:36:00 2015")).toBe(Date.UTC(2015, 7, 2, 12, 36));
  });

  it.each([
    "", "garbage", "Sun, 30 Aug 2015 12:36:00 UTC", "Sun, 31 Feb 2015 12:36:00 GMT", "Sun, 30 Foo 2015 12:36:00 GMT",
    "Sun, 30 Aug 2015 25:36:00 GMT", "Sun, 30 Aug 2015 12-36-00 GMT", "2015-08-30T12:36:00Z", "Sun Aug 30 12:36:00 15",
  ])("rejects %j", (value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });
});
