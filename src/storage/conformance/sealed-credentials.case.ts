import { describe, expect, it } from "vitest";
import type { SealedCredentialPosition } from "../iam-ports.js";
import type { Storage } from "../ports.js";
import { aSession } from "./iam-fixtures.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

async function seed(storage: Storage): Promise<void> {
  await storage.write(async (tx) => {
    await tx.insertIamUser({ name: "alice", userId: "AIDAALICE", path: "/", createDate: 1 }, []);
    for (const [accessKeyId, secret] of [["AKIAZZZ", 0x0a], ["AKIAAAA", 0x0b], ["AKIAMMM", 0x0c]] as const) {
      await tx.insertAccessKey({ accessKeyId, userId: "AIDAALICE", status: "Active", createDate: 1, sealedSecret: new Uint8Array([secret]) });
    }
    for (const [accessKeyId, secret] of [["ASIAYYY", 0x1a], ["ASIABBB", 0x1b]] as const) {
      await tx.putSession(aSession(accessKeyId, { sealedSecret: new Uint8Array([secret]), principal: { kind: "user", userId: "AIDAALICE" } }));
    }
  });
}

/** The sealed IAM secrets a root key rotation re-wraps (access keys, STS sessions). */
export function sealedCredentialCases(storage: () => Storage): void {
  describe("sealed credentials (root key rotation)", () => {
    it("walks access keys then sessions, each in id order, a page at a time", async () => {
      await seed(storage());
      for (const limit of [1, 2, 3, 10]) {
        const seen: string[] = [];
        let after: SealedCredentialPosition | undefined;
        for (;;) {
          const page = await storage().read((tx) => tx.scanSealedCredentials(after, limit));
          expect(page.length).toBeLessThanOrEqual(limit);
          seen.push(...page.map((e) => `${e.kind} ${e.accessKeyId} ${hex(e.sealedSecret)}`));
          if (page.length < limit) break;
          after = page.at(-1);
        }
        expect(seen, `limit ${limit}`).toEqual([
          "access-key AKIAAAA 0b",
          "access-key AKIAMMM 0c",
          "access-key AKIAZZZ 0a",
          "session ASIABBB 1b",
          "session ASIAYYY 1a",
        ]);
      }
      expect(await storage().read((tx) => tx.scanSealedCredentials(undefined, 0))).toEqual([]);
    });

    it("replaces a sealed secret only while it still holds the expected bytes, without an IAM change", async () => {
      await seed(storage());
      const generation = await storage().read((tx) => tx.iamGeneration());
      const replaced = await storage().write(async (tx) => [
        await tx.replaceSealedCredential({ kind: "access-key", accessKeyId: "AKIAMMM" }, new Uint8Array([0x0c]), new Uint8Array([0xc0])),
        await tx.replaceSealedCredential({ kind: "access-key", accessKeyId: "AKIAMMM" }, new Uint8Array([0x0c]), new Uint8Array([0xc1])),
        await tx.replaceSealedCredential({ kind: "session", accessKeyId: "ASIABBB" }, new Uint8Array([0x1b]), new Uint8Array([0xb1])),
        // The kind names the table: a session id is no access key, and the reverse.
        await tx.replaceSealedCredential({ kind: "access-key", accessKeyId: "ASIAYYY" }, new Uint8Array([0x1a]), new Uint8Array([0xa1])),
        await tx.replaceSealedCredential({ kind: "session", accessKeyId: "AKIAZZZ" }, new Uint8Array([0x0a]), new Uint8Array([0xa0])),
        await tx.replaceSealedCredential({ kind: "session", accessKeyId: "ASIANONE" }, new Uint8Array([0x1a]), new Uint8Array([0xa2])),
      ]);
      expect(replaced).toEqual([true, false, true, false, false, false]);
      await storage().read(async (tx) => {
        expect(hex((await tx.accessKey("AKIAMMM"))!.sealedSecret)).toBe("c0");
        expect(hex((await tx.accessKey("AKIAZZZ"))!.sealedSecret)).toBe("0a");
        expect(hex((await tx.session("ASIABBB"))!.sealedSecret)).toBe("b1");
        expect(hex((await tx.session("ASIAYYY"))!.sealedSecret)).toBe("1a");
        expect((await tx.accessKey("AKIAMMM"))?.status).toBe("Active");
        expect(await tx.iamGeneration()).toBe(generation);
      });
    });
  });
}
