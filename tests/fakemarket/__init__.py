"""Fake 1C-Bitrix Marketplace for tests, benches and demos (see server.py for the control API)."""

from tests.fakemarket.faults import MODES, Fault
from tests.fakemarket.server import FakeMarketplace

__all__ = ["MODES", "FakeMarketplace", "Fault"]
