// The recommendation's reason in Russian and English, from comparison.json's templates (twin of
// backend/mpcheck/compare/texts.py), e.g. «Лучший выбор — NordLab: сильнее по пункту «Упаковка,
// документация, видео»; разница в цене 5 090 руб. для модуля несущественна.»
import type { Lang } from "../shared/contracts";
import type { Candidate } from "./candidates";
import type { Decision } from "./decide";
import { roundHalfUp } from "../engine/formatting";
import { fill, fullStop, joinList, money, plural, quoted } from "./format";
import type { PricePair } from "./price";
import { ruleText, type ComparisonRules } from "./rules";

/** Templates of one language, with the candidates' names and step titles at hand. */
class Words {
  readonly byCode = new Map<string, Candidate>();

  constructor(readonly rules: ComparisonRules, readonly lang: Lang, candidates: Candidate[]) {
    for (const c of candidates) if (!this.byCode.has(c.code)) this.byCode.set(c.code, c); // the first of a duplicated code
  }

  t(key: string, subs: Record<string, string | number> = {}): string {
    return fill(ruleText(this.rules, "recommendation", key, this.lang), subs);
  }

  name(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }

  names(list: Candidate[]): string {
    return joinList(list.map((c) => c.name), this.lang);
  }

  scores(list: Candidate[]): string {
    const none = this.t("no_score");
    return list.map((c) => `${c.name}: ${c.score === null ? none : roundHalfUp(c.score)}`).join(", ");
  }

  steps(c: Candidate, ids: string[]): string {
    const titles = new Map(c.steps.map((s) => [s.id, s.title[this.lang]] as const).reverse()); // first wins
    return joinList(ids.map((id) => quoted(titles.get(id) ?? id, this.lang)), this.lang);
  }

  kind(thresholdKind: string): string {
    return ruleText(this.rules, "kind", thresholdKind, this.lang);
  }

  money(rub: number): string {
    return money(this.rules, rub, this.lang);
  }
}

/** What the price pair says about the winner (or, in a tie, why price could not decide). */
function pricePart(pair: PricePair | null, winner: string | null, w: Words): string | null {
  if (!pair) return null;
  if (pair.diff === null || pair.significant === null) {
    const unknown = [pair.a, pair.b].filter((code) => w.byCode.get(code)?.price.rub === null);
    return w.t("price_unknown", { name: joinList(unknown.map((c) => w.name(c)), w.lang) });
  }
  const diff = w.money(pair.diff);
  const kind = w.kind(pair.thresholdKind);
  if (pair.diff === 0) return w.t("price_equal"); // «разница в цене 0 руб.» says nothing a buyer can use
  if (!pair.significant) return w.t("price_insignificant", { diff, kind });
  const other = w.name(pair.a === winner ? pair.b : pair.a);
  if (pair.cheaper === winner) return w.t("price_winner_cheaper", { diff, other });
  return w.t("price_winner_dearer", { winner: w.name(winner ?? pair.a), other, diff, kind });
}

function toCheck(d: Decision, w: Words): string | null {
  if (!d.toCheck.length) return null;
  const items = d.toCheck.map(([c, ids]) => w.t("check_item", { name: c.name, steps: w.steps(c, ids) }));
  return w.t("to_check", { checks: items.join("; ") });
}

function parts(d: Decision, w: Words): Array<string | null> {
  const winner = d.code ? w.name(d.code) : "";
  const winnerCandidate = d.code ? w.byCode.get(d.code) : undefined;
  if (d.reason === "winner_steps" && winnerCandidate) {
    const key = d.betterOn.length === 1 ? "winner_step" : "winner_steps"; // «по пункту …» / «по пунктам …»
    return [w.t(key, { winner, steps: w.steps(winnerCandidate, d.betterOn) }), pricePart(d.price, d.code, w)];
  }
  if (d.reason === "winner_score" && winnerCandidate && d.runnerUp) {
    return [w.t("winner_score", { winner, scores: w.scores([winnerCandidate, d.runnerUp]) }), pricePart(d.price, d.code, w)];
  }
  if (d.reason === "price_decides" && d.price) {
    return [w.t("price_decides", { winner, scores: w.scores(d.group), diff: w.money(d.price.diff ?? 0), kind: w.kind(d.price.thresholdKind) })];
  }
  if (d.reason === "tie") {
    return [w.t("tie", { names: w.names(d.group), scores: w.scores(d.group) }), pricePart(d.price, null, w), w.t("tie_advice")];
  }
  if (d.reason === "swing" && d.swing && d.leader && d.runnerUp) {
    return [
      w.t("swing", {
        a: d.leader.name, b: d.runnerUp.name, scores: w.scores([d.leader, d.runnerUp]),
        gap: plural(w.rules, "points", roundHalfUp(d.swing.gap), w.lang),
        swing: plural(w.rules, "points", roundHalfUp(d.swing.swing), w.lang),
      }),
      toCheck(d, w),
    ];
  }
  if (d.reason === "unscored") return [w.t("unscored", { names: w.names(d.unscored) }), toCheck(d, w)];
  if (d.reason === "none_good") {
    return [w.t("none_good", { scores: w.scores(d.codes.map((c) => w.byCode.get(c)).filter((c): c is Candidate => c !== undefined)) })];
  }
  return [w.t(d.reason, { winner })];
}

/** One sentence: the parts joined with "; " and a full stop. */
export function reasonText(d: Decision, rules: ComparisonRules, candidates: Candidate[], lang: Lang): string {
  return fullStop(parts(d, new Words(rules, lang, candidates)).filter((p): p is string => !!p).join("; "));
}
