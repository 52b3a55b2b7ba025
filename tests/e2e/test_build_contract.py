"""The production builds against their contracts: the bundled rules version equals the backend's
(same sha256 recipe in build.mjs and mpcheck.rules), both manifests pass their checks, and
web-ext lint reports no errors for the Firefox build."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.e2e.browser import CHROME_BUILD, FIREFOX_BUILD, REPO


def test_bundled_rules_version_matches_the_backend(chrome_build: Path) -> None:
    from mpcheck.rules import load_rules

    backend_version = load_rules(REPO / "shared_rules").version
    node = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            "import { rulesVersion } from './extension/build/rules-bundle.mjs';"
            "console.log(rulesVersion('shared_rules'))",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert node.stdout.strip() == backend_version
    for build in (CHROME_BUILD, FIREFOX_BUILD):
        content = (build / "content.js").read_text(encoding="utf-8")
        assert f'"{backend_version}"' in content, f"{build.name} build is stale: run npm run build"


def test_manifests(chrome_build: Path) -> None:
    chrome = json.loads((CHROME_BUILD / "manifest.json").read_text(encoding="utf-8"))
    firefox = json.loads((FIREFOX_BUILD / "manifest.json").read_text(encoding="utf-8"))
    assert chrome["background"] == {"service_worker": "worker.js"}
    assert firefox["background"] == {"scripts": ["worker.js"]}
    gecko = firefox["browser_specific_settings"]["gecko"]
    assert gecko["data_collection_permissions"] == {"required": ["none"]}
    assert re.fullmatch(r"\d+\.\d+", gecko["strict_min_version"])
    for manifest in (chrome, firefox):
        assert manifest["permissions"] == ["storage"]
        assert "unsafe" not in manifest["content_security_policy"]["extension_pages"]


def test_web_ext_lint_has_no_errors(chrome_build: Path) -> None:
    lint = subprocess.run(
        ["npx", "--no-install", "web-ext", "lint", "--source-dir", str(FIREFOX_BUILD), "--output", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(lint.stdout)
    assert report["errors"] == [], report["errors"]
    assert lint.returncode == 0
