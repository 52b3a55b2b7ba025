// Plural forms for counts in our own texts: English has one/many, Russian one/few/many
// (1 отзыв, 3 отзыва, 5 отзывов; 11-14 take "many"). chrome.i18n has no plural support.
import type { Lang } from "../shared/contracts";

export type PluralForm = "One" | "Few" | "Many";

export function pluralForm(n: number, lang: Lang): PluralForm {
  const abs = Math.abs(n);
  if (lang === "en") return abs === 1 ? "One" : "Many";
  const [ten, hundred] = [abs % 10, abs % 100];
  if (ten === 1 && hundred !== 11) return "One";
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return "Few";
  return "Many";
}

/** `forms` in One/Few/Many order; English uses the first and the last. */
export function plural(n: number, lang: Lang, forms: readonly [string, string, string]): string {
  const form = pluralForm(n, lang);
  return form === "One" ? forms[0] : form === "Few" ? forms[1] : forms[2];
}
