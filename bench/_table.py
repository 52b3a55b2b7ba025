"""One row per measured figure, rendered as a plain-text or Markdown table (bench/run_all.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

COLUMNS = ("figure", "budget (SPEC §10)", "measured", "baseline (same run)", "ratio", "verdict")


@dataclass(frozen=True)
class Row:
    """A figure next to its budget and the baseline it is compared with; `met` None = no budget."""

    figure: str
    budget: str
    measured: str
    baseline: str = "—"
    ratio: str = "—"
    met: bool | None = None

    @property
    def verdict(self) -> str:
        """met / NOT MET / — (informational figure) / not measured."""
        if self.measured == NOT_MEASURED:
            return NOT_MEASURED
        return "—" if self.met is None else "met" if self.met else "NOT MET"

    def cells(self) -> tuple[str, ...]:
        """The row's cells in COLUMNS order."""
        return (self.figure, self.budget, self.measured, self.baseline, self.ratio, self.verdict)

    def to_json(self) -> dict[str, object]:
        """For --json output."""
        return {**asdict(self), "verdict": self.verdict}


NOT_MEASURED = "not measured"


def not_measured(figure: str, budget: str, why: str) -> Row:
    """A row for a figure whose bench could not run; `why` goes into the baseline column."""
    return Row(figure, budget, NOT_MEASURED, why[:60])


def render_text(rows: list[Row]) -> str:
    """A fixed-width table for the terminal."""
    table = [COLUMNS, *(r.cells() for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _md(cell: str) -> str:
    """A cell as Markdown text: `<code>` in a route must not become an HTML tag, `|` not a column."""
    return cell.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def render_markdown(rows: list[Row]) -> str:
    """The same table as Markdown (docs/BENCHMARKS.md)."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_md(c) for c in r.cells()) + " |" for r in rows]
    return "\n".join(lines)
