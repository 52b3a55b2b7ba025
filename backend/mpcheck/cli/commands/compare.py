"""`mpcheck compare FACTS.json|FILE.html|URL|CODE ... [--json] [--lang ru|en] [--profile P] [--today D]`.

Each input is named the way `facts` and `report` take it (mpcheck.cli.targets: a Marketplace URL
with or without a scheme, `http` or `https`, or a bare code, read through the configured origin
with the partner facts the page lacks; a saved page; or a facts JSON file), judged with the shared
rules, and the candidates are compared (mpcheck.comparison/1, SPEC §4). Every URL shares one
Marketplace service (its caches and politeness). Failures are the CLI's own lines
(mpcheck.cli.errors): exit 2 bad input, 1 the Marketplace failed.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from mpcheck.cli.commands.score import read_facts_file
from mpcheck.cli.errors import FactsMismatch, Quoted, UsageError
from mpcheck.cli.i18n import entry
from mpcheck.cli.sources import Marketplace, read_file
from mpcheck.cli.summary import page_kind
from mpcheck.cli.targets import classify
from mpcheck.compare import compare, read_comparison_rules
from mpcheck.compare.render import render_comparison
from mpcheck.config import default_config
from mpcheck.engine import build_report
from mpcheck.rules import Rules, load_rules
from mpcheck.validation import FactsError, parse_options, validate_facts

MAX_INPUTS = 8  # the extension's shortlist holds 8 as well
_JSON_START = b"\xef\xbb\xbf \t\r\n"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `compare` subcommand."""
    parser = subparsers.add_parser(
        "compare", help="сравнить решения: файлы фактов, сохранённые страницы или адреса"
    )
    parser.add_argument(
        "targets", nargs="+", help="FACTS.json, сохранённая страница .html, адрес решения или его код"
    )
    parser.add_argument("--json", action="store_true", help="напечатать объект mpcheck.comparison/1")
    parser.add_argument(
        "--profile",
        choices=("module", "site", "narrow"),
        help="профиль чек-листа (по умолчанию — по типу решения)",
    )
    parser.add_argument("--today", help="дата оценки ГГГГ-ММ-ДД (по умолчанию сегодня)")
    parser.set_defaults(func=run)


def _file_facts(name: str, rules: Rules, lang: str) -> dict[str, Any]:
    """A facts JSON file (by its name or by its first byte) or a saved solution page."""
    body = read_file(name)
    if name.lower().endswith(".json") or body.lstrip(_JSON_START).startswith(b"{"):
        return _checked(read_facts_file(name, name), rules, name)
    from mpcheck.extract import extract_page

    facts = dict(extract_page(body, url=None, content_type=None))
    _require_solution(facts, name, lang)
    return _checked(facts, rules, name)


def _require_solution(facts: dict[str, Any], name: str, lang: str) -> None:
    kind = page_kind(facts)
    if kind != "solution":
        raise UsageError("not_solution_page", name=name, page=entry("page_types", kind, lang))


def _checked(facts: object, rules: Rules, name: str) -> dict[str, Any]:
    try:
        return validate_facts(facts, rules)
    except FactsError as exc:
        raise FactsMismatch(exc, name) from exc


def _options(args: argparse.Namespace, rules: Rules) -> dict[str, Any]:
    try:
        return parse_options({"profile": args.profile, "today": args.today}, rules)
    except FactsError as exc:  # --profile is checked by argparse: only the date is left
        raise UsageError("bad_today", value=Quoted(str(args.today))) from exc


def _distinct(codes: list[str]) -> None:
    """The same solution twice would be compared with itself («X и X примерно равны»): bad input."""
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise UsageError("compare_duplicate", code=code)
        seen.add(code)


def _identified(pairs: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every candidate needs its code: the comparison tells candidates apart by it."""
    for source, facts in pairs:
        if not isinstance(facts.get("code"), str) or not facts["code"]:
            raise UsageError("compare_no_code", name=source)
    _distinct([str(facts["code"]) for _, facts in pairs])
    return [facts for _, facts in pairs]


def _all_facts(targets: list[str], rules: Rules, lang: str) -> list[dict[str, Any]]:
    """Every input classified first (a bad one refuses the run before anything is fetched)."""
    market = Marketplace()
    kinds = [classify(raw, market.origin) for raw in targets]
    try:
        _distinct([t.code for t in kinds if t.code is not None])  # before any fetch
        out: list[tuple[str, dict[str, Any]]] = []
        for target in kinds:
            if target.code is not None:
                facts = market.facts(target.code, enrich=True)
                _require_solution(facts, target.code, lang)
                out.append((target.code, _checked(facts, rules, target.code)))
            else:
                out.append((str(target.file), _file_facts(str(target.file), rules, lang)))
        return _identified(out)
    finally:
        market.close()


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck compare`."""
    if len(args.targets) > MAX_INPUTS:
        raise UsageError("too_many_targets", max=MAX_INPUTS, count=len(args.targets))
    rules_dir = default_config()["RULES_DIR"]
    rules, comparison_rules = load_rules(rules_dir), read_comparison_rules(rules_dir)
    options = _options(args, rules)
    all_facts = _all_facts(list(args.targets), rules, args.lang)
    reports = [build_report(facts, rules, **options) for facts in all_facts]
    result = compare(reports, list(all_facts), comparison_rules, options["today"].isoformat())
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    counts = {r["code"]: (r["coverage_known"], r["coverage_total"]) for r in reports if "coverage_known" in r}
    print(render_comparison(result, comparison_rules, args.lang, counts, numbers=rules.scoring["numbers"]))
    return 0
