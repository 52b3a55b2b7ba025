"""The politeness interval: request starts to the Marketplace at least `interval` seconds apart.

`LocalPacer` holds it for one process (the default, one buyer). With `MPCHECK_REDIS_URL` the
`RedisPacer` in `mpcheck.marketplace.shared` holds it for every worker and machine on that Redis, so
four workers still send one request per interval, not four. Both reserve a start time atomically and
then sleep outside any lock; a start that would fall after the caller's deadline is not reserved.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from mpcheck.marketplace.errors import UpstreamTimeout


class Pacer(Protocol):
    """Reserve the next start slot; return how long to sleep before starting."""

    interval: float

    def reserve(self, deadline: float) -> float:
        """Seconds to wait (>= 0), or raise UpstreamTimeout when the slot is after `deadline`
        (a `time.monotonic()` value)."""
        ...


class LocalPacer:
    """In-process spacing (thread-safe)."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._next = 0.0

    def reserve(self, deadline: float) -> float:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            if start > deadline:
                raise UpstreamTimeout(too_late(start - now))
            self._next = start + self.interval
        return start - now


def too_late(wait: float) -> str:
    """The message for a politeness queue longer than the deadline."""
    return f"the next polite request slot is {wait:.1f} s away, past this request's deadline"
