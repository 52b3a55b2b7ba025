"""The Python rules engine: evaluate (facts + rules -> findings) and score (findings -> report)."""

from mpcheck.engine.report import build_report

__all__ = ["build_report"]
