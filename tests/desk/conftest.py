from __future__ import annotations

import pytest

from newsdesk.accounts.models import Role
from tests.conftest import make_user


@pytest.fixture
def published(monkeypatch) -> list[tuple[str, dict]]:
    """What the desk sends to realtime (channel, message), instead of sending it."""
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: sent.append((channel, data)))
    return sent


@pytest.fixture
def anna(db):
    return make_user("anna", Role.EDITOR)
