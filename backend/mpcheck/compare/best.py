"""Which candidates are "best" on one checklist row (twin of extension/src/compare/best.ts).

The higher status rank wins; every cell tied at the top is best, but only when the row has a real
better/worse split among known verdicts (all "good" marks nobody); unknown and not_applicable
never rank, so never win.
"""

from __future__ import annotations

from mpcheck.compare.candidates import Candidate
from mpcheck.compare.rules import ComparisonRules


def best_in_row(cells: list[tuple[str, str]], rules: ComparisonRules) -> list[str]:
    """cells: (code, status) in column order -> the best codes, in that order."""
    ranked = [(code, rules.status_rank[status]) for code, status in cells if status in rules.status_rank]
    ranks = {rank for _, rank in ranked}
    if len(ranks) < 2:
        return []
    top = max(ranks)
    return [code for code, rank in ranked if rank == top]


def step_ids(candidates: list[Candidate]) -> list[str]:
    """Step ids in the reports' order (first appearance)."""
    seen: list[str] = []
    for candidate in candidates:
        for step in candidate.steps:
            if step.id not in seen:
                seen.append(step.id)
    return seen


def best_per_step(candidates: list[Candidate], rules: ComparisonRules) -> dict[str, list[str]]:
    """{step id: best codes} for every step of the reports."""
    out: dict[str, list[str]] = {}
    for sid in step_ids(candidates):
        cells = [(c.code, next((s.status for s in c.steps if s.id == sid), "unknown")) for c in candidates]
        out[sid] = best_in_row(cells, rules)
    return out
