"""Writes to the legal pages: sanitized text, never empty."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput
from newsdesk.core.html import html_to_text, sanitize_rich_text
from newsdesk.core.validation import clean_line
from newsdesk.pages.models import LegalPage

BODY_MAX_BYTES = 200 * 1024


def legal_page_save(*, page: LegalPage) -> LegalPage:
    page.title = clean_line(page.title, field="title", max_length=200, required=True)
    if len((page.body or "").encode()) > BODY_MAX_BYTES:
        raise InvalidInput(_("The text is too long: at most %(kb)d KB are allowed.") % {"kb": BODY_MAX_BYTES // 1024},
                           field="body")
    page.body = sanitize_rich_text(page.body or "")
    if not html_to_text(page.body):
        # An empty Impressum is a legal risk: refuse rather than publish a blank page.
        raise InvalidInput(_("This page must not be empty."), field="body")
    page.save()
    return page
