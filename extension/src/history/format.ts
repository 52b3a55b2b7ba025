// Words for the history list and the shortlist changes, Russian first: dates dd.mm.yyyy, prices
// «12 990 руб.» (no-break spaces), counts with the three Russian plural forms. Texts from _locales.
import type { Lang } from "../shared/contracts";
import { money, visitDate } from "../snapshots/format";
import { pluralForm } from "../ui/plural";
import type { Msg } from "../ui/strings";
import type { ShortlistChange } from "./changes";
import type { ScoredPoint } from "./score";

/** dd.mm.yyyy in Russian, YYYY-MM-DD in English (as the rest of the extension writes dates). */
export function dayText(date: string, lang: Lang): string {
  return visitDate(date, lang);
}

export function priceText(rub: number, lang: Lang, msg: Msg): string {
  return rub === 0 ? msg("historyFree") : msg("historyPrice", { price: money(rub, lang) });
}

/** «01.12.2026, ваш визит: оценка 78, 12 990 руб., версия 3.4.2, 37 отзывов». */
export function pointText(p: ScoredPoint, lang: Lang, msg: Msg): string {
  const values = [
    p.score === null ? msg("historyNoScore") : msg("historyScore", { n: p.score }),
    p.price === null ? "" : priceText(p.price, lang, msg),
    p.version === null ? "" : msg("historyVersion", { v: p.version }),
    p.reviews_total === null ? "" : msg(`historyReviews${pluralForm(p.reviews_total, lang)}`, { n: p.reviews_total }),
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
