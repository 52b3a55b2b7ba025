"""API blueprints under /api/v1. Each area is one module with a `bp` Blueprint (and `init_app`
when it needs per-app state)."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach the JSON error handlers and every API area to the app."""
    from mpcheck.api import errors, guard, health, limits, marketplace, openapi, rules, score

    errors.init_app(app)
    guard.init_app(app)  # Host and client-header checks run before every route
    limits.init_app(app)  # after the guard: a refused request does not count
    rules.init_app(app)  # first: the other areas read the rules at request time
    marketplace.init_app(app)
    for module in (health, rules, score, openapi, marketplace):
        app.register_blueprint(module.bp, url_prefix="/api/v1")
