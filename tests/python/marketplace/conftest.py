"""This suite's `client` sends `X-Mpcheck-Client` like the extension (SPEC §12); real Redis and
PostgreSQL servers for the scale-out tests (tests/fakemarket/services.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.fakemarket.services import postgres_server, redis_server, reset_postgres, reset_redis
from tests.python.api.client import api_client


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """The API test client with the client header."""
    return api_client(app)


@pytest.fixture(scope="session")
def redis_session() -> Iterator[str]:
    """One real redis-server for the session (skips locally, fails under CI=true when missing)."""
    with redis_server() as url:
        yield url


@pytest.fixture
def redis_url(redis_session: str) -> str:
    """The session's Redis, emptied for this test."""
    reset_redis(redis_session)
    return redis_session


@pytest.fixture(scope="session")
def postgres_session() -> Iterator[str]:
    """One real PostgreSQL cluster for the session (same missing-server rule as Redis)."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_session: str) -> str:
    """The session's PostgreSQL with an empty schema for this test."""
    reset_postgres(postgres_session)
    return postgres_session
