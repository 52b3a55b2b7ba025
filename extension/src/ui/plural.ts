// Plural forms for counts in our own texts: English has one/many, Russian one/few/many
// (1 отзыв, 3 отзыва, 5 отзывов; 11-14 take "many"). chrome.i18n has no plural support, so the
// rule is the engine's one per language (engine/formatting.ts pluralIndex), as in reports.
import { pluralIndex } from "../engine/formatting";
import type { Lang } from "../shared/contracts";

export type PluralForm = "One" | "Few" | "Many";

export function pluralForm(n: number, lang: Lang): PluralForm {
  const index = pluralIndex(n, lang);
  if (lang === "en") return index === 0 ? "One" : "Many";
  return index === 0 ? "One" : index === 1 ? "Few" : "Many";
}

/** `forms` in One/Few/Many order; English uses the first and the last. */
export function plural(n: number, lang: Lang, forms: readonly [string, string, string]): string {
  const form = pluralForm(n, lang);
  return form === "One" ? forms[0] : form === "Few" ? forms[1] : forms[2];
}
