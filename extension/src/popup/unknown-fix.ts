// "Why unknown, and what to do" under an unknown step in the popup (SPEC §4 unknown_reason). The
// step's message already says why (the rules' text); this adds the fix as a control:
//   not on the page / markup changed -> a link to the solution page's tab that has it,
//   partner not in the rating        -> a link to the developer's page,
//   backend unreachable              -> start `mpcheck serve`,
//   not checked by you               -> a button that takes the buyer to the form field.
import type { CriterionReport, FactsView, Lang, UnknownReason } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { criterionTitle, pageAnchor, type RulesTexts } from "../ui/rules-text";
import type { Msg } from "../ui/strings";
import { el } from "../ui/dom";
import { criterionLink } from "./links";

export const FIX_CSS = `
.mp-fix { margin: 4px 0 0 2.1em; }
.mp-fix code { background: #f1f3f5; padding: 0 4px; border-radius: 3px; }
.mp-fix button { font-size: 13px; }
`;

export interface FixDeps {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  facts: FactsView | null;
  onOpenLink: (href: string) => void;
}

/** Marketplace tab names by the anchor's middle part (#tab-rating-link -> rating). */
const TAB_KEY: Readonly<Record<string, string>> = {
  about: "fixTabAbout", rating: "fixTabRating", support: "fixTabSupport", log: "fixTabLog",
  comments: "fixTabComments", install: "fixTabInstall",
};

function link(doc: Document, href: string, text: string, deps: FixDeps): HTMLAnchorElement {
  const a = el(doc, "a", "mp-fix-link", text);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.addEventListener("click", (event) => {
    event.preventDefault();
    deps.onOpenLink(href); // the page's own tab, not a new one
  });
  return a;
}

/** The tab link's text: «Откройте вкладку «Отзывы»», the developer's page, or null (no tab to name). */
function pageLinkText(c: CriterionReport, deps: FixDeps): string | null {
  if (c.id === "developer") return deps.msg("fixOpenPartner");
  const anchor = pageAnchor(deps.rules, c.id);
  const tab = anchor ? /^#tab-([a-z]+)-link$/.exec(anchor)?.[1] : undefined;
  const key = tab === undefined ? undefined : TAB_KEY[tab];
  return key === undefined ? null : deps.msg("fixOpenTab", { tab: deps.msg(key) });
}

/**
 * The buyer form's control for this step: the first check the step reads from the buyer
 * (rules' signal facts under buyer.); the support test starts at its "asked" field.
 */
export function buyerFieldId(rules: RulesTexts, id: string): string {
  const rule = rules.criteria[id];
  const signals = isObject(rule) && Array.isArray(rule.signals) ? rule.signals : [];
  for (const signal of signals) {
    const facts = isObject(signal) && Array.isArray(signal.facts) ? signal.facts : [];
    const own = facts.find((f): f is string => typeof f === "string" && f.startsWith("buyer."));
    const name = own?.split(".")[1];
    if (name === undefined) continue;
    return name.startsWith("support_test") ? "mp-buyer-asked" : `mp-buyer-${name.replace(/_/g, "-")}`;
  }
  return "mp-buyer-title";
}

function recordButton(doc: Document, c: CriterionReport, deps: FixDeps): HTMLButtonElement {
  const button = el(doc, "button", "mp-fix-record", deps.msg("fixRecord"));
  button.type = "button";
  button.setAttribute("aria-label", `${deps.msg("fixRecord")}: ${criterionTitle(deps.rules, c.id, deps.lang)}`);
  button.addEventListener("click", () => {
    const target = doc.getElementById(buyerFieldId(deps.rules, c.id)) ?? doc.getElementById("mp-buyer-title");
    target?.scrollIntoView({ block: "center" });
    target?.focus();
  });
  return button;
}

/** «Запустите `mpcheck serve` …»: the command in <code>, the rest as text. */
function serveText(doc: Document, deps: FixDeps): Node[] {
  return deps.msg("fixServe").split("`").map((part, i) => (i % 2 === 1 ? el(doc, "code", "", part) : doc.createTextNode(part)));
}

function control(doc: Document, c: CriterionReport, reason: UnknownReason, deps: FixDeps): { fix: string; nodes: Node[] } | null {
  switch (reason) {
    case "not_on_page":
    case "markup_changed":
    case "partner_not_found": {
      const href = criterionLink(deps.rules, deps.facts, c);
      const text = reason === "partner_not_found" ? deps.msg("fixOpenPartner") : pageLinkText(c, deps);
      return href && text ? { fix: c.id === "developer" ? "open-partner" : "open-tab", nodes: [link(doc, href, text, deps)] } : null;
    }
    case "backend_unreachable":
      return { fix: "serve", nodes: serveText(doc, deps) };
    case "not_checked_by_you":
      return { fix: "record", nodes: [recordButton(doc, c, deps)] };
  }
}

/** The fix line for an unknown step, or null (known steps, or no fix the popup can offer). */
export function unknownFix(doc: Document, c: CriterionReport, deps: FixDeps): HTMLElement | null {
  const reason = c.status === "unknown" ? c.unknown_reason : null;
  if (!reason) return null;
  const found = control(doc, c, reason, deps);
  if (found === null) return null;
  const line = el(doc, "p", "mp-fix");
  line.dataset.fix = found.fix;
  line.append(el(doc, "span", "mp-fix-label", `${deps.msg("fixLabel")} `), ...found.nodes);
  return line;
}
