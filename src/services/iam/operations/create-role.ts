import type { CreateRoleRequest, CreateRoleResponse } from "@aws-sdk/client-iam";
import { entityAlreadyExists } from "../../../errors/iam-errors.js";
import type { IamRoleRecord } from "../../../storage/iam-ports.js";
import { iamNow, type IamOperation, type Validated } from "../iam-operation.js";
import { newUniqueId } from "../ids.js";
import { attachablePolicy } from "../managed-policy-ref.js";
import { requestTags } from "../tags.js";
import { checkTrustPolicy } from "../trust-policy.js";
import { trustPrincipals } from "../trust-principals.js";
import { roleView } from "../views.js";

/** Seconds, when CreateRole leaves MaxSessionDuration out [botocore model]. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/**
 * §8.1: a role with a fresh AROA… id. The trust policy is kept verbatim, with the unique ids of the
 * users and roles it names (iam-policy-evaluation.md §2.3).
 */
export const CreateRole: IamOperation<Validated<CreateRoleRequest, "RoleName" | "AssumeRolePolicyDocument">, CreateRoleResponse> = {
  name: "CreateRole",
  action: "iam:CreateRole",
  async run(input, cx) {
    checkTrustPolicy(input.AssumeRolePolicyDocument);
    const tags = requestTags(input.Tags);
    const roleId = newUniqueId(cx.ports.random, "AROA");
    const createDate = iamNow(cx);
    const role = await cx.ports.storage.write(async (tx) => {
      if (input.PermissionsBoundary !== undefined) await attachablePolicy(tx, input.PermissionsBoundary);
      const record: IamRoleRecord = {
        name: input.RoleName,
        roleId,
        path: input.Path ?? "/",
        createDate,
        trustPolicy: input.AssumeRolePolicyDocument,
        trustPrincipals: await trustPrincipals(tx, input.AssumeRolePolicyDocument, cx),
        maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        ...(input.Description === undefined ? {} : { description: input.Description }),
        ...(input.PermissionsBoundary === undefined ? {} : { permissionsBoundary: input.PermissionsBoundary }),
      };
      if (!(await tx.insertIamRole(record, tags))) throw entityAlreadyExists("role", input.RoleName);
      return record;
    });
    return { Role: roleView(cx, role, "create", tags) };
  },
};
