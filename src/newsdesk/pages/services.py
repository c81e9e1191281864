"""Writes to the legal pages: sanitized text, never empty."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput
from newsdesk.core.html import html_to_text, sanitize_rich_text
from newsdesk.core.validation import clean_line
from newsdesk.pages.models import LegalPage, Page

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


PAGE_TITLE_MAX = 200


def page_save(*, page: Page) -> Page:
    """A new or changed simple page: one-line title, sanitized text, a free address (slug) made from the title."""
    from newsdesk.articles.services import german_slug

    page.title = clean_line(page.title, field="title", max_length=PAGE_TITLE_MAX, required=True)
    if len((page.body or "").encode()) > BODY_MAX_BYTES:
        raise InvalidInput(_("The text is too long: at most %(kb)d KB are allowed.") % {"kb": BODY_MAX_BYTES // 1024},
                           field="body")
    page.body = sanitize_rich_text(page.body or "")
    base = german_slug(page.slug or page.title, max_length=190) or "seite"
    slug, n = base, 1
    while Page.objects.filter(slug=slug).exclude(pk=page.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    page.slug = slug
    page.save()
    return page
