import type { GetParameterHistoryRequest, GetParameterHistoryResult } from "@aws-sdk/client-ssm";
import { parameterNotFound } from "../../../errors/ssm-errors.js";
import type { WireShape } from "../../../model/wire-shape.js";
import type { Operation } from "../../operation.js";
import { DEFAULT_RESULTS_GET_PARAMETER_HISTORY } from "../domain/limits.js";
import { decodeVersionToken, encodeNextToken, type TokenQuery } from "../domain/next-token.js";
import { parseParameterReference } from "../domain/parameter-reference.js";
import { scopeOf } from "../parameter-scope.js";
import { historyView, valueText } from "../parameter-view.js";
import type { Validated } from "../validated-request.js";
import { referenceRequest } from "../access-requests.js";

/**
 * §4.8: every retained version, oldest first, each with its own metadata and labels; paged by an
 * opaque token holding the last version returned. `Name` may be an ARN; a selector is ignored.
 * Public parameters, Secrets Manager references and other accounts' ARNs name nothing stored here,
 * so they are ParameterNotFound like any missing parameter.
 */
export const GetParameterHistory: Operation<Validated<GetParameterHistoryRequest, "Name">, WireShape<GetParameterHistoryResult>> = {
  name: "GetParameterHistory",
  action: "ssm:GetParameterHistory",
  access: (input, cx) => [referenceRequest("ssm:GetParameterHistory", parseParameterReference(input.Name, scopeOf(cx)), cx)],
  async run(input, cx) {
    const ref = parseParameterReference(input.Name, scopeOf(cx));
    const query: TokenQuery = { operation: "GetParameterHistory", members: { account: cx.accountId, region: cx.region, key: ref.key } };
    const after = input.NextToken === undefined ? 0 : decodeVersionToken(cx.ports.tokenKey, query, input.NextToken);
    const pageSize = input.MaxResults ?? DEFAULT_RESULTS_GET_PARAMETER_HISTORY;
    if (ref.foreign || ref.namespace !== "parameter") throw parameterNotFound();
    const versions = await cx.ports.storage.read(async (tx) => {
      if ((await tx.latest(cx.region, ref.key)) === undefined) throw parameterNotFound();
      // One more than the page: a next page exists exactly when it comes back.
      return tx.history(cx.region, ref.key, after, pageSize + 1);
    });
    const page = versions.slice(0, pageSize);
    const last = page.at(-1);
    const withDecryption = input.WithDecryption === true;
    const entries = await Promise.all(page.map(async (v) => historyView(v, ref.name, await valueText(v, withDecryption, cx))));
    return {
      Parameters: entries,
      ...(versions.length > pageSize && last !== undefined ? { NextToken: encodeNextToken(cx.ports.tokenKey, query, last.version) } : {}),
    };
  },
};
