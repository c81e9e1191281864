"""Every write to promo boxes (back office, demo loader, tests): checks, sanitized text, fresh pages.

A save bumps the freshness key of every slot the box was or now is in, inside the transaction: the pages that
show those slots get a new ETag at once and are purged from shared caches after commit (core.freshness).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from newsdesk.core import freshness
from newsdesk.core.errors import InvalidInput
from newsdesk.core.html import html_to_text, sanitize_short_text
from newsdesk.core.validation import clean_line
from newsdesk.promos import selectors
from newsdesk.promos.models import PromoBox, Slot, Style

TEXT_MAX_CHARS = 600  # of visible text: a box is a pointer, not an article
EVERY_N_MIN, EVERY_N_MAX = 2, 50
_SITE_PATH = re.compile(r"^/(?!/)[^\s\\]*$")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def clean_link(raw: str) -> str:
    """An https:// (or http://) address or a path on this site; anything else (javascript:, //host) is refused."""
    link = (raw or "").strip()
    if not link:
        raise InvalidInput(_("Enter the link the box leads to."), field="link_url")
    if not (_WEB_ADDRESS.match(link) or _SITE_PATH.match(link)):
        raise InvalidInput(_("Enter an address starting with https:// or a path on this site starting with /; "
                             "“%(value)s” is neither.") % {"value": link[:80]}, field="link_url")
    return link


def check(box: PromoBox) -> None:
    """Normalises and checks a box in place (also for the admin form); raises InvalidInput naming the field."""
    box.title = clean_line(box.title or "", field="title", max_length=120, required=True)
    box.link_label = clean_line(box.link_label or "", field="link_label", max_length=60)
    box.link_url = clean_link(box.link_url)
    box.text = sanitize_short_text(box.text or "")
    if len(html_to_text(box.text)) > TEXT_MAX_CHARS:
        raise InvalidInput(_("The text is too long for a box: at most %(max)d characters.")
                           % {"max": TEXT_MAX_CHARS}, field="text")
    if box.style not in Style.values:
        raise InvalidInput(_("Choose one of the colour styles."), field="style")
    slots = list(dict.fromkeys(box.slots or []))
    if not slots:
        raise InvalidInput(_("Choose at least one place where the box is shown."), field="slots")
    unknown = [s for s in slots if s not in Slot.values]
    if unknown:
        raise InvalidInput(_("Unknown place: %(slot)s.") % {"slot": ", ".join(map(str, unknown))}, field="slots")
    box.slots = slots
    if not (EVERY_N_MIN <= int(box.every_n_entries or 0) <= EVERY_N_MAX):
        raise InvalidInput(_("In newsblogs a box can follow every %(min)d to %(max)d entries.")
                           % {"min": EVERY_N_MIN, "max": EVERY_N_MAX}, field="every_n_entries")
    if box.starts_at is None:
        raise InvalidInput(_("From when is the box shown? Enter a date."), field="starts_at")
    if box.ends_at is not None and box.ends_at <= box.starts_at:
        raise InvalidInput(_("The box cannot end before it starts."), field="ends_at")


def _changed(slots: Iterable[str]) -> None:
    """Pages showing these slots are stale: bump their keys now, drop the schedule once committed."""
    freshness.bump(*(selectors.slot_key(slot) for slot in slots))
    selectors.forget_schedule()
    transaction.on_commit(selectors.forget_schedule)


@transaction.atomic
def promo_save(*, box: PromoBox, topics: Iterable | None = None) -> PromoBox:
    """Saves a new or changed box; `topics` (Topic objects or ids) replaces its topics when given."""
    check(box)
    before = set()
    if box.pk:
        before = set(PromoBox.objects.filter(pk=box.pk).values_list("slots", flat=True).first() or [])
    box.save()
    if topics is not None:
        box.topics.set(list(topics))
    _changed(before | set(box.slots))
    return box


def promo_create(*, topics: Iterable | None = None, **fields) -> PromoBox:
    return promo_save(box=PromoBox(**fields), topics=topics)


@transaction.atomic
def promo_topics_changed(*, box: PromoBox) -> None:
    """The admin saves many-to-many fields after the box itself: the pages must follow that too."""
    _changed(box.slots)


@transaction.atomic
def promo_delete(*, box: PromoBox) -> None:
    slots = list(box.slots or [])
    box.delete()
    _changed(slots)
