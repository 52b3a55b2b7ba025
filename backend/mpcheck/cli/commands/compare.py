"""`mpcheck compare FACTS.json|FILE.html|URL ... [--json] [--lang ru|en] [--profile P] [--today D]`.

Each input is judged with the shared rules (a saved page is extracted locally, a URL is read
through the Marketplace service with the partner facts the page lacks), then the candidates are
compared (mpcheck.comparison/1, SPEC §4). Russian by default. Exit codes: 0 ok, 2 bad input (one
line in Russian on stderr), 1 the Marketplace failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mpcheck.cli.main import UsageError
from mpcheck.compare import compare, read_comparison_rules
from mpcheck.compare.render import render_comparison
from mpcheck.config import default_config
from mpcheck.engine import build_report
from mpcheck.marketplace.errors import MarketplaceError, Refused
from mpcheck.rules import Rules, load_rules
from mpcheck.validation import FactsError, parse_options, validate_facts

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_INPUTS = 8  # the extension's shortlist holds 8 as well


class MarketplaceFailed(Exception):
    """The Marketplace did not give a page: exit 1."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `compare` subcommand."""
    parser = subparsers.add_parser(
        "compare", help="сравнить решения: файлы фактов, сохранённые страницы или адреса"
    )
    parser.add_argument("targets", nargs="+", help="FACTS.json, сохранённая страница .html или адрес решения")
    parser.add_argument("--json", action="store_true", help="напечатать объект mpcheck.comparison/1")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--profile", choices=("module", "site", "narrow"))
    parser.add_argument("--today", help="дата оценки ГГГГ-ММ-ДД (по умолчанию сегодня)")
    parser.set_defaults(func=run)


def _read(name: str) -> bytes:
    path = Path(name)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"{name}: файл больше {MAX_FILE_BYTES} байт")
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"не удалось прочитать {name}: {exc.strerror or exc.__class__.__name__}") from exc


def _facts_from_json(name: str, body: bytes, rules: Rules) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UsageError(f"{name}: не JSON ({str(exc)[:120]})") from exc
    try:
        return validate_facts(data, rules)
    except FactsError as exc:
        raise UsageError(
            f"{name}: факты не по схеме mpcheck.facts/1, поле «{exc.field or '—'}»: {exc}"
        ) from exc


def _facts_from_page(name: str, body: bytes) -> dict[str, Any]:
    from mpcheck.extract import extract_page

    facts = dict(extract_page(body, url=None, content_type=None))
    if facts.get("page_type") != "solution":
        raise UsageError(f"{name}: это не страница решения (тип страницы {facts.get('page_type')!r})")
    return facts


class Sources:
    """Where the inputs come from; one Marketplace service (caches, politeness) for every URL."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._service: Any = None

    def _from_url(self, url: str) -> dict[str, Any]:
        if self._service is None:
            from mpcheck.marketplace.service import MarketplaceService

            self._service = MarketplaceService.from_config(default_config())
        try:
            facts, _meta = self._service.enriched_facts(url)
            return dict(facts)
        except (ValueError, Refused) as exc:
            raise UsageError(f"{url}: адрес не принят: {exc}") from exc
        except MarketplaceError as exc:
            raise MarketplaceFailed(f"{url}: {exc}") from exc

    def facts_for(self, target: str) -> dict[str, Any]:
        """One input as facts: a URL, a facts JSON file, or a saved page (by content, not name)."""
        if target.startswith(("http://", "https://")):
            return self._from_url(target)
        body = _read(target)
        if target.lower().endswith(".json") or body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return _facts_from_json(target, body, self.rules)
        return _facts_from_page(target, body)

    def close(self) -> None:
        if self._service is not None:
            self._service.close()


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck compare`."""
    if len(args.targets) > MAX_INPUTS:
        raise UsageError(f"не больше {MAX_INPUTS} решений за раз, передано {len(args.targets)}")
    rules_dir = default_config()["RULES_DIR"]
    rules, comparison_rules = load_rules(rules_dir), read_comparison_rules(rules_dir)
    try:
        options = parse_options({"profile": args.profile, "today": args.today}, rules)
    except FactsError as exc:
        raise UsageError(f"дата --today должна быть ГГГГ-ММ-ДД: {args.today!r}") from exc
    sources = Sources(rules)
    try:
        all_facts = [sources.facts_for(target) for target in args.targets]
    except MarketplaceFailed as exc:
        print(f"mpcheck: Маркетплейс не отдал страницу: {exc}", file=sys.stderr)
        return 1
    finally:
        sources.close()
    reports = [build_report(facts, rules, **options) for facts in all_facts]
    result = compare(reports, list(all_facts), comparison_rules, options["today"].isoformat())
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    counts = {r["code"]: (r["coverage_known"], r["coverage_total"]) for r in reports if "coverage_known" in r}
    print(render_comparison(result, comparison_rules, args.lang, counts))
    return 0
