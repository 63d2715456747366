import type { GetParametersByPathRequest, GetParametersByPathResult } from "@aws-sdk/client-ssm";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { scanByPathPage } from "../by-path-page.js";
import { compileByPathFilters } from "../domain/filters.js";
import { DEFAULT_RESULTS_GET_PARAMETERS_BY_PATH } from "../domain/limits.js";
import { decodeKeyToken, encodeNextToken, type TokenQuery } from "../domain/next-token.js";
import { validatePath } from "../domain/parameter-name.js";
import { parameterView, valueText } from "../parameter-view.js";
import type { Validated } from "../validated-request.js";
import { pathRequest } from "../access-requests.js";

/**
 * §4.4: the parameters one level below `Path` (or every descendant with Recursive), in name order,
 * narrowed by the Type, KeyId and Label filters; the Label filter lists the version carrying the
 * label. Names are echoed as created. Paged by an opaque token bound to this query.
 */
export const GetParametersByPath: Operation<Validated<GetParametersByPathRequest, "Path">, WireShape<GetParametersByPathResult>> = {
  name: "GetParametersByPath",
  action: "ssm:GetParametersByPath",
  access: (input, cx) => {
    validatePath(input.Path);
    return [pathRequest("ssm:GetParametersByPath", input.Path, cx, { "ssm:Recursive": String(input.Recursive === true) })];
  },
  async run(input, cx) {
    const path = validatePath(input.Path);
    const filters = compileByPathFilters(input.ParameterFilters);
    const recursive = input.Recursive === true;
    const query: TokenQuery = {
      operation: "GetParametersByPath",
      members: { account: cx.accountId, region: cx.region, path, recursive, filters: input.ParameterFilters },
    };
    const afterKey = input.NextToken === undefined ? undefined : decodeKeyToken(cx.ports.tokenKey, query, input.NextToken);
    const pageSize = input.MaxResults ?? DEFAULT_RESULTS_GET_PARAMETERS_BY_PATH;
    const page = await cx.ports.storage.read((tx) =>
      scanByPathPage(tx, { region: cx.region, path, recursive, filters, afterKey, pageSize }),
    );
    const withDecryption = input.WithDecryption === true;
    const parameters = await Promise.all(
      page.records.map(async (r) => parameterView(r, { name: r.name, selector: null }, await valueText(r, withDecryption, cx), cx)),
    );
    return {
      Parameters: parameters,
      ...(page.resumeAfter !== null ? { NextToken: encodeNextToken(cx.ports.tokenKey, query, page.resumeAfter) } : {}),
    };
  },
};
