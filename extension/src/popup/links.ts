// "Open on the page" targets: the criterion's tab anchor on the solution page (DOM.md §4) or,
// for the developer step, the partner's page. facts.url came from the page (its canonical or
// og:url may name any host), so it passes the comparison page's check: Marketplace https only.
import { safePageUrl } from "../compare/safe-url";
import type { CriterionReport, FactsView } from "../shared/contracts";
import { pageAnchor, type RulesTexts } from "../ui/rules-text";

const PARTNER_PAGE = "https://marketplace.1c-bitrix.ru/partners/detail.php?ID=";

export function criterionLink(rules: RulesTexts, facts: FactsView | null, c: CriterionReport): string | null {
  if (!facts) return null;
  if (c.id === "developer" && typeof facts.partner?.id === "number") return PARTNER_PAGE + facts.partner.id;
  const anchor = pageAnchor(rules, c.id);
  if (!anchor) return null;
  const base = safePageUrl(facts.url.split("#")[0] ?? facts.url);
  return base === null ? null : base + anchor;
}
