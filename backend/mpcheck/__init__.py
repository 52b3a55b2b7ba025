"""mpcheck: judge a 1C-Bitrix Marketplace vendor and offer with a 9-step checklist."""

__version__ = "0.1.0"
