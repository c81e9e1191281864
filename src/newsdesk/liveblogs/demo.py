"""Loads the fictional demo newsblogs through the same services editors use (so events exist)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdesk.accounts.models import Role, User
from newsdesk.liveblogs import demo_content, services
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.media.demo import wave_illustration
from newsdesk.media.services import image_create


def _authors() -> dict[str, User]:
    authors = {}
    for spec in demo_content.AUTHORS:
        user, created = User.objects.get_or_create(
            username=spec["username"],
            defaults={"first_name": spec["first_name"], "last_name": spec["last_name"], "role": Role.EDITOR},
        )
        if created:
            user.set_unusable_password()  # bylines only; people log in with their own accounts
            user.save()
        authors[user.username] = user
    return authors


def _load_blog(spec: dict, entries: list[dict], *, seed: int, close: bool, authors: dict[str, User]) -> bool:
    if LiveBlog.objects.filter(slug=spec["slug"]).exists():
        return False
    now = timezone.now()
    first_author = authors[entries[0]["author"]]
    image = image_create(
        data=wave_illustration(seed=seed), filename=f"{spec['slug']}.jpg", alt_text=spec["image_alt"],
        caption=spec["image_caption"], credit=spec["image_credit"], uploaded_by=first_author,
    )
    blog = services.liveblog_create(title=spec["title"], teaser=spec["teaser"], author=first_author,
                                    lead_image=image, slug=spec["slug"])
    LiveBlog.objects.filter(pk=blog.pk).update(created_at=now - timedelta(minutes=entries[0]["minutes_ago"] + 5))
    for item in entries:
        author = authors[item["author"]]
        entry = services.entry_create(
            liveblog=blog, author=author, body=item["body"], headline=item["headline"],
            key_event=item["key_event"], pinned=item["pinned"],
            created_at=now - timedelta(minutes=item["minutes_ago"]),
        )
        if item.get("edited") and item.get("edited_body"):
            services.entry_update(entry=entry, editor=author, version=entry.version, body=item["edited_body"])
    if close:
        services.liveblog_set_status(liveblog=blog, editor=first_author, status=LiveBlog.Status.CLOSED)
    return True


@transaction.atomic
def load() -> list[str]:
    """Creates what is missing; returns the titles of the newsblogs it created."""
    authors = _authors()
    created = []
    if _load_blog(demo_content.CLOSED_LIVEBLOG, demo_content.CLOSED_ENTRIES, seed=7, close=True, authors=authors):
        created.append(demo_content.CLOSED_LIVEBLOG["title"])
    if _load_blog(demo_content.LIVEBLOG, demo_content.ENTRIES, seed=42, close=False, authors=authors):
        created.append(demo_content.LIVEBLOG["title"])
    return created
