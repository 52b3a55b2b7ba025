"""A throwaway self-signed certificate for `marketplace.1c-bitrix.ru`, made with the openssl CLI.

Browser e2e tests map the real host name onto the fake server (`--host-resolver-rules`) and pass
`--ignore-certificate-errors`; Python clients can trust `cert_path` explicitly.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import tempfile
from pathlib import Path

HOST = "marketplace.1c-bitrix.ru"


def make_cert(directory: Path | None = None, host: str = HOST) -> tuple[Path, Path]:
    """Create `cert.pem` and `key.pem` for `host` (CN and SAN) in `directory` (a new temp dir if None)."""
    if shutil.which("openssl") is None:
        raise RuntimeError("the openssl CLI is needed for --tls (apt-get install openssl)")
    out = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="fakemarket-tls-"))
    cert, key = out / "cert.pem", out / "key.pem"
    command = f"openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN={host}".split()
    command += ["-addext", f"subjectAltName=DNS:{host},IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(command, check=True, capture_output=True)
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    """Server-side TLS context around the generated pair."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx
