"""detect_page_type: URL first, then the markup."""

from __future__ import annotations

import pytest
from mpcheck.extract import detect_page_type

from .helpers import FIXTURES

M = "https://marketplace.1c-bitrix.ru"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (f"{M}/solutions/nordlab.smartseo/", "solution"),
        (f"{M}/solutions/nordlab.smartseo/#tab-log-link", "solution"),
        (f"{M}/solutions/nordlab.smartseo/?update_sys_new=Y", "feed"),
        (f"{M}/solutions/", "listing"),
        (f"{M}/solutions/category/14/?PAYMENT_SHOW=NOT_FREE", "listing"),
        (f"{M}/solutions/category/141", "listing"),
        (f"{M}/search/?q=seo", "listing"),
        (f"{M}/partners/detail.php?ID=1469188.php", "partner"),
        (f"{M}/partners/", "partners_rating"),
        (f"{M}/partners/index.php?PAGEN_1=3", "partners_rating"),
        (f"{M}/about/", "other"),
    ],
)
def test_type_from_url(url: str, kind: str) -> None:
    assert detect_page_type(url) == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("catalog_category_listing.html", "listing"),
        ("partner_detail_page.html", "partner"),
        ("partners_rating_list.html", "partners_rating"),
        ("solution_module_pseudo_demo_1day.html", "solution"),
        # its archived canonical names a solution although its other-solution cards are .item-wrap
        ("blind/solution_wayback_snapshot_discount_demo30.html", "solution"),
    ],
)
def test_type_from_markup(name: str, kind: str) -> None:
    assert detect_page_type(None, (FIXTURES / name).read_text(encoding="utf-8")) == kind
