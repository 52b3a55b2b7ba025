"""A Flask test client that sends `X-Mpcheck-Client` like the extension does (SPEC §12).

Every suite that talks to the API uses it; the tests of the header itself use a bare `test_client()`.
"""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

CLIENT_HEADERS = {"X-Mpcheck-Client": "mpcheck-tests"}


def api_client(app: Flask) -> FlaskClient:
    """`app.test_client()` with the client header on every request."""
    client = app.test_client()
    client.environ_base["HTTP_X_MPCHECK_CLIENT"] = CLIENT_HEADERS["X-Mpcheck-Client"]
    return client
