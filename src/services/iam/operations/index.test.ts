import { describe, expect, it } from "vitest";
import { iamOperations } from "./index.js";

describe("iamOperations", () => {
  it("holds every IAM operation of this service under its name, with its iam: action", () => {
    const names = [...iamOperations.keys()];
    for (const kind of ["User", "Role", "Group"]) {
      for (const verb of ["Put", "Get", "Delete"]) expect(names).toContain(`${verb}${kind}Policy`);
      for (const verb of ["Attach", "Detach"]) expect(names).toContain(`${verb}${kind}Policy`);
      expect(names).toContain(`List${kind}Policies`);
      expect(names).toContain(`ListAttached${kind}Policies`);
    }
    for (const name of ["CreateUser", "GetUser", "DeleteUser", "ListUsers", "UpdateUser", "TagUser", "UntagUser", "ListUserTags",
      "CreateAccessKey", "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey",
      "CreateGroup", "GetGroup", "DeleteGroup", "ListGroups", "AddUserToGroup", "RemoveUserFromGroup", "ListGroupsForUser",
      "CreateRole", "GetRole", "DeleteRole", "ListRoles", "UpdateAssumeRolePolicy", "UpdateRole", "TagRole", "UntagRole", "ListRoleTags",
      "CreatePolicy", "GetPolicy", "DeletePolicy", "ListPolicies", "CreatePolicyVersion", "GetPolicyVersion", "ListPolicyVersions",
      "DeletePolicyVersion", "SetDefaultPolicyVersion", "ListEntitiesForPolicy", "SimulatePrincipalPolicy"]) {
      expect(names).toContain(name);
    }
    expect(iamOperations.size).toBe(60);
    for (const [name, operation] of iamOperations) {
      expect(operation.name).toBe(name);
      expect(operation.action).toBe(`iam:${name}`);
    }
  });
});
