"""The CLI's words in ru (the default) and en, read from cli/texts.json.

Three ways in, one table: a message by key with {placeholders} (`say`), a help string by its own
text in either language (`help_text`: a subcommand module may write its help in English or in
Russian, the table gives the other), and argparse's own English messages matched by pattern
(`argparse_message`), so no argparse global is patched.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from mpcheck.engine import formatting

LANGS = ("ru", "en")
DEFAULT_LANG = "ru"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def texts() -> dict[str, Any]:
    """The parsed texts.json (read once per process)."""
    data: dict[str, Any] = json.loads((Path(__file__).with_name("texts.json")).read_text(encoding="utf-8"))
    return data


def detect_lang(argv: Sequence[str]) -> str:
    """The language asked for on the command line (`--lang en` / `--lang=en`), else ru. Read before
    parsing because the parser itself (help, argparse's errors) is built in that language; an
    unknown value keeps ru and argparse then reports it."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in LANGS:
            return value
    return DEFAULT_LANG


def fill(template: str, values: dict[str, Any]) -> str:
    """Replace each {name} once (a filled-in value is never read again); unknown names stay."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template
    )


def entry(section: str, key: str, lang: str) -> str:
    """texts[section][key][lang]."""
    text: str = texts()[section][key][lang]
    return text


def say(key: str, lang: str, **values: Any) -> str:
    """An error line by key, filled in."""
    return fill(entry("errors", key, lang), values)


def quoted(value: str, lang: str) -> str:
    """«value» / “value”."""
    left, right = texts()["quotes"][lang]
    return f"{left}{value}{right}"


def plural(word: str, count: int, lang: str, number: str | None = None) -> str:
    """«1 день», «3 дня», «11 дней», «21 день»; "1 day", "2 days". `number` is the count as the
    locale writes it (digit groups), if the caller has it. The form comes from the engine's one
    plural rule per language (engine.formatting.plural)."""
    form = formatting.plural(texts()["plurals"][word][lang], count, lang)
    return f"{number if number is not None else count} {form}"


def word(group: str, value: str, lang: str) -> str:
    """A fact value as people say it (texts.json "words"), or the value itself if the table lacks it."""
    words: dict[str, dict[str, str]] = texts()["words"][group]
    return words[value][lang] if value in words else value


@cache
def _help_index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {}
    for pair in texts()["help"]:
        for lang in LANGS:
            index[pair[lang]] = pair
    return index


def help_text(text: str, lang: str) -> str:
    """A help string in `lang`, found by its English or Russian wording; unknown text stays as it is
    (tests/python/cli/test_help.py fails on any help left untranslated)."""
    pair = _help_index().get(text)
    return pair[lang] if pair else text


def metavar(default: str, lang: str) -> str | None:
    """What the usage line shows for argparse's default metavar, if the table names it."""
    names: dict[str, Any] = texts()["metavars"]
    return names[default][lang] if default in names and default != "$comment" else None


def _python_strings(text: str) -> list[str]:
    """The strings in argparse's repr text ("'ru', 'en'"), never showing the repr itself."""
    try:
        value = ast.literal_eval(f"[{text}]")
    except (ValueError, SyntaxError):
        return [text.strip("'\"")]
    return [str(item) for item in value]


def argparse_message(message: str, lang: str) -> str:
    """argparse's English message said in `lang` without Python reprs or type names."""
    table = texts()["argparse"]
    for item in table["messages"]:
        match = re.match(item["re"], message)
        if not match:
            continue
        parts: dict[str, str] = {}
        for name, raw in match.groupdict().items():
            if name == "message":
                parts[name] = argparse_message(raw, lang)
            elif name == "value":
                parts[name] = quoted(", ".join(_python_strings(raw)), lang)
            elif name == "choices":
                parts[name] = ", ".join(_python_strings(raw))
            elif name == "type":
                types = table["types"]
                parts[name] = types.get(raw, types["other"])[lang]
            else:
                parts[name] = raw
        return fill(item[lang], parts)
    return message
