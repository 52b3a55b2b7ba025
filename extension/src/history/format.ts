// Words for the history list and the shortlist changes, Russian first: dates and prices by the
// engine's formatter (ui/buyer-values.ts: «01.12.2026», «12 990 руб.»), counts with the three Russian
// plural forms. Texts from _locales.
import type { Lang } from "../shared/contracts";
import { dayText, moneyText } from "../ui/buyer-values";
import { pluralForm } from "../ui/plural";
import type { Msg } from "../ui/strings";
import type { ShortlistChange } from "./changes";
import type { ScoredPoint } from "./score";

export function priceText(rub: number, lang: Lang, msg: Msg): string {
  return rub === 0 ? msg("historyFree") : moneyText(rub, lang);
}

/** «01.12.2026, ваш визит: оценка 78, 12 990 руб., версия 3.4.2, 37 отзывов». */
export function pointText(p: ScoredPoint, lang: Lang, msg: Msg): string {
  const values = [
    p.score === null ? msg("historyNoScore") : msg("historyScore", { n: p.score }),
    p.price === null ? "" : priceText(p.price, lang, msg),
    p.version === null ? "" : msg("historyVersion", { v: p.version }),
    p.reviews_total === null ? "" : msg(`reviews${pluralForm(p.reviews_total, lang)}`, { n: p.reviews_total }),
  ].filter(Boolean);
  const source = msg(p.source === "visit" ? "historyYourVisit" : p.visited ? "historyServerVisited" : "historyServer");
  return `${dayText(p.date, lang)}, ${source}: ${values.join(", ")}`;
}

export function changeText(c: ShortlistChange, lang: Lang, msg: Msg): string {
  switch (c.kind) {
    case "release":
      return msg("changesRelease", { from: c.from, to: c.to });
    case "negative_review":
      return msg("changesNegative", { stars: c.stars, date: dayText(c.date, lang) });
    case "price":
      return msg("changesPrice", { from: priceText(c.from, lang, msg), to: priceText(c.to, lang, msg) });
    case "withdrawn":
      return msg("changesWithdrawn");
  }
}

export function newCountText(n: number, lang: Lang, msg: Msg): string {
  return msg(`changesNew${pluralForm(n, lang)}`, { n });
}
