"""JSON errors everywhere: no route, method or failure ever answers with an HTML page."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with a status, a machine-readable code, a human message and optionally a field."""

    def __init__(self, status: int, error: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message, self.field = status, error, message, field

    def body(self) -> dict[str, object]:
        """The JSON body for this error."""
        body: dict[str, object] = {"error": self.error, "message": self.message}
        if self.field is not None:
            body["field"] = self.field
        return body


def _snake(name: str) -> str:
    return name.lower().replace(" ", "_").replace("'", "")


def init_app(app: Flask) -> None:
    """Register the JSON error handlers."""

    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> ResponseReturnValue:
        return jsonify(exc.body()), exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        status = exc.code or 500
        body = {"error": _snake(exc.name), "message": exc.description or exc.name}
        return jsonify(body), status

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> ResponseReturnValue:
        # The traceback goes to the server log only; the client gets a stable JSON body.
        log.exception("unhandled error")
        return jsonify({"error": "internal_error", "message": "internal error"}), 500
