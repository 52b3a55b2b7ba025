"""Fault modes and request counters of the fake Marketplace (both shared across handler threads)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

MODES = ("slow", "5xx", "truncated", "cp1251", "redirect_offhost", "huge", "down", "drip", "bomb", "charset")
GLOBAL = "*"


@dataclass
class Fault:
    """One fault. `times` > 0 makes it fire that many times and then disappear (for retry tests)."""

    mode: str
    delay: float = 2.0  # slow: seconds before answering
    status: int = 503  # 5xx
    size: int = 20 * 1024 * 1024  # huge: bytes streamed
    declare_length: bool = False  # huge: send Content-Length up front (else chunked, unknown size)
    times: int = 0
    # drip: `size` bytes, one every `delay` seconds (each far inside any read timeout);
    # bomb: `size` zero bytes gzip-compressed `layers` times, sent with the matching Content-Encoding;
    # charset: the page as ASCII (entities) with `Content-Type: text/html; charset=<charset>`.
    layers: int = 2
    charset: str = "punycode"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown fault mode {self.mode!r}; one of {', '.join(MODES)}")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        """Build from a control-API body, ignoring the routing key `path`."""
        allowed = {"mode", "delay", "status", "size", "declare_length", "times", "layers", "charset"}
        return cls(**{k: v for k, v in data.items() if k in allowed})


class FaultTable:
    """Faults keyed by exact path, by `path?query`, or `*` for every page. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}

    def set(self, path: str, fault: Fault) -> None:
        """Install (or replace) the fault for `path`."""
        with self._lock:
            self._faults[path] = fault

    def clear(self, path: str | None = None) -> None:
        """Remove one fault, or all of them."""
        with self._lock:
            if path is None:
                self._faults.clear()
            else:
                self._faults.pop(path, None)

    def take(self, path: str, query: str) -> Fault | None:
        """The fault that applies to this request (most specific key wins); counts down `times`."""
        with self._lock:
            for key in (f"{path}?{query}" if query else None, path, GLOBAL):
                if key is None or key not in self._faults:
                    continue
                fault = self._faults[key]
                if fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        del self._faults[key]
                return fault
            return None

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """A JSON-able copy for the control API."""
        with self._lock:
            return {k: asdict(v) for k, v in self._faults.items()}


class RequestStats:
    """Per-path request counters (path plus query, as requested), in-flight gauge, User-Agents. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self.user_agents: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.starts: list[tuple[float, str]] = []  # (time.monotonic(), target): politeness tests

    def begin(self, target: str, user_agent: str) -> None:
        """Count one request for `target` as it starts."""
        with self._lock:
            self._counts[target] += 1
            self.starts.append((time.monotonic(), target))
            self.user_agents[user_agent] += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def end(self) -> None:
        """The request finished (answered, failed or hung up)."""
        with self._lock:
            self.in_flight -= 1

    def count(self, prefix: str | None = None) -> int:
        """Requests whose target starts with `prefix` (all requests when None)."""
        with self._lock:
            return sum(n for k, n in self._counts.items() if prefix is None or k.startswith(prefix))

    def reset(self) -> None:
        """Forget every count."""
        with self._lock:
            self._counts.clear()
            self.starts.clear()
            self.user_agents.clear()
            self.max_in_flight = self.in_flight

    def snapshot(self) -> dict[str, Any]:
        """A JSON-able copy for the control API."""
        with self._lock:
            return {
                "total": sum(self._counts.values()),
                "paths": dict(self._counts),
                "max_in_flight": self.max_in_flight,
                "user_agents": dict(self.user_agents),
            }
