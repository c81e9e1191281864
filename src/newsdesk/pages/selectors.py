from __future__ import annotations

from newsdesk.pages.defaults import DEFAULTS
from newsdesk.pages.models import LegalPage


def legal_page(kind: str) -> LegalPage:
    """The stored page; if a database lost its row, the default text (unsaved), so the footer link never 404s."""
    page = LegalPage.objects.filter(kind=kind).first()
    if page is None:
        page = LegalPage(kind=kind, **DEFAULTS[kind])
    return page
