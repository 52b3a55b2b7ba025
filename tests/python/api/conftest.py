"""An app built through the factory, as the API is used in production."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from mpcheck.app import create_app

from tests.python.api.client import api_client

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_app({"TESTING": True, "DB_PATH": str(tmp_path / "store.sqlite3")})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Sends `X-Mpcheck-Client` like the extension (SPEC §12); header tests build a bare client."""
    return api_client(app)


@pytest.fixture
def demo14_facts() -> dict:
    path = (
        REPO / "tests" / "fixtures" / "marketplace" / "expected" / "solution_module_paid_demo14_active.json"
    )
    if not path.exists():  # the fixture copy is made by the extractor suite; the shared original is the same
        path = REPO.parent / "shared" / "marketplace" / "fixtures" / "expected" / path.name
    return json.loads(path.read_text(encoding="utf-8"))
