"""What the unknown steps could swing between two candidates (pure; CHECKLIST: unknown is not bad).

A step known (or better known) for one candidate than for the other could, once checked, score
anywhere from 0 to its full points. Each candidate's score is over its known weight K; its extra
unknown weight U (what the other one knows and it does not) moves it within
[score*K/(K+U), (score*K + 100*U)/(K+U)]. Unknowns both share are not a swing between them: the
same steps are open for both (they are listed as open questions). Sums run left to right, as in
the TypeScript twin (swing.ts), so both engines agree to the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass

from mpcheck.compare.candidates import Candidate


def known_weight(candidate: Candidate) -> float:
    """K: the points the report's score is computed over (its known share of each counted step)."""
    total = 0.0
    for step in candidate.steps:
        if step.counted:
            total += step.max_points * step.known
    return total


def _other_known(other: Candidate, step_id: str) -> float:
    for step in other.steps:
        if step.id == step_id:
            # A step that does not apply to the other one is fully settled there.
            return 1.0 if step.status == "not_applicable" else step.known
    return 0.0


def extra_unknown(candidate: Candidate, other: Candidate, ignore_bonus: bool) -> float:
    """U: points of `candidate` that are unknown while `other` knows the same step (or more of it)."""
    total = 0.0
    for step in candidate.steps:
        if step.status == "not_applicable" or step.max_points <= 0 or (ignore_bonus and step.bonus):
            continue
        gap = _other_known(other, step.id) - step.known
        if gap > 0:
            total += step.max_points * gap
    return total


@dataclass(frozen=True)
class PairSwing:
    """The leader's worst case and the other's best case once their differing unknowns are checked."""

    same_knowledge: bool
    gap: float  # leader's score minus the other's
    leader_low: float
    other_high: float

    @property
    def swing(self) -> float:
        """How far the gap could move: the leader's possible fall plus the other's possible rise."""
        return self.gap - (self.leader_low - self.other_high)


def pair_swing(leader: Candidate, other: Candidate, ignore_bonus: bool) -> PairSwing:
    """Both must be scored (the caller checks)."""
    lead, rest = leader.score or 0, other.score or 0
    k_leader, k_other = known_weight(leader), known_weight(other)
    u_leader = extra_unknown(leader, other, ignore_bonus)
    u_other = extra_unknown(other, leader, ignore_bonus)
    low = lead * k_leader / (k_leader + u_leader) if k_leader + u_leader > 0 else 0.0
    high = (rest * k_other + 100 * u_other) / (k_other + u_other) if k_other + u_other > 0 else 100.0
    return PairSwing(u_leader == 0 and u_other == 0, lead - rest, low, high)


def differing_steps(candidate: Candidate, other: Candidate, ignore_bonus: bool) -> list[str]:
    """Steps `candidate` should check to be compared with `other` on the same footing."""
    out = []
    for step in candidate.steps:
        if step.status == "not_applicable" or step.max_points <= 0 or (ignore_bonus and step.bonus):
            continue
        if _other_known(other, step.id) > step.known:
            out.append(step.id)
    return out
