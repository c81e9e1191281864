"""MAIL_DELIVERY_CHECK for the tests: asks the test SMTP server's ledger (its "log") for the Message-ID."""

from __future__ import annotations

import os
from pathlib import Path

LEDGER_ENV = "NEWSDESK_TEST_SMTP_LEDGER"


def delivered(message) -> bool | None:
    path = os.environ.get(LEDGER_ENV)
    if not path:
        return None
    try:
        return message.message_id in Path(path).read_text().split()
    except FileNotFoundError:
        return False
