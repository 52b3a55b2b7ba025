"""Flask application factory: nothing is built at import time (flaskr pattern)."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_cors import CORS

from mpcheck.config import default_config


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the API app. `test_config` overrides the environment-derived defaults."""
    app = Flask(__name__)
    app.config.from_mapping(default_config())
    if test_config:
        app.config.from_mapping(test_config)
    # The JSON provider keeps Cyrillic readable in responses.
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    CORS(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}})

    from mpcheck.api import register_blueprints

    register_blueprints(app)
    return app
