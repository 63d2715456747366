import { randomBytes, randomUUID } from "node:crypto";

/** The only door to entropy for ids and tokens; key material always comes from node:crypto. */
export interface Random {
  bytes(length: number): Buffer;
  uuid(): string;
}

export const systemRandom: Random = {
  bytes: (n) => randomBytes(n),
  uuid: () => randomUUID(),
};
