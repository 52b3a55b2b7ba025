"""The recommendation's reason in Russian and English, from comparison.json's templates
(twin of extension/src/compare/texts.ts), e.g. «Лучший выбор — NordLab: сильнее по пункту
«Упаковка, документация, видео»; разница в цене 5 090 руб. для модуля несущественна.»"""

from __future__ import annotations

from typing import Any

from mpcheck.compare.candidates import Candidate
from mpcheck.compare.decide import Decision
from mpcheck.compare.format import fill, full_stop, join_list, money, plural, quoted
from mpcheck.compare.rules import ComparisonRules, text
from mpcheck.engine.formatting import round_half_up

LANGS = ("ru", "en")


class Words:
    """Templates of one language, with the candidates' names and step titles at hand."""

    def __init__(self, rules: ComparisonRules, lang: str, candidates: list[Candidate]) -> None:
        self.rules, self.lang = rules, lang
        self.by_code = {c.code: c for c in reversed(candidates)}  # the first of a duplicated code wins

    def t(self, key: str, subs: dict[str, str | int] | None = None) -> str:
        return fill(text(self.rules, "recommendation", key, self.lang), subs or {})

    def name(self, code: str) -> str:
        candidate = self.by_code.get(code)
        return candidate.name if candidate else code

    def names(self, candidates: list[Candidate]) -> str:
        return join_list([c.name for c in candidates], self.lang)

    def scores(self, candidates: list[Candidate]) -> str:
        no_score = self.t("no_score")
        return ", ".join(
            f"{c.name}: {no_score if c.score is None else round_half_up(c.score)}" for c in candidates
        )

    def steps(self, candidate: Candidate, ids: list[str]) -> str:
        titles: dict[str, str] = {}
        for s in candidate.steps:
            titles.setdefault(s.id, s.title[self.lang])
        return join_list([quoted(titles.get(i, i), self.lang) for i in ids], self.lang)

    def kind(self, threshold_kind: str) -> str:
        return text(self.rules, "kind", threshold_kind, self.lang)

    def money(self, rub: int) -> str:
        return money(self.rules, rub, self.lang)


def price_part(pair: dict[str, Any] | None, winner: str | None, w: Words) -> str | None:
    """What the price pair says about the winner (or, in a tie, why price could not decide)."""
    if pair is None:
        return None
    if pair["diff"] is None or pair["significant"] is None:
        unknown = [
            code
            for code in (pair["a"], pair["b"])
            if w.by_code.get(code) and w.by_code[code].price.rub is None
        ]
        return w.t("price_unknown", {"name": join_list([w.name(c) for c in unknown], w.lang)})
    diff, kind = w.money(pair["diff"]), w.kind(pair["threshold_kind"])
    if pair["diff"] == 0:  # «разница в цене 0 руб.» says nothing a buyer can use
        return w.t("price_equal")
    if not pair["significant"]:
        return w.t("price_insignificant", {"diff": diff, "kind": kind})
    other = w.name(pair["b"] if pair["a"] == winner else pair["a"])
    if pair["cheaper"] == winner:
        return w.t("price_winner_cheaper", {"diff": diff, "other": other})
    return w.t(
        "price_winner_dearer",
        {"winner": w.name(winner or pair["a"]), "other": other, "diff": diff, "kind": kind},
    )


def _to_check(d: Decision, w: Words) -> str | None:
    if not d.to_check:
        return None
    items = [w.t("check_item", {"name": c.name, "steps": w.steps(c, ids)}) for c, ids in d.to_check]
    return w.t("to_check", {"checks": "; ".join(items)})


def _parts(d: Decision, w: Words) -> list[str | None]:
    winner = w.name(d.code) if d.code else ""
    if d.reason == "winner_steps" and d.code:
        one = len(d.better_on) == 1  # «по пункту «Демо-режим»», «по пунктам «…» и «…»»
        return [
            w.t(
                "winner_step" if one else "winner_steps",
                {"winner": winner, "steps": w.steps(w.by_code[d.code], d.better_on)},
            ),
            price_part(d.price, d.code, w),
        ]
    if d.reason == "winner_score" and d.runner_up:
        scores = w.scores([w.by_code[d.code or ""], d.runner_up])
        return [w.t("winner_score", {"winner": winner, "scores": scores}), price_part(d.price, d.code, w)]
    if d.reason == "price_decides" and d.price:
        subs: dict[str, str | int] = {
            "winner": winner,
            "scores": w.scores(d.group),
            "diff": w.money(d.price["diff"] or 0),
        }
        return [w.t("price_decides", {**subs, "kind": w.kind(d.price["threshold_kind"])})]
    if d.reason == "tie":
        main = w.t("tie", {"names": w.names(d.group), "scores": w.scores(d.group)})
        return [main, price_part(d.price, None, w), w.t("tie_advice")]
    if d.reason == "swing" and d.swing and d.leader and d.runner_up:
        subs = {
            "a": d.leader.name,
            "b": d.runner_up.name,
            "scores": w.scores([d.leader, d.runner_up]),
            "gap": plural(w.rules, "points", round_half_up(d.swing.gap), w.lang),
            "swing": plural(w.rules, "points", round_half_up(d.swing.swing), w.lang),
        }
        return [w.t("swing", subs), _to_check(d, w)]
    if d.reason == "unscored":
        return [w.t("unscored", {"names": w.names(d.unscored)}), _to_check(d, w)]
    if d.reason == "none_good":
        return [w.t("none_good", {"scores": w.scores([w.by_code[c] for c in d.codes])})]
    return [w.t(d.reason, {"winner": winner})]


def reason_text(d: Decision, rules: ComparisonRules, candidates: list[Candidate], lang: str) -> str:
    """One sentence: the parts joined with "; " and a full stop."""
    parts = [p for p in _parts(d, Words(rules, lang, candidates)) if p]
    return full_stop("; ".join(parts))
