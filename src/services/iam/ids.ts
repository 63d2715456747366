import type { Random } from "../../platform/random.js";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** `n` characters of A-Z2-7; 256 is a multiple of 32, so `byte % 32` is unbiased. */
function base32(random: Random, n: number): string {
  return [...random.bytes(n)].map((byte) => BASE32[byte % 32]).join("");
}

export type UniqueIdPrefix = "AIDA" | "AROA" | "AGPA" | "ANPA";

/** A unique id: prefix + 17 characters, 21 in all, like AWS's `AIDACKCEVSQ6C2EXAMPLE` (iam-sts.md §2.1). */
export function newUniqueId(random: Random, prefix: UniqueIdPrefix): string {
  return prefix + base32(random, 17);
}

/** An access key id: prefix + 16 characters, 20 in all, like `AKIAIOSFODNN7EXAMPLE`. */
export function newAccessKeyId(random: Random, prefix: "AKIA" | "ASIA"): string {
  return prefix + base32(random, 16);
}

/** A secret access key: 30 random bytes, base64 — 40 characters of `[A-Za-z0-9/+]`. */
export function newSecretAccessKey(random: Random): string {
  return random.bytes(30).toString("base64");
}
