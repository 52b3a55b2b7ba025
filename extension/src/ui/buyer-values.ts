// Dates and prices in our own texts (the badge's «с прошлого визита» line, the history, the
// shortlist changes) are written by the engine's one formatter with the shipped rules' locale style
// (docs/ENGINE-NUMBERS.md §3), so they read exactly as the reports do: «27.11.2026» / «27 Nov 2026»,
// «12 990 руб.» / «12 990 RUB». No module formats a date or groups digits of its own, and ISO is
// never shown to a buyer.
import { formatValue } from "../engine/formatting";
import type { NumberStyle } from "../engine/types";
import type { Lang } from "../shared/contracts";
import { RULES } from "../shared/rules";
import { numberStyle } from "./rules-text";

function style(lang: Lang): NumberStyle {
  const found = numberStyle(RULES, lang);
  // The bundle is checked against shared_rules' schema by the rules' tests: always present.
  if (found === null) throw new Error(`scoring.json has no number style for ${lang}`);
  return found as unknown as NumberStyle;
}

/** A day ("2026-11-27", or a timestamp's UTC day "2026-11-27T10:00:00Z") as the locale writes it. */
export function dayText(iso: string, lang: Lang): string {
  return formatValue(iso.slice(0, 10), "date", style(lang));
}

/** Whole roubles with the locale's unit: «12 990 руб.», «12 990 RUB». */
export function moneyText(rub: number, lang: Lang): string {
  return formatValue(rub, "money", style(lang));
}
