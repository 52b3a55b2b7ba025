"""The developers' places in the partners' rating, compared by the article's rule (CHECKLIST §5):
"#1 vs #5 - no real difference; #3 vs #21 - notable. Top-10 is unlikely to disappear; the last 30
may." Twin of extension/src/compare/partners.ts."""

from __future__ import annotations

from typing import Any

from mpcheck.compare.candidates import Candidate, Rating
from mpcheck.compare.format import fill, full_stop, join_list
from mpcheck.compare.rules import ComparisonRules, text

LANGS = ("ru", "en")


def band(rating: Rating, rules: ComparisonRules) -> str | None:
    """top | last | middle | outside_top (the rating's length unknown) | None (position unknown)."""
    if rating.position is None:
        return None
    if rating.position <= rules.rating_top:
        return "top"
    if rating.total is None:
        return "outside_top"
    return "last" if rating.position > rating.total - rules.rating_last else "middle"


def notable(a: str, b: str) -> bool:
    """Exactly one of the two is in the top, or (both lengths known) exactly one is among the last."""
    if (a == "top") != (b == "top"):
        return True
    settled = a != "outside_top" and b != "outside_top"
    return settled and (a == "last") != (b == "last")


def developer(c: Candidate) -> str:
    """Who the rating ranks: the partner's name; the solution's own when the facts lack it."""
    return c.rating.developer or c.name


def developers(candidates: list[Candidate]) -> list[str]:
    """Each developer once (two solutions of one partner hold one place), first appearance first."""
    out: list[str] = []
    for c in candidates:
        if developer(c) not in out:
            out.append(developer(c))
    return out


def _position(c: Candidate, rules: ComparisonRules, lang: str) -> str:
    rating = c.rating
    key = "position" if rating.total is None else "position_of"
    out = fill(
        text(rules, "partners", key, lang),
        {"name": developer(c), "position": rating.position or 0, "total": rating.total or 0},
    )
    which = band(rating, rules)
    if which in ("top", "last", "outside_top"):
        label = fill(
            text(rules, "partners", f"band_{which}", lang),
            {"top": rules.rating_top, "last": rules.rating_last},
        )
        out += f" ({label})"
    return out


def compare_partners(candidates: list[Candidate], rules: ComparisonRules) -> dict[str, Any]:
    """{key: same_band | notable | one_known | unknown, ru, en}."""
    known = [c for c in candidates if c.rating.position is not None]
    unknown = [c for c in candidates if c.rating.position is None]
    bands = [band(c.rating, rules) or "" for c in known]
    if len(known) >= 2:
        key = (
            "notable"
            if any(notable(a, b) for i, a in enumerate(bands) for b in bands[i + 1 :])
            else "same_band"
        )
    else:
        key = "one_known" if known else "unknown"
    out: dict[str, Any] = {"key": key}
    for lang in LANGS:
        parts = []
        if known:
            positions = "; ".join(_position(c, rules, lang) for c in known)
            parts.append(fill(text(rules, "partners", key, lang), {"positions": positions}))
        if unknown:
            names = developers(unknown)
            which = "unknown_one" if len(names) == 1 else "unknown"  # «разработчика» / «разработчиков»
            part = fill(text(rules, "partners", which, lang), {"names": join_list(names, lang)})
            parts.append(part if known else part[:1].upper() + part[1:])
        out[lang] = full_stop("; ".join(parts))
    return out
