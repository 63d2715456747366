import { describe, expect, it } from "vitest";
import type { IamRoleRecord, IamUserRecord, ManagedPolicyRecord } from "../iam-ports.js";
import { aSession } from "./iam-fixtures.js";
import type { Storage } from "../ports.js";

const ACCOUNT = "123456789012";

function user(name: string, userId: string, path = "/"): IamUserRecord {
  return { name, userId, path, createDate: 1_700_000_000_000 };
}

function role(name: string, roleId: string, overrides: Partial<IamRoleRecord> = {}): IamRoleRecord {
  return {
    name,
    roleId,
    path: "/",
    createDate: 1_700_000_000_000,
    trustPolicy: '{"Statement": []}',
    trustPrincipals: [],
    maxSessionDuration: 3600,
    ...overrides,
  };
}

function policy(name: string, policyId: string, path = "/"): ManagedPolicyRecord {
  return {
    arn: `arn:aws:iam::${ACCOUNT}:policy${path}${name}`,
    policyId,
    name,
    path,
    createDate: 1000,
    updateDate: 1000,
    defaultVersion: 1,
    lastVersion: 1,
  };
}

export function iamCases(storage: () => Storage): void {
  describe("iam entities", () => {
    it("keeps user names unique case-insensitively, keeps the spelling, and renames in place", async () => {
      const inserted = await storage().write(async (tx) => [
        await tx.insertIamUser(user("Alice", "AIDAALICE"), [{ key: "team", value: "blue" }]),
        await tx.insertIamUser(user("alice", "AIDAOTHER"), []),
        await tx.insertIamUser(user("bob", "AIDABOB", "/ops/"), []),
      ]);
      expect(inserted).toEqual([true, false, true]);
      expect(await storage().read((tx) => tx.iamUser("ALICE"))).toEqual(user("Alice", "AIDAALICE"));
      expect(await storage().read((tx) => tx.iamUserById("AIDAOTHER"))).toBeUndefined();

      const renamed = await storage().write(async (tx) => [
        await tx.updateIamUser("AIDAALICE", { name: "BOB" }),
        await tx.updateIamUser("AIDAALICE", { name: "carol", path: "/x/" }),
        await tx.updateIamUser("AIDANOBODY", { name: "dave" }),
      ]);
      expect(renamed).toEqual([false, true, false]);
      await storage().read(async (tx) => {
        expect(await tx.iamUser("alice")).toBeUndefined();
        expect(await tx.iamUser("Carol")).toEqual(user("carol", "AIDAALICE", "/x/"));
        expect(await tx.iamTags("AIDAALICE")).toEqual([{ key: "team", value: "blue" }]);
      });
    });

    it("pages users in name order, filtered by path prefix", async () => {
      await storage().write(async (tx) => {
        for (const [name, path] of [["d", "/a/"], ["B", "/"], ["a", "/a/b/"], ["C", "/a/"]] as const) {
          await tx.insertIamUser(user(name, `AIDA${name.toUpperCase()}`, path), []);
        }
      });
      const first = await storage().read((tx) => tx.listIamUsers({ limit: 2 }));
      expect(first.map((p) => p.record.name)).toEqual(["a", "B"]);
      const rest = await storage().read((tx) => tx.listIamUsers({ limit: 5, after: first[1]?.position ?? "" }));
      expect(rest.map((p) => p.record.name)).toEqual(["C", "d"]);
      const under = await storage().read((tx) => tx.listIamUsers({ limit: 5, pathPrefix: "/a/" }));
      expect(under.map((p) => p.record.name)).toEqual(["a", "C", "d"]);
    });

    it("overwrites tags case-insensitively in place and removes them by any spelling", async () => {
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), [
          { key: "Team", value: "blue" },
          { key: "env", value: "prod" },
        ]);
        await tx.putIamTags("AIDAALICE", [{ key: "TEAM", value: "red" }, { key: "cost", value: "1" }]);
      });
      expect(await storage().read((tx) => tx.iamTags("AIDAALICE"))).toEqual([
        { key: "TEAM", value: "red" },
        { key: "env", value: "prod" },
        { key: "cost", value: "1" },
      ]);
      await storage().write((tx) => tx.removeIamTags("AIDAALICE", ["ENV", "missing"]));
      expect((await storage().read((tx) => tx.iamTags("AIDAALICE"))).map((t) => t.key)).toEqual(["TEAM", "cost"]);
    });

    it("stores access keys per user and changes their status", async () => {
      const sealed = new Uint8Array([9, 8, 7]);
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), []);
        await tx.insertAccessKey({ accessKeyId: "AKIAZZZ", userId: "AIDAALICE", status: "Active", createDate: 5, sealedSecret: sealed });
        await tx.insertAccessKey({ accessKeyId: "AKIAAAA", userId: "AIDAALICE", status: "Active", createDate: 6, sealedSecret: sealed });
      });
      const keys = await storage().read((tx) => tx.accessKeysOf("AIDAALICE"));
      expect(keys.map((k) => k.accessKeyId)).toEqual(["AKIAAAA", "AKIAZZZ"]);
      expect(Buffer.from(keys[0]?.sealedSecret ?? []).toString("hex")).toBe("090807");
      expect(await storage().write((tx) => tx.updateAccessKeyStatus("AKIAZZZ", "Inactive"))).toBe(true);
      expect(await storage().write((tx) => tx.updateAccessKeyStatus("AKIANONE", "Inactive"))).toBe(false);
      expect((await storage().read((tx) => tx.accessKey("AKIAZZZ")))?.status).toBe("Inactive");
      expect(await storage().write((tx) => tx.deleteAccessKey("AKIAZZZ"))).toBe(true);
      expect(await storage().read((tx) => tx.accessKey("AKIAZZZ"))).toBeUndefined();
    });

    it("keeps group memberships both ways", async () => {
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), []);
        await tx.insertIamUser(user("bob", "AIDABOB"), []);
        expect(await tx.insertIamGroup({ name: "Readers", groupId: "AGPAREAD", path: "/", createDate: 1 })).toBe(true);
        expect(await tx.insertIamGroup({ name: "READERS", groupId: "AGPAOTHER", path: "/", createDate: 1 })).toBe(false);
        await tx.insertIamGroup({ name: "admins", groupId: "AGPAADMIN", path: "/", createDate: 1 });
        expect(await tx.addGroupMember("AGPAREAD", "AIDABOB")).toBe(true);
        expect(await tx.addGroupMember("AGPAREAD", "AIDABOB")).toBe(false);
        await tx.addGroupMember("AGPAREAD", "AIDAALICE");
        await tx.addGroupMember("AGPAADMIN", "AIDAALICE");
      });
      await storage().read(async (tx) => {
        expect((await tx.groupMembers("AGPAREAD", { limit: 10 })).map((p) => p.record.name)).toEqual(["alice", "bob"]);
        const first = await tx.groupMembers("AGPAREAD", { limit: 1 });
        expect((await tx.groupMembers("AGPAREAD", { limit: 10, after: first[0]?.position ?? "" })).map((p) => p.record.name)).toEqual(["bob"]);
        expect((await tx.groupsOfUser("AIDAALICE", { limit: 10 })).map((p) => p.record.name)).toEqual(["admins", "Readers"]);
        expect(await tx.countGroupsOfUser("AIDAALICE")).toBe(2);
        expect((await tx.listIamGroups({ limit: 10 })).map((p) => p.record.name)).toEqual(["admins", "Readers"]);
      });
      expect(await storage().write((tx) => tx.removeGroupMember("AGPAREAD", "AIDAALICE"))).toBe(true);
      expect(await storage().write((tx) => tx.removeGroupMember("AGPAREAD", "AIDAALICE"))).toBe(false);
      expect(await storage().read((tx) => tx.countGroupsOfUser("AIDAALICE"))).toBe(1);
    });

    it("stores a role's trust policy verbatim with the unique ids it names, and updates it", async () => {
      const trust = '{ "Version":"2012-10-17",\n "Statement": [] }';
      const principals = [{ arn: `arn:aws:iam::${ACCOUNT}:user/alice`, uniqueId: "AIDAALICE" }];
      await storage().write(async (tx) => {
        expect(await tx.insertIamRole(role("App", "AROAAPP", { trustPolicy: trust, trustPrincipals: principals, description: "d" }), [])).toBe(true);
        expect(await tx.insertIamRole(role("app", "AROAOTHER"), [])).toBe(false);
      });
      expect(await storage().read((tx) => tx.iamRole("APP"))).toEqual(
        role("App", "AROAAPP", { trustPolicy: trust, trustPrincipals: principals, description: "d" }),
      );
      await storage().write((tx) => tx.updateIamRole("AROAAPP", { maxSessionDuration: 7200, trustPolicy: "{}", trustPrincipals: [] }));
      const updated = await storage().read((tx) => tx.iamRoleById("AROAAPP"));
      expect(updated).toMatchObject({ maxSessionDuration: 7200, trustPolicy: "{}", trustPrincipals: [], description: "d" });
    });

    it("renames an inline policy re-put under another spelling", async () => {
      await storage().write(async (tx) => {
        await tx.putInlinePolicy("AIDAALICE", { name: "MixedName", document: "{1}" });
        await tx.putInlinePolicy("AIDAALICE", { name: "other", document: "{2}" });
        await tx.putInlinePolicy("AIDAALICE", { name: "MIXEDNAME", document: "{3}" });
        await tx.putInlinePolicy("AIDABOB", { name: "mixedname", document: "{4}" });
      });
      await storage().read(async (tx) => {
        expect(await tx.inlinePolicies("AIDAALICE")).toEqual([
          { name: "MIXEDNAME", document: "{3}" },
          { name: "other", document: "{2}" },
        ]);
        expect(await tx.inlinePolicy("AIDAALICE", "mixedName")).toEqual({ name: "MIXEDNAME", document: "{3}" });
        const first = await tx.listInlinePolicies("AIDAALICE", { limit: 1 });
        expect(first.map((p) => p.record.name)).toEqual(["MIXEDNAME"]);
        expect((await tx.listInlinePolicies("AIDAALICE", { limit: 5, after: first[0]?.position ?? "" })).map((p) => p.record.name)).toEqual(["other"]);
      });
      expect(await storage().write((tx) => tx.deleteInlinePolicy("AIDAALICE", "mixedname"))).toBe(true);
      expect(await storage().write((tx) => tx.deleteInlinePolicy("AIDAALICE", "mixedname"))).toBe(false);
    });

    it("numbers managed policy versions without reuse and moves the default", async () => {
      const p = policy("Read", "ANPAREAD");
      await storage().write(async (tx) => {
        expect(await tx.insertManagedPolicy(p, "{v1}", [{ key: "k", value: "v" }])).toBe(true);
        expect(await tx.insertManagedPolicy(policy("READ", "ANPAOTHER", "/x/"), "{}", [])).toBe(false);
      });
      expect(await storage().read((tx) => tx.managedPolicyNamed("read"))).toEqual(p);
      const v2 = await storage().write((tx) => tx.addPolicyVersion(p.arn, "{v2}", 2000, false));
      const v3 = await storage().write((tx) => tx.addPolicyVersion(p.arn, "{v3}", 3000, true));
      expect([v2, v3]).toEqual([2, 3]);
      expect(await storage().write((tx) => tx.deletePolicyVersion(p.arn, 3))).toBe(true);
      expect(await storage().write((tx) => tx.addPolicyVersion(p.arn, "{v4}", 4000, false))).toBe(4);
      expect(await storage().write((tx) => tx.setDefaultPolicyVersion(p.arn, 3, 5000))).toBe(false);
      expect(await storage().write((tx) => tx.setDefaultPolicyVersion(p.arn, 2, 5000))).toBe(true);
      await storage().read(async (tx) => {
        expect((await tx.policyVersions(p.arn)).map((v) => v.version)).toEqual([1, 2, 4]);
        expect(await tx.policyVersion(p.arn, 4)).toEqual({ version: 4, document: "{v4}", createDate: 4000 });
        expect(await tx.managedPolicy(p.arn)).toMatchObject({ defaultVersion: 2, lastVersion: 4, updateDate: 5000 });
        expect(await tx.iamTags("ANPAREAD")).toEqual([{ key: "k", value: "v" }]);
      });
      expect(await storage().write((tx) => tx.addPolicyVersion("arn:aws:iam::123456789012:policy/none", "{}", 1, true))).toBeUndefined();
      expect(await storage().write((tx) => tx.deleteManagedPolicy(p.arn))).toBe(true);
      await storage().read(async (tx) => {
        expect(await tx.managedPolicy(p.arn)).toBeUndefined();
        expect(await tx.policyVersions(p.arn)).toEqual([]);
        expect(await tx.iamTags("ANPAREAD")).toEqual([]);
      });
    });

    it("counts attachments, lists attached policies and the entities a policy is attached to", async () => {
      const read = policy("Read", "ANPAREAD");
      const aws = "arn:aws:iam::aws:policy/AdministratorAccess";
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), []);
        await tx.insertIamGroup({ name: "devs", groupId: "AGPADEVS", path: "/", createDate: 1 });
        await tx.insertIamRole(role("app", "AROAAPP"), []);
        await tx.insertManagedPolicy(read, "{}", []);
        await tx.insertManagedPolicy(policy("Unused", "ANPAUNUSED", "/team/"), "{}", []);
        expect(await tx.attachPolicy("AIDAALICE", read.arn)).toBe(true);
        expect(await tx.attachPolicy("AIDAALICE", read.arn)).toBe(false);
        await tx.attachPolicy("AGPADEVS", read.arn);
        await tx.attachPolicy("AROAAPP", read.arn);
        await tx.attachPolicy("AIDAALICE", aws);
      });
      await storage().read(async (tx) => {
        expect(await tx.attachedPolicies("AIDAALICE")).toEqual([read.arn, aws]);
        expect(await tx.attachmentCount(read.arn)).toBe(3);
        expect(await tx.attachmentCount(aws)).toBe(1);
        const entities = await tx.policyEntities(read.arn, { limit: 10 });
        expect(entities.map((e) => e.record)).toEqual([
          { kind: "group", id: "AGPADEVS", name: "devs" },
          { kind: "user", id: "AIDAALICE", name: "alice" },
          { kind: "role", id: "AROAAPP", name: "app" },
        ]);
        const listed = await tx.listManagedPolicies({ limit: 10 });
        expect(listed.map((p) => [p.record.name, p.record.attachmentCount])).toEqual([["Read", 3], ["Unused", 0]]);
        expect((await tx.listManagedPolicies({ limit: 10, onlyAttached: true })).map((p) => p.record.name)).toEqual(["Read"]);
        expect((await tx.listManagedPolicies({ limit: 10, pathPrefix: "/team/" })).map((p) => p.record.name)).toEqual(["Unused"]);
      });
      expect(await storage().write((tx) => tx.detachPolicy("AIDAALICE", read.arn))).toBe(true);
      expect(await storage().write((tx) => tx.detachPolicy("AIDAALICE", read.arn))).toBe(false);
      expect(await storage().read((tx) => tx.attachmentCount(read.arn))).toBe(2);
    });

    it("loads a user's identity policies with their groups', each labelled with its source", async () => {
      const read = policy("Read", "ANPAREAD");
      const aws = "arn:aws:iam::aws:policy/AdministratorAccess";
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), [{ key: "team", value: "blue" }]);
        await tx.insertIamGroup({ name: "devs", groupId: "AGPADEVS", path: "/", createDate: 1 });
        await tx.addGroupMember("AGPADEVS", "AIDAALICE");
        await tx.insertManagedPolicy(read, "{v1}", []);
        await tx.addPolicyVersion(read.arn, "{v2}", 2, true);
        await tx.putInlinePolicy("AIDAALICE", { name: "mine", document: "{mine}" });
        await tx.putInlinePolicy("AGPADEVS", { name: "theirs", document: "{theirs}" });
        await tx.attachPolicy("AIDAALICE", read.arn);
        await tx.attachPolicy("AGPADEVS", aws);
        await tx.insertIamRole(role("app", "AROAAPP"), [{ key: "svc", value: "x" }]);
        await tx.attachPolicy("AROAAPP", read.arn);
      });
      const loaded = await storage().read((tx) => tx.principalPolicies({ kind: "user", userId: "AIDAALICE" }));
      expect(loaded).toEqual({
        user: user("alice", "AIDAALICE"),
        tags: [{ key: "team", value: "blue" }],
        groups: ["devs"],
        policies: [
          { source: { kind: "inline", owner: "user", ownerName: "alice", policyName: "mine" }, document: "{mine}" },
          { source: { kind: "managed", owner: "user", ownerName: "alice", policyArn: read.arn, version: 2 }, document: "{v2}" },
          { source: { kind: "inline", owner: "group", ownerName: "devs", policyName: "theirs" }, document: "{theirs}" },
          { source: { kind: "managed", owner: "group", ownerName: "devs", policyArn: aws }, document: undefined },
        ],
      });
      const forRole = await storage().read((tx) => tx.principalPolicies({ kind: "role", roleId: "AROAAPP" }));
      expect(forRole?.tags).toEqual([{ key: "svc", value: "x" }]);
      expect(forRole?.policies).toEqual([
        { source: { kind: "managed", owner: "role", ownerName: "app", policyArn: read.arn, version: 2 }, document: "{v2}" },
      ]);
      expect(await storage().read((tx) => tx.principalPolicies({ kind: "user", userId: "AIDAGONE" }))).toBeUndefined();
    });

    it("bumps the generation once per IAM-changing transaction, and not for a rolled-back one", async () => {
      const g0 = await storage().read((tx) => tx.iamGeneration());
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), []);
        await tx.putIamTags("AIDAALICE", [{ key: "a", value: "b" }]);
      });
      const g1 = await storage().read((tx) => tx.iamGeneration());
      expect(g1).toBe(g0 + 1);
      await expect(
        storage().write(async (tx) => {
          await tx.insertIamUser(user("bob", "AIDABOB"), []);
          throw new Error("abandon");
        }),
      ).rejects.toThrow("abandon");
      expect(await storage().read((tx) => tx.iamGeneration())).toBe(g1);
      expect(await storage().read((tx) => tx.iamUser("bob"))).toBeUndefined();
      await storage().write((tx) => tx.putSession(aSession("ASIAONE")));
      expect(await storage().read((tx) => tx.iamGeneration())).toBe(g1);
    });

    it("drops a user's tags and sessions with the user, a role's with the role", async () => {
      await storage().write(async (tx) => {
        await tx.insertIamUser(user("alice", "AIDAALICE"), [{ key: "a", value: "b" }]);
        await tx.insertIamRole(role("app", "AROAAPP"), [{ key: "c", value: "d" }]);
        await tx.putSession(aSession("ASIAUSER", { principal: { kind: "user", userId: "AIDAALICE" } }));
        await tx.putSession(aSession("ASIAROLE", { principal: { kind: "role", roleId: "AROAAPP" } }));
      });
      expect(await storage().write((tx) => tx.deleteIamUser("AIDAALICE"))).toBe(true);
      expect(await storage().write((tx) => tx.deleteIamRole("AROAAPP"))).toBe(true);
      await storage().read(async (tx) => {
        expect(await tx.iamTags("AIDAALICE")).toEqual([]);
        expect(await tx.iamTags("AROAAPP")).toEqual([]);
        expect(await tx.session("ASIAUSER")).toBeUndefined();
        expect(await tx.session("ASIAROLE")).toBeUndefined();
      });
    });
  });

  describe("sts sessions", () => {
    it("stores a session and finds it by access key id", async () => {
      const full = aSession("ASIAFULL", {
        sessionPolicy: '{"Version":"2012-10-17"}',
        sessionPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
        tags: [{ key: "project", value: "x" }],
        transitiveTagKeys: ["project"],
        sourceIdentity: "me",
        chained: true,
      });
      const bare = aSession("ASIABARE", { principal: { kind: "user", userId: "AIDAALICE" } });
      const { sessionName: _unused, ...withoutName } = bare;
      await storage().write(async (tx) => {
        await tx.putSession(full);
        await tx.putSession(withoutName);
      });
      const [readFull, readBare] = await storage().read(async (tx) => [await tx.session("ASIAFULL"), await tx.session("ASIABARE")]);
      expect(readFull && { ...readFull, sealedSecret: [...readFull.sealedSecret], tokenHash: [...readFull.tokenHash] }).toEqual({
        ...full,
        sealedSecret: [1, 2, 3],
        tokenHash: [...new Uint8Array(32).fill(7)],
      });
      expect(readBare && "sessionName" in readBare).toBe(false);
      expect(readBare?.principal).toEqual({ kind: "user", userId: "AIDAALICE" });
      expect(await storage().read((tx) => tx.session("ASIANONE"))).toBeUndefined();
    });

    it("stores the account root's sessions", async () => {
      const { sessionName: _unused, ...rootSession } = aSession("ASIAROOT", { principal: { kind: "root" } });
      await storage().write((tx) => tx.putSession(rootSession));
      expect((await storage().read((tx) => tx.session("ASIAROOT")))?.principal).toEqual({ kind: "root" });
    });

    it("deletes the sessions expired at a given time", async () => {
      await storage().write(async (tx) => {
        await tx.putSession(aSession("ASIAA", { expiresAt: 100 }));
        await tx.putSession(aSession("ASIAB", { expiresAt: 200 }));
        await tx.putSession(aSession("ASIAC", { expiresAt: 300 }));
      });
      expect(await storage().write((tx) => tx.deleteExpiredSessions(200))).toBe(2);
      await storage().read(async (tx) => {
        expect(await tx.session("ASIAB")).toBeUndefined();
        expect((await tx.session("ASIAC"))?.expiresAt).toBe(300);
      });
    });
  });
}
