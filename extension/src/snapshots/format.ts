// "С прошлого визита (20.11.2026): +3 отзыва, версия 3.4.2, цена 12 990 руб. → 10 990 руб., оценка 78 → 82".
// Texts come from _locales through Msg; Russian needs three plural forms, hence the One/Few/Many keys.
// Dates and prices are the engine formatter's (ui/buyer-values.ts), as everywhere else.
import type { Lang } from "../shared/contracts";
import { dayText, moneyText } from "../ui/buyer-values";
import { pluralForm } from "../ui/plural";
import type { Msg } from "../ui/strings";
import type { Change, SinceLastVisit } from "./diff";

function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`; // a real minus sign, like the price arrows: typographic
}

export function changeText(change: Change, lang: Lang, msg: Msg): string {
  switch (change.kind) {
    case "reviews":
      return msg(`reviews${pluralForm(change.delta, lang)}`, { n: signed(change.delta) });
    case "comments":
      return msg(`sinceComments${pluralForm(change.delta, lang)}`, { n: signed(change.delta) });
    case "version":
      return change.between.length === 0
        ? msg("sinceVersion", { to: change.to })
        : msg("sinceVersionVia", { to: change.to, between: change.between.join(", ") });
    case "price":
      return msg("sincePrice", { path: change.path.map((p) => moneyText(p, lang)).join(" → ") });
    case "score":
      return msg("sinceScore", { from: change.from, to: change.to });
  }
}

/** The badge's one line, or null when nothing changed (or on the first visit). */
export function sinceLine(since: SinceLastVisit | null, lang: Lang, msg: Msg): string | null {
  if (!since || since.changes.length === 0) return null;
  const items = since.changes.map((c) => changeText(c, lang, msg)).join(", ");
  return `${msg("sinceTitle", { date: dayText(since.since, lang) })}: ${items}`;
}
