"""Content-Encoding, decoded by hand with the size cap applied to the *decompressed* bytes.

httpx's own decoders inflate each network chunk in one call with no output limit, and chain stacked
codings: `Content-Encoding: gzip, gzip` turned a 1.8 KB answer into 1 GiB inside a single
`iter_bytes()` step, long before the cap could look at it. Here one coding at most is accepted (a real
web server never stacks them; stacking is only ever a bomb), and every `decompress` call is told how
many bytes are still allowed, so memory stays within the cap whatever the compression ratio.
"""

from __future__ import annotations

import zlib

from mpcheck.marketplace.errors import TooLarge, UpstreamError

# What we send as Accept-Encoding and accept back (brotli/zstd would need optional packages).
ACCEPT_ENCODING = "gzip, deflate"
_GZIP_WBITS = 16 + zlib.MAX_WBITS


class CappedDecoder:
    """Feed raw body chunks, get decoded bytes; raises TooLarge once more than `cap` would come out."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise UpstreamError(f"refused: stacked Content-Encoding {', '.join(codings)!s}")
        self.coding = codings[0] if codings else None
        if self.coding not in (None, "gzip", "x-gzip", "deflate"):
            raise UpstreamError(f"refused: unsupported Content-Encoding {self.coding!r}")
        self.cap = cap
        self.size = 0
        self._zlib: zlib._Decompress | None = None
        self._raw_deflate = False
        if self.coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(_GZIP_WBITS)
        elif self.coding == "deflate":
            self._zlib = zlib.decompressobj()  # zlib-wrapped per RFC; raw deflate handled on error

    def feed(self, raw: bytes) -> bytes:
        """Decode one raw chunk."""
        if self._zlib is None:
            return self._count(raw)
        room = self.cap - self.size
        try:
            out = self._zlib.decompress(raw, room + 1)
        except zlib.error:
            if self.coding != "deflate" or self._raw_deflate or self.size:
                raise UpstreamError("the Marketplace sent a corrupt compressed body") from None
            # Some servers send raw deflate without the zlib header (httpx retries the same way).
            self._raw_deflate = True
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self.feed(raw)
        if self._zlib.unconsumed_tail:  # stopped at room + 1 bytes with input left: over the cap
            raise TooLarge(f"decompressed response is over the {self.cap}-byte cap")
        return self._count(out)

    def flush(self) -> bytes:
        """Whatever the decompressor still holds at the end of the body."""
        if self._zlib is None:
            return b""
        return self._count(self._zlib.flush())

    def _count(self, out: bytes) -> bytes:
        self.size += len(out)
        if self.size > self.cap:
            raise TooLarge(f"response is over the {self.cap}-byte cap")
        return out
