import type { DescribeParametersRequest, DescribeParametersResult } from "@aws-sdk/client-ssm";
import type { Operation } from "../../operation.js";
import type { WireShape } from "../../../model/wire-shape.js";
import { compileDescribeFilters } from "../domain/filters.js";
import { DEFAULT_RESULTS_DESCRIBE_PARAMETERS } from "../domain/limits.js";
import { decodeKeyToken, encodeNextToken, type TokenQuery } from "../domain/next-token.js";
import { scanFilteredPage } from "../filtered-scan.js";
import { parameterMetadata } from "../parameter-metadata.js";
import { accountWideRequest } from "../access-requests.js";

/**
 * Lists the latest metadata of the region's parameters, sorted by name, filtered by either the
 * legacy `Filters` or `ParameterFilters` (ssm-parameter-store.md §4.7, §6.2, §6.4).
 */
export const DescribeParameters: Operation<DescribeParametersRequest, WireShape<DescribeParametersResult>> = {
  name: "DescribeParameters",
  action: "ssm:DescribeParameters",
  access: (_input, cx) => [accountWideRequest("ssm:DescribeParameters", cx)],
  async run(input, cx) {
    const filters = compileDescribeFilters(input.Filters, input.ParameterFilters);
    const query: TokenQuery = {
      operation: "DescribeParameters",
      members: { region: cx.region, Filters: input.Filters, ParameterFilters: input.ParameterFilters, Shared: input.Shared },
    };
    const afterKey = input.NextToken === undefined ? undefined : decodeKeyToken(cx.ports.tokenKey, query, input.NextToken);
    // Shared=true lists parameters other accounts share with the caller: this server hosts one
    // account, so there are none.
    if (input.Shared === true) return { Parameters: [] };

    const scope = { partition: cx.partition, region: cx.region, account: cx.accountId };
    const page = await cx.ports.storage.read((tx) =>
      scanFilteredPage(tx, {
        region: cx.region,
        hint: filters.scan,
        afterKey,
        pageSize: input.MaxResults ?? DEFAULT_RESULTS_DESCRIBE_PARAMETERS,
        needsTags: filters.needsTags,
        matches: filters.matches,
      }),
    );
    return {
      Parameters: page.records.map((record) => parameterMetadata(record, scope)),
      ...(page.resumeAfter !== null ? { NextToken: encodeNextToken(cx.ports.tokenKey, query, page.resumeAfter) } : {}),
    };
  },
};
