"""Which browser origins may call the API cross-origin (SPEC §9, §12): the extension's, nothing else.

The extension's worker has host permission for the default backend origin and needs no CORS there;
CORS matters for a backend on another port or host (the options page, the e2e tests). An origin is
`chrome-extension://<32 letters a-p>` or `moz-extension://<uuid>`, and only for the ids listed in
`MPCHECK_EXTENSION_IDS` (comma separated) plus the id Chromium gives this checkout's unpacked build
(`extension/dist/chrome`, so `make run` + "Load unpacked" works with no configuration). The
Marketplace's own origin is not admitted: a page there never needs to read the backend.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

CHROME_ID = re.compile(r"^[a-p]{32}$")
FIREFOX_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
REPO_ROOT = Path(__file__).resolve().parents[3]
UNPACKED_CHROME_BUILD = REPO_ROOT / "extension" / "dist" / "chrome"


def unpacked_chrome_id(path: Path | str) -> str:
    """The id Chromium gives an unpacked extension without a manifest `key` on POSIX: the first 16
    bytes of SHA-256 of the absolute path, each hex digit 0-f written as a-p."""
    digest = hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:32]
    return "".join(chr(ord("a") + int(ch, 16)) for ch in digest)


def configured_ids(raw: str | None) -> list[str]:
    """Parse `MPCHECK_EXTENSION_IDS`; raise ValueError on an id of neither browser's shape (a typo
    must not silently leave the extension locked out, nor a pattern let everything in)."""
    ids = [part.strip().lower() for part in (raw or "").split(",") if part.strip()]
    bad = [i for i in ids if not (CHROME_ID.match(i) or FIREFOX_ID.match(i))]
    if bad:
        raise ValueError(f"MPCHECK_EXTENSION_IDS: not an extension id: {', '.join(bad)}")
    return ids


def extension_origins(ids: Iterable[str]) -> list[str]:
    """Exact origins for the ids (a Chromium id or a Firefox internal UUID)."""
    out = []
    for ext_id in ids:
        scheme = "chrome-extension" if CHROME_ID.match(ext_id) else "moz-extension"
        out.append(f"{scheme}://{ext_id}")
    return out


def default_origins() -> list[str]:
    """This checkout's unpacked Chromium build plus whatever the environment lists."""
    ids = [
        unpacked_chrome_id(UNPACKED_CHROME_BUILD),
        *configured_ids(os.environ.get("MPCHECK_EXTENSION_IDS")),
    ]
    return extension_origins(dict.fromkeys(ids))
