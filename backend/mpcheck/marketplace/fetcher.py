"""Polite, SSRF-proof HTTP GET of Marketplace pages (httpx).

Every URL, including every redirect hop, passes `UrlPolicy.check` before a request is made. Requests
share one per-host semaphore (1-2 in flight) and a minimum spacing (a `Pacer`: per process, or on Redis
for the whole fleet), because the Marketplace is someone else's site with an undocumented feed; the
User-Agent says who we are.

Every `get` has a total deadline (SPEC §12, default 30 s) covering the wait for a fetch slot, the
politeness wait, retries, redirects and the body: connect/read timeouts alone let a server dripping a
byte a second hold a request for minutes. Bodies are decoded here (`decoding.CappedDecoder`) so the
size cap bounds the decompressed bytes.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from mpcheck import __version__
from mpcheck.marketplace.decoding import ACCEPT_ENCODING, CappedDecoder
from mpcheck.marketplace.errors import NotFound, TooLarge, UpstreamError, UpstreamTimeout
from mpcheck.marketplace.pacing import LocalPacer, Pacer
from mpcheck.marketplace.urls import PRODUCTION_URL, UrlPolicy

USER_AGENT = (
    f"mpcheck/{__version__} (buyer's vendor checklist for marketplace.1c-bitrix.ru; "
    "runs on the buyer's own machine; cached, at most one request per 2 s)"
)
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchSettings:
    """Knobs from app config (see `settings.fetch_settings`); tests shrink delays and timeouts."""

    base_url: str = PRODUCTION_URL
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.5  # first retry waits this long, then doubles
    backoff_max: float = 8.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 3
    concurrency: int = 2
    min_interval: float = 1.0  # seconds between request starts
    user_agent: str = USER_AGENT
    verify: bool | str = True  # True, False, or a CA file path (the fake Marketplace's cert)
    deadline: float = 30.0  # seconds for one `get`, everything included


@dataclass(frozen=True)
class Fetched:
    """A successful (2xx) response body."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    fetched_at: float  # epoch seconds
    attempts: int


class _Retryable(Exception):
    """Internal: a failure worth another attempt; `final` is raised when attempts run out."""

    def __init__(self, final: Exception, retry_after: float | None = None) -> None:
        super().__init__(str(final))
        self.final = final
        self.retry_after = retry_after


