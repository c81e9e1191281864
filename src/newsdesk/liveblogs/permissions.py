"""Who may write to which newsblog. Checked by every service that writes, on that very newsblog."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import Forbidden
from newsdesk.liveblogs.models import LiveBlog


def can_create_liveblog(user) -> bool:
    return bool(user and user.is_authenticated and user.is_editor)


def can_write(user, liveblog: LiveBlog) -> bool:
    if not can_create_liveblog(user):
        return False
    if user.is_site_admin:
        return True
    assigned = liveblog.editors.all()
    return not assigned.exists() or assigned.filter(pk=user.pk).exists()


def ensure_can_write(user, liveblog: LiveBlog) -> None:
    if not (user and user.is_authenticated):
        raise Forbidden(_("Please log in as an editor to write in this newsblog."))
    if not can_write(user, liveblog):
        raise Forbidden(_("You are not allowed to write in this newsblog."))
