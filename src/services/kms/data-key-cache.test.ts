import { describe, expect, it } from "vitest";
import { DataKeyCache } from "./data-key-cache.js";

const scope = { region: "us-east-1", account: "111122223333" };
const context = { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/x" };
const blob = (n: number): Buffer => Buffer.alloc(83, n);
const key = (n: number): Buffer => Buffer.alloc(32, n);

function cacheWith(limits: { maxEntries: number; maxAgeMs: number }) {
  const clock = { at: 1_000_000, now: () => new Date(clock.at) };
  return { clock, cache: new DataKeyCache(clock, limits) };
}

describe("DataKeyCache", () => {
  it("answers only the exact blob, scope and context a key was unwrapped with", () => {
    const { cache } = cacheWith({ maxEntries: 10, maxAgeMs: 60_000 });
    cache.put(scope, context, blob(1), key(7));
    expect(cache.get(scope, context, blob(1))?.equals(key(7))).toBe(true);
    expect(cache.get(scope, context, blob(2))).toBeUndefined();
    expect(cache.get(scope, { PARAMETER_ARN: "arn:aws:ssm:us-east-1:111122223333:parameter/y" }, blob(1))).toBeUndefined();
    expect(cache.get(scope, { ...context, extra: "" }, blob(1))).toBeUndefined();
    expect(cache.get(scope, {}, blob(1))).toBeUndefined();
    expect(cache.get({ ...scope, region: "eu-west-1" }, context, blob(1))).toBeUndefined();
    expect(cache.get({ ...scope, account: "444455556666" }, context, blob(1))).toBeUndefined();
  });

  it("does not confuse contexts whose pairs would concatenate alike", () => {
    const { cache } = cacheWith({ maxEntries: 10, maxAgeMs: 60_000 });
    cache.put(scope, { a: "b,c" }, blob(1), key(7));
    expect(cache.get(scope, { a: "b", c: "" }, blob(1))).toBeUndefined();
    expect(cache.get(scope, { "a,b": "c" }, blob(1))).toBeUndefined();
    expect(cache.get(scope, { a: "b,c" }, blob(1))?.equals(key(7))).toBe(true);
  });

  it("hands out copies and keeps its own: zeroing either leaves the other intact", () => {
    const { cache } = cacheWith({ maxEntries: 10, maxAgeMs: 60_000 });
    const unwrapped = key(7);
    cache.put(scope, context, blob(1), unwrapped);
    unwrapped.fill(0);
    const first = cache.get(scope, context, blob(1));
    expect(first?.equals(key(7))).toBe(true);
    first?.fill(0);
    expect(cache.get(scope, context, blob(1))?.equals(key(7))).toBe(true);
  });

  it("holds at most maxEntries, evicting the least recently used", () => {
    const { cache } = cacheWith({ maxEntries: 3, maxAgeMs: 60_000 });
    for (const n of [1, 2, 3]) cache.put(scope, context, blob(n), key(n));
    expect(cache.get(scope, context, blob(1))).toBeDefined(); // 1 is now the most recent
    cache.put(scope, context, blob(4), key(4)); // evicts 2
    expect(cache.size).toBe(3);
    expect(cache.get(scope, context, blob(2))).toBeUndefined();
    for (const n of [1, 3, 4]) expect(cache.get(scope, context, blob(n))?.equals(key(n))).toBe(true);
    cache.put(scope, context, blob(3), key(9)); // replacing an entry does not grow the cache
    expect(cache.size).toBe(3);
    expect(cache.get(scope, context, blob(3))?.equals(key(9))).toBe(true);
  });

  it("forgets an entry maxAgeMs after it was unwrapped, however often it is used", () => {
    const { clock, cache } = cacheWith({ maxEntries: 10, maxAgeMs: 1000 });
    cache.put(scope, context, blob(1), key(7));
    clock.at += 999;
    expect(cache.get(scope, context, blob(1))).toBeDefined();
    clock.at += 1;
    expect(cache.get(scope, context, blob(1))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("holds nothing when maxEntries is 0, and clear() empties it", () => {
    const off = cacheWith({ maxEntries: 0, maxAgeMs: 60_000 }).cache;
    off.put(scope, context, blob(1), key(7));
    expect(off.get(scope, context, blob(1))).toBeUndefined();
    const { cache } = cacheWith({ maxEntries: 10, maxAgeMs: 60_000 });
    cache.put(scope, context, blob(1), key(7));
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get(scope, context, blob(1))).toBeUndefined();
  });
});
