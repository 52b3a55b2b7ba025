"""GET /rules: the rules this backend evaluates with, cacheable by ETag (= rules version)."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from mpcheck.rules import Rules, load_rules

bp = Blueprint("rules", __name__)
EXTENSION_KEY = "mpcheck_rules"


def init_app(app: Flask) -> None:
    """Load and validate the rules once when the app is built (fail fast on a broken rules dir)."""
    app.extensions[EXTENSION_KEY] = load_rules(app.config["RULES_DIR"])


def current_rules() -> Rules:
    """The rules of the running app."""
    rules: Rules = current_app.extensions[EXTENSION_KEY]
    return rules


@bp.get("/rules")
def get_rules() -> ResponseReturnValue:
    """Serve the rules bundle; 304 when the client already has this version."""
    rules = current_rules()
    etag = rules.version
    if request.if_none_match.contains(etag):
        return "", 304, {"ETag": f'"{etag}"'}
    response = jsonify(rules.bundle())
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response
