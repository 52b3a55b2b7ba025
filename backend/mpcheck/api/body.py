"""Request bodies: read within the size cap (chunked ones too) and parse JSON into values that can be
scored and echoed back.

Werkzeug caps a chunked body by cutting it at `MAX_CONTENT_LENGTH`: the JSON then fails to parse and
the client is told its JSON is bad instead of too large. Here the raw stream is read to one byte past
the cap, so an over-long body is a 413 whatever its framing.

JSON that parses can still not be answered: a lone surrogate (`"\\ud800"`) cannot be encoded into the
UTF-8 response that echoes it, and `1e309` (inf) / a 310-digit integer overflow the engine's float
arithmetic. `unsafe_value` finds such a value so the caller refuses that one item with a 400 (or an
inline error in a batch) instead of a 500.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from flask import current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from mpcheck.api.errors import ApiError

# An integer the engine cannot turn into a float (OverflowError) is the bound: anything smaller is a
# valid JSON number the schema may allow in free-form parts, and refusing it would reject valid facts.
MAX_FLOAT = sys.float_info.max
_READ_CHUNK = 64 * 1024


def read_body() -> bytes:
    """The request body, at most `MAX_CONTENT_LENGTH` bytes; 413 when it is longer, however framed."""
    cap = current_app.config.get("MAX_CONTENT_LENGTH")
    if request.content_length is not None or cap is None:
        return request.get_data(cache=False)  # werkzeug already refused an over-long Content-Length
    if not request.environ.get("wsgi.input_terminated"):
        return b""  # no length and a server that does not frame the stream: nothing safe to read
    stream = request.environ["wsgi.input"]
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        chunk = stream.read(min(_READ_CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise RequestEntityTooLarge(f"the body is over the {cap}-byte limit")


def read_json_body() -> Any:
    """Parse the request body as JSON or raise an ApiError that says why."""
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    data = read_body()
    try:
        return json.loads(data)
    except RecursionError as exc:  # pathologically nested JSON
        raise ApiError(400, "bad_json", "JSON nested too deeply") from exc
    except (ValueError, UnicodeDecodeError) as exc:  # also the int-digits limit and bad UTF-8
        raise ApiError(400, "bad_json", "body is not valid JSON") from exc


def unsafe_value(value: Any, path: str = "") -> tuple[str, str] | None:
    """`(field, reason)` of the first value that cannot be scored or echoed, else None."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if _has_lone_surrogate(item):
                return where, "contains a lone surrogate (not valid Unicode text)"
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if abs(item) > MAX_FLOAT:
                return where, "integer out of range (beyond 1.8e308)"
        elif isinstance(item, float):
            if not math.isfinite(item):  # 1e309 parses as inf, NaN as nan
                return where, "number is not finite"
        elif isinstance(item, dict):
            for key, child in item.items():
                if _has_lone_surrogate(key):
                    return where, "a key contains a lone surrogate (not valid Unicode text)"
                stack.append((f"{where}.{key}" if where else key, child))
        elif isinstance(item, list):
            stack.extend((f"{where}.{i}" if where else str(i), child) for i, child in enumerate(item))
    return None


def _has_lone_surrogate(text: str) -> bool:
    # json.loads pairs valid surrogate escapes into one code point, so any surrogate left is lone.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
