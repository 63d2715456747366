import { stsMetadata, stsOperations } from "../model/generated/sts.js";
import { stsOperationTable } from "../services/sts/operations/index.js";
import type { AnyOperation } from "../services/operation.js";
import { STS_VALIDATION } from "../wire/query-validation.js";
import type { QueryService } from "../wire/query-service.js";
import { checkedModels } from "./query-models.js";

/** STS on the Query wire (`Version=2011-06-15`, signing name `sts`). */
export function stsQueryService(operations: ReadonlyMap<string, AnyOperation> = stsOperationTable): QueryService {
  return {
    version: stsMetadata.apiVersion,
    signingName: stsMetadata.signingName,
    xmlNamespace: stsMetadata.xmlNamespace,
    operations,
    models: checkedModels("STS", stsOperations, operations),
    validation: STS_VALIDATION,
  };
}
