import { iamMetadata, iamOperations } from "../model/generated/iam.js";
import type { AnyOperation } from "../services/operation.js";
import { IAM_VALIDATION } from "../wire/query-validation.js";
import type { QueryService } from "../wire/query-service.js";
import { checkedModels } from "./query-models.js";

/** IAM on the Query wire (`Version=2010-05-08`, signing name `iam`); Actions not in `operations` answer InvalidAction. */
export function iamQueryService(operations: ReadonlyMap<string, AnyOperation>): QueryService {
  return {
    version: iamMetadata.apiVersion,
    signingName: iamMetadata.signingName,
    xmlNamespace: iamMetadata.xmlNamespace,
    operations,
    models: checkedModels("IAM", iamOperations, operations),
    validation: IAM_VALIDATION,
  };
}
