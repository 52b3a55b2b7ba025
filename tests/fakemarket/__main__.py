"""`python -m tests.fakemarket --port 8801 [--tls] [--fixtures DIR]`: run the fake Marketplace for demos.

With --tls, map the real host onto it in Chromium:
`--host-resolver-rules="MAP marketplace.1c-bitrix.ru:443 127.0.0.1:<port>" --ignore-certificate-errors`.
"""

from __future__ import annotations

import argparse
import threading

from tests.fakemarket.server import FakeMarketplace


def main() -> None:
    """Parse arguments, serve until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m tests.fakemarket")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--tls", action="store_true", help="HTTPS with a throwaway cert for the real host name"
    )
    parser.add_argument("--fixtures", default=None, help="fixture dir (default tests/fixtures/marketplace)")
    args = parser.parse_args()
    fake = FakeMarketplace(args.fixtures, host=args.host, port=args.port, tls_mode=args.tls).start()
    print(f"fake Marketplace on {fake.base_url}  (fixtures: {fake.routes.fixture_dir})", flush=True)
    for code in sorted(fake.routes.solutions):
        print(f"  {fake.base_url}/solutions/{code}/")
    if fake.cert_path:
        print(f"  certificate: {fake.cert_path}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()


if __name__ == "__main__":
    main()
