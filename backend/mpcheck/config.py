"""Configuration defaults, overridable by environment variables or create_app(test_config)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mpcheck.api.origins import default_origins

REPO_ROOT = Path(__file__).resolve().parents[2]


def default_config() -> dict[str, Any]:
    """Return the app config built from the environment; tests pass overrides to create_app()."""
    return {
        "RULES_DIR": os.environ.get("MPCHECK_RULES_DIR", str(REPO_ROOT / "shared_rules")),
        "MARKETPLACE_URL": os.environ.get("MPCHECK_MARKETPLACE_URL", "https://marketplace.1c-bitrix.ru"),
        "DB_PATH": os.environ.get("MPCHECK_DB", str(REPO_ROOT / "var" / "mpcheck.sqlite3")),
        # request bodies above this are refused with 413 before they are parsed
        "MAX_CONTENT_LENGTH": int(os.environ.get("MPCHECK_MAX_BODY", str(1024 * 1024))),
        "MAX_BATCH_ITEMS": 100,
        # Only the extension's own origins (ids from MPCHECK_EXTENSION_IDS plus this checkout's
        # unpacked Chromium build) may call the API cross-origin: see mpcheck.api.origins.
        "CORS_ORIGINS": default_origins(),
    }
