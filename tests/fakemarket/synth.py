"""Synthetic pages the fixtures do not cover: developers' rating pages 2..N.

They copy the fixture's confirmed hooks (`nav_start` pager text, `td.text` + `a[name=ID]`, PAGEN_1 pager)
so that a rating scan past page 1 can be tested. Partner ids are 800000 + position (no fixture overlap).
"""

from __future__ import annotations

from html import escape

PER_PAGE = 25


def last_page(total: int) -> int:
    """Number of rating pages for `total` partners."""
    return max(1, -(-total // PER_PAGE))


def synthetic_id(position: int) -> int:
    """The partner id placed at `position` on a synthetic page."""
    return 800000 + position


def rating_page(page: int, total: int) -> str:
    """HTML of rating page `page` (clamped to the last page, as Bitrix does for PAGEN_1 out of range)."""
    page = min(max(page, 1), last_page(total))
    first = (page - 1) * PER_PAGE + 1
    end = min(first + PER_PAGE - 1, total)
    rows = []
    for pos in range(first, end + 1):
        pid = synthetic_id(pos)
        rows.append(
            f'<tr class="partners-row"><td class="num">{pos}</td><td class="text"><a name="{pid}"></a>'
            f'<a class="partner-name" href="/partners/detail.php?ID={pid}">{escape(f"Партнер {pos}")}</a>'
            f'<div class="partner-status">Бизнес-партнер</div></td><td class="cnt">{1 + pos % 7}</td></tr>'
        )
    pager = " ".join(
        f'<a class="nav-page" href="/partners/index.php?PAGEN_1={n}">{n}</a>'
        if n != page
        else f'<span class="nav-current-page">{n}</span>'
        for n in sorted({1, max(1, page - 1), page, min(page + 1, last_page(total)), last_page(total)})
    )
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        "<title>Рейтинг разработчиков решений — 1С-Битрикс Маркетплейс</title></head><body>"
        '<div id="bx-all-page-content"><h1>Рейтинг разработчиков</h1>'
        f'<div class="navigation"><a name="nav_start"></a><font class="">Партнеры {first} - {end} из {total}'
        "<br></font></div>"
        '<table class="partners-list"><thead><tr><th>Место</th><th>Партнер</th><th>Решений</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<div class="navigation"><div class="navigation-pages">{pager}</div></div></div></body></html>'
    )
