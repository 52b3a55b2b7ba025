"""API blueprints under /api/v1. Each area is one module with a `bp` Blueprint."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every API area and the JSON error handlers to the app."""
    from mpcheck.api import errors

    errors.init_app(app)
    for module_name in ("health", "rules", "score", "openapi", "marketplace"):
        try:
            module = __import__(f"mpcheck.api.{module_name}", fromlist=["bp", "init_app"])
        except ModuleNotFoundError as exc:  # an area not built yet
            if exc.name != f"mpcheck.api.{module_name}":
                raise
            continue
        if hasattr(module, "init_app"):
            module.init_app(app)
        app.register_blueprint(module.bp, url_prefix="/api/v1")