class Fetcher:
    """One per app; thread-safe. `transport` is for unit tests only, the main tests use real sockets."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        pacer: Pacer | None = None,
    ) -> None:
        self.settings = s = settings or FetchSettings()
        self.policy = UrlPolicy(s.base_url)
        self._sleep = sleep
        self._gate = threading.BoundedSemaphore(max(1, min(s.concurrency, 2)))
        self.pacer: Pacer = pacer or LocalPacer(s.min_interval)
        self._count_lock = threading.Lock()
        self.requests_sent = 0  # counted under _count_lock; /health shows it
        verify: bool | ssl.SSLContext = (
            s.verify if isinstance(s.verify, bool) else ssl.create_default_context(cafile=s.verify)
        )
        self._client = httpx.Client(
            transport=transport,
            verify=verify,
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            headers={"User-Agent": s.user_agent, "Accept-Language": "ru", "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,  # followed by hand so every hop is checked
            trust_env=False,  # an env proxy would make the socket go somewhere else
            limits=httpx.Limits(max_connections=s.concurrency, max_keepalive_connections=s.concurrency),
        )

    def close(self) -> None:
        """Close pooled connections."""
        self._client.close()

    def get(self, url: str | httpx.URL) -> Fetched:
        """GET `url` (absolute or a path on the base), following on-host redirects up to the hop limit."""
        text = str(url)
        target = self.policy.join(text) if text.startswith("/") else self.policy.check(text)
        deadline = time.monotonic() + self.settings.deadline
        for _hop in range(self.settings.max_redirects + 1):
            status, headers, body, attempts = self._with_retries(target, deadline)
            if status in _REDIRECTS:
                location = headers.get("location")
                if not location:
                    raise UpstreamError(f"redirect without Location from {target}", status)
                target = self.policy.check(target.join(location))  # Refused if the hop leaves the host
                continue
            if status == 404:
                raise NotFound(f"not found on the Marketplace: {target.path}")
            if status >= 400:
                raise UpstreamError(f"the Marketplace answered {status} for {target.path}", status)
            return Fetched(str(target), status, body, headers.get("content-type"), time.time(), attempts)
        raise UpstreamError(f"more than {self.settings.max_redirects} redirects from {url}")

    def _with_retries(self, url: httpx.URL, deadline: float) -> tuple[int, httpx.Headers, bytes, int]:
        s = self.settings
        for attempt in range(1, s.retries + 2):
            try:
                status, headers, body = self._once(url, deadline)
                if status >= 500:
                    raise _Retryable(
                        UpstreamError(f"the Marketplace answered {status}", status), _retry_after(headers)
                    )
                return status, headers, body, attempt
            except _Retryable as exc:
                if attempt > s.retries:
                    raise exc.final from None
                delay = min(s.backoff * 2 ** (attempt - 1), s.backoff_max)
                delay = min(exc.retry_after, s.backoff_max) if exc.retry_after is not None else delay
                if time.monotonic() + delay >= deadline:  # the retry could not finish in time anyway
                    raise exc.final from None
                self._sleep(delay)
        raise AssertionError("unreachable")

    def _once(self, url: httpx.URL, deadline: float) -> tuple[int, httpx.Headers, bytes]:
        if not self._gate.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise UpstreamTimeout(
                f"no Marketplace fetch slot came free within the {self.settings.deadline:g} s deadline"
            )
        try:
            self._sleep_for_slot(deadline)
            remaining = max(0.001, deadline - time.monotonic())
            s = self.settings
            # No single socket wait may outlast the deadline either.
            timeout = httpx.Timeout(min(s.read_timeout, remaining), connect=min(s.connect_timeout, remaining))
            try:
                with self._client.stream("GET", url, timeout=timeout) as response:
                    return response.status_code, response.headers, self._read_capped(response, deadline)
            except httpx.ConnectTimeout as exc:  # nothing reached the server: safe to retry
                raise _Retryable(UpstreamTimeout(f"connect timeout to the Marketplace ({exc})")) from None
            except httpx.TimeoutException as exc:  # a slow server is not retried: it would only get slower
                raise UpstreamTimeout(
                    f"the Marketplace did not answer in time ({type(exc).__name__})"
                ) from None
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                raise _Retryable(UpstreamError(f"connection to the Marketplace failed ({exc})")) from None
            except httpx.HTTPError as exc:
                raise UpstreamError(f"HTTP error talking to the Marketplace ({exc})") from None
        finally:
            self._gate.release()

    def _read_capped(self, response: httpx.Response, deadline: float) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise TooLarge(f"response declares {declared} bytes, cap is {cap}")
        if response.is_stream_consumed:  # a unit test's MockTransport answer: already in memory
            decoder, raws = CappedDecoder(None, cap), iter([response.content])
        else:
            decoder = CappedDecoder(response.headers.get("content-encoding"), cap)
            # Raw bytes: httpx's decoders would inflate a whole chunk (and stacked codings) uncapped.
            raws = response.iter_raw()
        chunks = []
        for raw in raws:
            chunks.append(decoder.feed(raw))
            if time.monotonic() > deadline:
                raise UpstreamTimeout(
                    f"the Marketplace did not send the page within the {self.settings.deadline:g} s deadline"
                )
        chunks.append(decoder.flush())
        return b"".join(chunks)

    def _sleep_for_slot(self, deadline: float) -> None:
        """Reserve the next polite start time (per process or fleet-wide), then sleep outside locks."""
        wait = self.pacer.reserve(deadline)
        with self._count_lock:
            self.requests_sent += 1
        if wait > 0:
            self._sleep(wait)


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after", "")
    return float(value) if value.isdigit() else None
