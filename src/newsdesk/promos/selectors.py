"""Which promo boxes a page shows, read with as few queries as a page can afford.

The boxes that have not ended yet are read once per change and kept in Django's cache under the slots' content
versions (one small query asks for them, as for the topic counts on the home page); a page render then picks its
slot's boxes in Python. Pages name `page_keys(...)` among their freshness keys:

- `promos.<slot>` per slot the page shows: bumped by every save or delete of a box in that slot (services), so
  the page's ETag changes at once and shared caches purge it after commit.
- `promos.at.<time>` for the time: the newest start or end of a box in those slots that has passed. When a box's
  start or end time passes, this key changes without any write, so the page's ETag changes; a shared cache asks
  again once the page's `s-maxage` is over and gets the new page. A box thus appears or disappears at most
  `s-maxage` after its time (plus `stale-while-revalidate` for the one request that triggers the refresh):
  60 s for articles, 30 s for the home page, 5 s for newsblogs by default. The times come from a small schedule
  kept SCHEDULE_SECONDS in the cache and dropped on every change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from newsdesk.core import freshness
from newsdesk.promos.models import PromoBox, Slot

BOX_CACHE_SECONDS = 300
SCHEDULE_KEY = "promos:schedule"
SCHEDULE_SECONDS = 30
# How many boxes a slot shows at most (the newsblog slot shows one per gap, in turn).
SLOT_LIMITS = {Slot.ARTICLE_END: 2, Slot.SIDEBAR: 3, Slot.HOME: 3, Slot.NEWSBLOG: 10}
_REQUEST_MEMO = "_newsdesk_promo_boxes"
_SHOWN = "_newsdesk_promos_shown"


@dataclass(frozen=True)
class Promo:
    """What a box renders from: plain data (and the image row), safe to keep in any cache."""

    id: int
    title: str
    text: str  # sanitized HTML (core.html.sanitize_short_text)
    link_url: str
    link_label: str
    image: object | None
    style: str
    sponsored: bool
    slots: tuple[str, ...]
    every_n_entries: int
    topic_ids: frozenset[int]
    starts_at: datetime
    ends_at: datetime | None
    position: int

    @property
    def external(self) -> bool:
        return not self.link_url.startswith("/")

    @property
    def rel(self) -> str:
        """Paid links are sponsored (search engines follow no advertising); outside links get noopener."""
        if self.sponsored:
            return "sponsored noopener"
        return "noopener" if self.external else ""

    def shows_at(self, now: datetime) -> bool:
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)


def slot_key(slot: str) -> str:
    return f"promos.{slot}"


ALL_SLOT_KEYS = [slot_key(slot) for slot in Slot.values]


def _not_ended(now: datetime):
    return PromoBox.objects.filter(active=True).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


def _load() -> list[Promo]:
    rows = _not_ended(timezone.now()).select_related("image").prefetch_related("topics")
    return [
        Promo(id=row.pk, title=row.title, text=row.text, link_url=row.link_url, link_label=row.link_label,
              image=row.image, style=row.style, sponsored=row.sponsored, slots=tuple(row.slots or ()),
              every_n_entries=row.every_n_entries, topic_ids=frozenset(t.pk for t in row.topics.all()),
              starts_at=row.starts_at, ends_at=row.ends_at, position=row.position)
        for row in rows
    ]


def _versions(request) -> str | None:
    """The promo slot versions the page's own validators were read with (core.freshness), or None."""
    found = freshness.request_token(request)
    if found is None:
        return None
    parts = [part for part in found[0].split(";") if part.startswith("promos.") and not part.startswith("promos.at.")]
    return ";".join(parts) or None


def current_boxes(request=None, slot: str | None = None) -> list[Promo]:
    """All boxes not ended yet (future ones too), read once per change of the slots' versions.

    A page that names the slot among its keys already read its version: no query here. Otherwise one small
    query asks for the versions of all slots. Memoized on the request for the page's other slots.
    """
    versions = _versions(request)
    memo = getattr(request, _REQUEST_MEMO, None) if request is not None else None
    if versions is None or (slot is not None and f"{slot_key(slot)}:" not in versions):
        if memo is not None and memo[0].startswith("all:"):
            return memo[1]  # read with all slots' versions earlier in this request
        token, changed = freshness.read(ALL_SLOT_KEYS)  # the exact time too: versions repeat after a reset
        versions = f"all:{token}:{changed.isoformat() if changed else ''}"
    if memo is not None and memo[0] == versions:
        return memo[1]
    # A database restored under a kept Redis cache may repeat version numbers: BOX_CACHE_SECONDS bounds that.
    boxes = cache.get_or_set(f"promos:boxes:{versions}", _load, BOX_CACHE_SECONDS)
    if request is not None:
        setattr(request, _REQUEST_MEMO, (versions, boxes))
    return boxes


def boxes_for(slot: str, *, topic_ids: Iterable[int] | None = None, request=None,
              now: datetime | None = None) -> list[Promo]:
    """The boxes shown in `slot` now: started, not ended; a box with topics only beside those topics."""
    now = now or timezone.now()
    topics = frozenset(topic_ids or ())
    chosen = [box for box in current_boxes(request, slot)
              if slot in box.slots and box.shows_at(now) and (not box.topic_ids or box.topic_ids & topics)]
    chosen.sort(key=lambda box: (box.position, -box.starts_at.timestamp(), box.id))
    if request is not None and slot != Slot.NEWSBLOG:
        # One page shows a box once: placed after the article text and in the sidebar, it stands in the first.
        shown = getattr(request, _SHOWN, None)
        if shown is None:
            shown = set()
            setattr(request, _SHOWN, shown)
        chosen = [box for box in chosen if box.id not in shown][: SLOT_LIMITS.get(slot, 3)]
        shown.update(box.id for box in chosen)
        return chosen
    return chosen[: SLOT_LIMITS.get(slot, 3)]


def _schedule() -> list[tuple[tuple[str, ...], datetime, datetime | None]]:
    found = cache.get(SCHEDULE_KEY)
    if found is None:
        since = timezone.now() - timedelta(days=1)
        found = [(tuple(slots or ()), starts, ends) for slots, starts, ends in
                 PromoBox.objects.filter(active=True).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=since))
                 .values_list("slots", "starts_at", "ends_at")]
        cache.set(SCHEDULE_KEY, found, SCHEDULE_SECONDS)
    return found


def forget_schedule() -> None:
    cache.delete(SCHEDULE_KEY)


def window_key(slots: Iterable[str], now: datetime | None = None) -> str:
    """A key naming the newest start or end time (of a box in these slots) that has passed."""
    now = now or timezone.now()
    wanted = set(slots)
    passed = [moment for box_slots, starts, ends in _schedule() if wanted & set(box_slots)
              for moment in (starts, ends) if moment is not None and moment <= now]
    return f"promos.at.{max(passed):%Y%m%d%H%M%S}" if passed else "promos.at.none"


def page_keys(*slots: str) -> list[str]:
    """The freshness keys of a page that shows these slots (see the module docstring)."""
    return [*(slot_key(slot) for slot in slots), window_key(slots)]
