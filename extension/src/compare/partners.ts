// The developers' places in the partners' rating, compared by the article's rule (CHECKLIST §5):
// "#1 vs #5 - no real difference; #3 vs #21 - notable. Top-10 is unlikely to disappear; the last
// 30 may." Twin of backend/mpcheck/compare/partners.py.
import type { Lang } from "../shared/contracts";
import type { Candidate, Rating } from "./candidates";
import { fill, fullStop, joinList } from "./format";
import { ruleText, type ComparisonRules } from "./rules";

export type Band = "top" | "last" | "middle" | "outside_top";
export interface PartnersJson { key: "same_band" | "notable" | "one_known" | "unknown"; ru: string; en: string }

/** top | last | middle | outside_top (the rating's length unknown) | null (position unknown). */
export function band(rating: Rating, rules: ComparisonRules): Band | null {
  if (rating.position === null) return null;
  if (rating.position <= rules.ratingTop) return "top";
  if (rating.total === null) return "outside_top";
  return rating.position > rating.total - rules.ratingLast ? "last" : "middle";
}

/** Exactly one of the two is in the top, or (both lengths known) exactly one is among the last. */
export function notable(a: string, b: string): boolean {
  if ((a === "top") !== (b === "top")) return true;
  const settled = a !== "outside_top" && b !== "outside_top";
  return settled && (a === "last") !== (b === "last");
}

/** Who the rating ranks: the partner's name; the solution's own when the facts lack it. */
export function developer(c: Candidate): string {
  return c.rating.developer ?? c.name;
}

/** Each developer once (two solutions of one partner hold one place), first appearance first. */
export function developers(candidates: Candidate[]): string[] {
  return [...new Set(candidates.map(developer))];
}

function position(c: Candidate, rules: ComparisonRules, lang: Lang): string {
  const key = c.rating.total === null ? "position" : "position_of";
  let out = fill(ruleText(rules, "partners", key, lang), { name: developer(c), position: c.rating.position ?? 0, total: c.rating.total ?? 0 });
  const which = band(c.rating, rules);
  if (which === "top" || which === "last" || which === "outside_top") {
    out += ` (${fill(ruleText(rules, "partners", `band_${which}`, lang), { top: rules.ratingTop, last: rules.ratingLast })})`;
  }
  return out;
}

export function comparePartners(candidates: Candidate[], rules: ComparisonRules): PartnersJson {
  const known = candidates.filter((c) => c.rating.position !== null);
  const unknown = candidates.filter((c) => c.rating.position === null);
  const bands = known.map((c) => band(c.rating, rules) ?? "");
  let key: PartnersJson["key"];
  if (known.length >= 2) key = bands.some((a, i) => bands.slice(i + 1).some((b) => notable(a, b))) ? "notable" : "same_band";
  else key = known.length ? "one_known" : "unknown";
  const sentence = (lang: Lang): string => {
    const parts: string[] = [];
    if (known.length) {
      const positions = known.map((c) => position(c, rules, lang)).join("; ");
      parts.push(fill(ruleText(rules, "partners", key, lang), { positions }));
    }
    if (unknown.length) {
      const names = developers(unknown);
      const which = names.length === 1 ? "unknown_one" : "unknown"; // «разработчика» / «разработчиков»
      const part = fill(ruleText(rules, "partners", which, lang), { names: joinList(names, lang) });
      parts.push(known.length ? part : part.slice(0, 1).toUpperCase() + part.slice(1));
    }
    return fullStop(parts.join("; "));
  };
  return { key, ru: sentence("ru"), en: sentence("en") };
}
