import type { AnyOperation } from "../../operation.js";
import { PutParameter } from "./put-parameter.js";
import { GetParameter } from "./get-parameter.js";
import { GetParameters } from "./get-parameters.js";
import { GetParametersByPath } from "./get-parameters-by-path.js";
import { DeleteParameter } from "./delete-parameter.js";
import { DeleteParameters } from "./delete-parameters.js";
import { DescribeParameters } from "./describe-parameters.js";
import { GetParameterHistory } from "./get-parameter-history.js";
import { LabelParameterVersion } from "./label-parameter-version.js";
import { UnlabelParameterVersion } from "./unlabel-parameter-version.js";
import { AddTagsToResource } from "./add-tags-to-resource.js";
import { RemoveTagsFromResource } from "./remove-tags-from-resource.js";
import { ListTagsForResource } from "./list-tags-for-resource.js";
import { GetServiceSetting } from "./get-service-setting.js";
import { UpdateServiceSetting } from "./update-service-setting.js";
import { ResetServiceSetting } from "./reset-service-setting.js";
import { PutResourcePolicy } from "./put-resource-policy.js";
import { GetResourcePolicies } from "./get-resource-policies.js";
import { DeleteResourcePolicy } from "./delete-resource-policy.js";

/** The Parameter Store operations this server answers, by AWS operation name. */
export const ssmOperationTable: ReadonlyMap<string, AnyOperation> = new Map<string, AnyOperation>([
  [PutParameter.name, PutParameter],
  [GetParameter.name, GetParameter],
  [GetParameters.name, GetParameters],
  [GetParametersByPath.name, GetParametersByPath],
  [DeleteParameter.name, DeleteParameter],
  [DeleteParameters.name, DeleteParameters],
  [DescribeParameters.name, DescribeParameters],
  [GetParameterHistory.name, GetParameterHistory],
  [LabelParameterVersion.name, LabelParameterVersion],
  [UnlabelParameterVersion.name, UnlabelParameterVersion],
  [AddTagsToResource.name, AddTagsToResource],
  [RemoveTagsFromResource.name, RemoveTagsFromResource],
  [ListTagsForResource.name, ListTagsForResource],
  [GetServiceSetting.name, GetServiceSetting],
  [UpdateServiceSetting.name, UpdateServiceSetting],
  [ResetServiceSetting.name, ResetServiceSetting],
  [PutResourcePolicy.name, PutResourcePolicy],
  [GetResourcePolicies.name, GetResourcePolicies],
  [DeleteResourcePolicy.name, DeleteResourcePolicy],
]);
