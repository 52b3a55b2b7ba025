"""The comparison of shortlisted solutions (SPEC §4 `mpcheck.comparison/1`), twin of extension/src/compare."""

from mpcheck.compare.comparison import compare
from mpcheck.compare.rules import ComparisonRules, read_comparison_rules

__all__ = ["ComparisonRules", "compare", "read_comparison_rules"]
