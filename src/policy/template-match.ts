import type { ConditionContext } from "./condition-context.js";
import { type PolicyTemplate, resolveTemplate, resolveTemplateText } from "./policy-variables.js";
import { globMatch, type MatcherMemo, type WildcardMode } from "./wildcard.js";

/**
 * Whether `value` matches a pattern that holds policy variables, resolved in the request's context;
 * false when a variable cannot be resolved (§2.2, §6). Plain patterns without escapes are matched
 * straight from the resolved text; the rest go through compiled matchers remembered in `memo`.
 */
export function templateMatches(template: PolicyTemplate, mode: WildcardMode, memo: MatcherMemo, context: ConditionContext, value: string): boolean {
  if (mode === "plain" && !template.hasEscapes) {
    const text = resolveTemplateText(template, context);
    return text !== undefined && globMatch(text, value);
  }
  const segments = resolveTemplate(template, context);
  return segments !== undefined && memo.get(segments)(value);
}
