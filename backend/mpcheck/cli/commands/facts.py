"""`mpcheck facts FILE.html|URL [--json]`: the facts of one Marketplace page.

A file is read as bytes and decoded like a fetched page (meta charset, UTF-8, cp1251). A URL is
fetched by the marketplace service (imported lazily: it is optional for this command's file mode).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mpcheck.cli.main import UsageError
from mpcheck.extract import extract_page

MAX_FILE_BYTES = 20 * 1024 * 1024


def register(subparsers: Any) -> None:
    """Add the `facts` subcommand."""
    parser = subparsers.add_parser("facts", help="extract the facts of a saved Marketplace page or a URL")
    parser.add_argument(
        "source", help="a saved page (FILE.html) or a https://marketplace.1c-bitrix.ru/... URL"
    )
    parser.add_argument("--json", action="store_true", help="print the facts as JSON (mpcheck.facts/1)")
    parser.set_defaults(func=run)


class UpstreamFailure(Exception):
    """The Marketplace could not be read (exit code 1, one line on stderr)."""


def _from_url(url: str) -> dict[str, Any]:
    """Read a solution page through the service: allowlisted fetcher, caches, observation store."""
    from mpcheck.config import default_config
    from mpcheck.marketplace.errors import MarketplaceError, Refused
    from mpcheck.marketplace.service import MarketplaceService

    service = MarketplaceService.from_config(default_config())
    try:
        facts, _meta = service.fetch_solution_facts(url)
        return dict(facts)
    except (ValueError, Refused) as exc:
        raise UsageError(f"cannot read {url}: {exc}") from exc
    except MarketplaceError as exc:
        raise UpstreamFailure(str(exc)) from exc
    finally:
        service.close()


def _from_file(name: str) -> dict[str, Any]:
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"no such file: {name}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UsageError(f"file too large (over {MAX_FILE_BYTES // (1024 * 1024)} MB): {name}")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from exc
    return extract_page(body)


def _yes(value: Any) -> str:
    return "неизвестно" if value is None else "да" if value else "нет"


def _val(value: Any, suffix: str = "") -> str:
    return "неизвестно" if value is None or value == [] else f"{value}{suffix}"


def summary(facts: dict[str, Any]) -> str:
    """A readable Russian summary of solution facts (other page types print their keys)."""
    if facts.get("schema") != "mpcheck.facts/1" or facts.get("page_type") != "solution":
        return "\n".join(f"{k}: {v}" for k, v in facts.items() if not isinstance(v, list | dict))
    price, demo, sup = facts["price"], facts["demo"], facts["support"]
    cost = "бесплатно" if price["free"] else _val(price["rub"], " руб.")
    if price.get("old_rub"):
        cost += f" (было {price['old_rub']} руб.)"
    changelog = facts.get("changelog") or []
    lines = [
        f"Решение: {_val(facts['name'])} ({_val(facts['code'])}), {'готовый сайт' if facts['kind'] == 'site' else 'модуль'}",
        f"Разработчик: {_val(facts['partner']['name'])} (ID {_val(facts['partner']['id'])})",
        f"Цена: {cost}",
        f"Демо-режим: {_yes(demo['available'])}" + (f", {demo['days']} дн." if demo["days"] else ""),
        f"Онлайн-демо: {_val(demo['online_demo_url'])}",
        f"Установок: {_val((facts.get('installs') or {}).get('label'))}",
        f"Опубликовано: {_val(facts['published'])}; обновлено: {_val(facts['updated'])}; версия {_val(facts['version'])}",
        f"Оценка: {_val(facts['rating']['average'])}; отзывов: {_val(facts['reviews']['total'])}; "
        f"обсуждений: {_val(facts['comments']['total'])}",
        f"Релизов в истории: {len(changelog)}" + (f", последний {changelog[0]['date']}" if changelog else ""),
        f"Поддержка: каналы {_val(', '.join(sup['channels'] or []) or None)}; бесплатно {_val(sup['free_months'], ' мес.')}; "
        f"часы {_val(sup['hours'])} {sup['timezone'] or ''}; ответ {_val(sup['response_hours'], ' ч')}",
        f"Снято с публикации: {_yes(facts['withdrawn'])}",
    ]
    if facts.get("extraction", {}).get("markup_changed"):
        missing = ", ".join(facts["extraction"]["missing_confirmed"])
        lines.append(f"Внимание: разметка страницы изменилась, не найдено: {missing}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the facts (JSON or summary)."""
    source: str = args.source
    try:
        facts = _from_url(source) if source.startswith(("http://", "https://")) else _from_file(source)
    except UpstreamFailure as exc:
        print(f"mpcheck: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        print(summary(facts))
    return 0
