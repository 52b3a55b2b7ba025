"""This suite's `client` sends `X-Mpcheck-Client` like the extension (SPEC §12)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.python.api.client import api_client


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """The API test client with the client header."""
    return api_client(app)
