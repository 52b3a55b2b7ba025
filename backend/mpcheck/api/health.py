"""GET /health: liveness plus the rules version and cache / store figures."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from mpcheck import __version__
from mpcheck.api.rules import current_rules

bp = Blueprint("health", __name__)


@bp.get("/health")
def health() -> ResponseReturnValue:
    """Report status, versions and whatever stats the marketplace reader exposes."""
    body: dict[str, Any] = {
        "status": "ok",
        "version": __version__,
        "rules_version": current_rules().version,
    }
    reader = current_app.extensions.get("mpcheck_marketplace")
    stats = getattr(reader, "stats", None)
    if callable(stats):
        body.update(stats())
    return jsonify(body)
