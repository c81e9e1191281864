"""Who may write to which newsblog. Checked by every service that writes, on that very newsblog."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import Forbidden
from newsdesk.liveblogs.models import Entry, LiveBlog


def can_create_liveblog(user) -> bool:
    return bool(user and user.is_authenticated and user.is_editor)


def can_write(user, liveblog: LiveBlog) -> bool:
    """An editor of this newsblog: publishes, approves, sees the whole desk."""
    if not can_create_liveblog(user):
        return False
    if user.is_site_admin:
        return True
    assigned = liveblog.editors.all()
    return not assigned.exists() or assigned.filter(pk=user.pk).exists()


def can_contribute(user, liveblog: LiveBlog) -> bool:
    """A contributor assigned to this newsblog: writes entries that wait for an editor's approval."""
    return bool(user and user.is_authenticated and getattr(user, "is_contributor", False)
                and liveblog.contributors.filter(pk=user.pk).exists())


def can_use_desk(user, liveblog: LiveBlog) -> bool:
    return can_write(user, liveblog) or can_contribute(user, liveblog)


def ensure_can_write(user, liveblog: LiveBlog) -> None:
    if not (user and user.is_authenticated):
        raise Forbidden(_("Please log in as an editor to write in this newsblog."))
    if not can_write(user, liveblog):
        raise Forbidden(_("You are not allowed to write in this newsblog."))


def ensure_can_compose(user, liveblog: LiveBlog) -> bool:
    """Editors and this newsblog's contributors may write entries; returns True for an editor."""
    if not (user and user.is_authenticated):
        raise Forbidden(_("Please log in as an editor to write in this newsblog."))
    if can_write(user, liveblog):
        return True
    if can_contribute(user, liveblog):
        return False
    raise Forbidden(_("You are not allowed to write in this newsblog."))


def ensure_can_touch(user, entry: Entry) -> bool:
    """Editors touch every entry; a contributor only their own, and only before it is published."""
    if ensure_can_compose(user, entry.liveblog):
        return True
    if entry.author_id != user.pk:
        raise Forbidden(_("Contributors can only change their own entries."))
    if entry.status == Entry.Status.PUBLISHED:
        raise Forbidden(_("This entry is published; only an editor can change it now."))
    return False
