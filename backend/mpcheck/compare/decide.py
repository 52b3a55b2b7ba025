"""The verdict of a comparison (pure; twin of extension/src/compare/decide.ts).

In order: withdrawn solutions are out; when no candidate's headline passes, none is named
("none passes, keep looking") unless some candidate has too little data to judge; the leader is
the best-scored passing candidate; against every other candidate it must keep a margin even in the
worst case of the steps known for one and not the other (else cannot_tell); candidates known on
the same steps within "roughly equal" points tie (one whose headline a rule caps below passing
never blocks: no check can make it recommendable), and then price decides with the article's
thresholds; otherwise the leader wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mpcheck.compare.candidates import Candidate
from mpcheck.compare.price import compare_price, price_survivors, tie_price_pair
from mpcheck.compare.rules import ComparisonRules
from mpcheck.compare.swing import PairSwing, differing_steps, pair_swing


@dataclass
class Decision:
    """What was decided and why; texts.py turns it into words."""

    kind: str  # winner | roughly_equal | cannot_tell | none_good
    reason: str  # the reason text's key in comparison.json texts.recommendation
    code: str | None = None
    codes: list[str] = field(default_factory=list)
    runner_up: Candidate | None = None
    better_on: list[str] = field(default_factory=list)
    price: dict[str, Any] | None = None
    swing: PairSwing | None = None
    to_check: list[tuple[Candidate, list[str]]] = field(default_factory=list)
    group: list[Candidate] = field(default_factory=list)
    leader: Candidate | None = None
    unscored: list[Candidate] = field(default_factory=list)


def rank_by_score(candidates: list[Candidate]) -> list[Candidate]:
    """Score descending, unscored last; equal scores keep the input order."""
    order = {id(c): i for i, c in enumerate(candidates)}
    return sorted(candidates, key=lambda c: (c.score is None, -(c.score or 0), order[id(c)]))


def better_on(winner: Candidate, other: Candidate, rules: ComparisonRules) -> list[str]:
    """Steps where the winner's verdict outranks the other's; a step worth no points (price) is
    information, never a merit (SPEC §4)."""
    theirs: dict[str, str] = {}
    for s in other.steps:
        theirs.setdefault(s.id, s.status)  # the first of a duplicated id, as find() in the twin
    out = []
    for step in winner.steps:
        if step.max_points <= 0:
            continue
        a, b = rules.status_rank.get(step.status), rules.status_rank.get(theirs.get(step.id, "unknown"))
        if a is not None and b is not None and a > b:
            out.append(step.id)
    return out


def never_passes(candidate: Candidate, rules: ComparisonRules) -> bool:
    """Its headline is capped below passing by a rule (your support tests' breaches), so no unknown
    step, once checked, can make it recommendable."""
    status, key = candidate.headline["status"], candidate.headline["key"]
    return status not in rules.passing and key in rules.capped_keys


def open_steps(candidate: Candidate) -> list[str]:
    """Steps with something left to check (unknown, or only partly known)."""
    return [s.id for s in candidate.steps if s.status != "not_applicable" and s.known < 1]


def _checks(pairs: list[tuple[Candidate, list[str]]]) -> list[tuple[Candidate, list[str]]]:
    """Merge (candidate, steps) pairs per candidate, first appearance first; empty ones dropped."""
    merged: list[tuple[Candidate, list[str]]] = []
    for candidate, steps in pairs:
        at = next((i for i, (known, _) in enumerate(merged) if known is candidate), None)
        if at is None:
            merged.append((candidate, list(steps)))
        else:
            have = merged[at][1]
            have.extend(s for s in steps if s not in have)
    return [(c, steps) for c, steps in merged if steps]


def _cannot_tell(
    leader: Candidate | None, blockers: list[tuple[Candidate, PairSwing | None]], rules: ComparisonRules
) -> Decision:
    """Someone could still overtake (or tie) the leader once the differing steps are checked."""
    ignore = rules.swing_ignores_bonus
    pairs: list[tuple[Candidate, list[str]]] = []
    for other, swing in blockers:
        if swing is None or leader is None:
            pairs.append((other, open_steps(other)))
        else:
            pairs += [
                (leader, differing_steps(leader, other, ignore)),
                (other, differing_steps(other, leader, ignore)),
            ]
    swung = next(((c, s) for c, s in blockers if s is not None), None)
    unscored = [c for c, s in blockers if s is None]
    codes = ([leader.code] if leader else []) + [c.code for c, _ in blockers]
    return Decision(
        "cannot_tell",
        "swing" if swung else "unscored",
        codes=codes,
        runner_up=swung[0] if swung else None,
        swing=swung[1] if swung else None,
        to_check=_checks(pairs),
        leader=leader,
        unscored=unscored,
    )


def _roughly_equal(group: list[Candidate], rules: ComparisonRules) -> Decision:
    low, remaining = price_survivors(group, rules)
    codes = [c.code for c in group]
    if low is not None and len(remaining) == 1:
        runner = next(c for c in group if c is not low)
        return Decision(
            "roughly_equal",
            "price_decides",
            code=low.code,
            codes=codes,
            runner_up=runner,
            price=compare_price(low, runner, rules),
            group=group,
        )
    return Decision(
        "roughly_equal",
        "tie",
        codes=[c.code for c in remaining],
        price=tie_price_pair(remaining, rules),
        group=remaining,
    )


def decide(candidates: list[Candidate], rules: ComparisonRules) -> Decision:
    """The recommendation for candidates in shortlist order."""
    if not candidates:
        return Decision("cannot_tell", "empty")
    eligible = [c for c in candidates if not c.withdrawn]
    if not eligible:
        return Decision("none_good", "all_withdrawn")
    ranked = rank_by_score(eligible)
    passing = [c for c in ranked if c.score is not None and c.headline["status"] in rules.passing]
    unscored = [c for c in ranked if c.score is None]
    if not passing:
        if unscored:
            return _cannot_tell(None, [(c, None) for c in unscored], rules)
        return Decision("none_good", "none_good", codes=[c.code for c in ranked])
    leader = passing[0]
    blockers: list[tuple[Candidate, PairSwing | None]] = []
    equal: list[Candidate] = []
    for other in ranked:
        if other is leader:
            continue
        if other.score is None:
            blockers.append((other, None))
            continue
        swing = pair_swing(leader, other, rules.swing_ignores_bonus)
        if not swing.same_knowledge:
            if never_passes(other, rules):
                continue  # checking any step cannot make it recommendable: no reason to wait
            if swing.leader_low - swing.other_high <= rules.roughly_equal_points:
                blockers.append((other, swing))
        elif swing.gap <= rules.roughly_equal_points and other.headline["status"] in rules.passing:
            equal.append(other)
    if blockers:
        return _cannot_tell(leader, blockers, rules)
    if equal:
        return _roughly_equal([leader, *equal], rules)
    runner = next((c for c in ranked if c is not leader), None)
    if runner is None:
        return Decision("winner", "winner_single", code=leader.code, codes=[leader.code])
    steps = better_on(leader, runner, rules)
    return Decision(
        "winner",
        "winner_steps" if steps else "winner_score",
        code=leader.code,
        codes=[leader.code, runner.code],
        runner_up=runner,
        better_on=steps,
        price=compare_price(leader, runner, rules),
    )
