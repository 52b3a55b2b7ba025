"""What the buyer must know before trusting the verdict (twin of extension/src/compare/warnings.ts):
mixed kinds (a ready-made shop next to modules), unequal coverage (candidates not known on the
same steps), a withdrawn solution on the list."""

from __future__ import annotations

from typing import Any

from mpcheck.compare.candidates import Candidate
from mpcheck.compare.format import fill, full_stop, join_list
from mpcheck.compare.rules import ComparisonRules, text
from mpcheck.compare.swing import differing_steps

LANGS = ("ru", "en")


def _warning(key: str, codes: list[str], texts: dict[str, str]) -> dict[str, Any]:
    return {"key": key, "codes": codes, "ru": full_stop(texts["ru"]), "en": full_stop(texts["en"])}


def _mixed_kinds(candidates: list[Candidate], rules: ComparisonRules) -> dict[str, Any] | None:
    kinds = [k for k in ("module", "site") if any(c.kind == k for c in candidates)]
    if len(kinds) < 2:
        return None
    texts = {}
    for lang in LANGS:
        groups = "; ".join(
            fill(
                text(rules, "warning", "mixed_group", lang),
                {
                    "kind": text(rules, "warning", f"kind_{k}", lang),
                    "names": join_list([c.name for c in candidates if c.kind == k], lang),
                },
            )
            for k in kinds
        )
        texts[lang] = fill(text(rules, "warning", "mixed_kinds", lang), {"groups": groups})
    return _warning("mixed_kinds", [c.code for c in candidates if c.kind is not None], texts)


def _unequal_coverage(candidates: list[Candidate], rules: ComparisonRules) -> dict[str, Any] | None:
    """Codes of those lacking something another candidate knows (only scored ones compare)."""
    scored = [c for c in candidates if c.score is not None and not c.withdrawn]
    lacking = [
        c
        for c in scored
        if any(differing_steps(c, o, rules.swing_ignores_bonus) for o in scored if o is not c)
    ]
    if not lacking:
        return None
    # «о кандидате a» / «о кандидатах a и b»
    key = "unequal_coverage_one" if len(lacking) == 1 else "unequal_coverage"
    texts = {
        lang: fill(
            text(rules, "warning", key, lang),
            {"names": join_list([c.name for c in lacking], lang)},
        )
        for lang in LANGS
    }
    return _warning("unequal_coverage", [c.code for c in lacking], texts)


def _withdrawn(candidates: list[Candidate], rules: ComparisonRules) -> dict[str, Any] | None:
    gone = [c for c in candidates if c.withdrawn]
    if not gone:
        return None
    texts = {
        lang: fill(
            text(rules, "warning", "withdrawn_in_list", lang),
            {"names": join_list([c.name for c in gone], lang)},
        )
        for lang in LANGS
    }
    return _warning("withdrawn_in_list", [c.code for c in gone], texts)


def warnings_for(candidates: list[Candidate], rules: ComparisonRules) -> list[dict[str, Any]]:
    """Every warning that applies, in a fixed order: withdrawn, mixed kinds, unequal coverage."""
    found = [
        _withdrawn(candidates, rules),
        _mixed_kinds(candidates, rules),
        _unequal_coverage(candidates, rules),
    ]
    return [w for w in found if w is not None]
