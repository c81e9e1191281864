"""Who sits at a newsblog's desk: its assigned editors (every editor when none is assigned), admins, and the
newsblog's contributors where the newsblog has them. Readers and anonymous visitors never do."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from newsdesk.accounts.models import Role
from newsdesk.core.errors import Forbidden
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.liveblogs.permissions import can_write


def _contributors(liveblog: LiveBlog):
    # The `contributors` field comes with the contributor role (issue 11, drafts part); before it exists,
    # nobody is a contributor.
    return getattr(liveblog, "contributors", None)


def is_desk_member(user, liveblog: LiveBlog) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if can_write(user, liveblog):
        return True
    contributors = _contributors(liveblog)
    return contributors is not None and contributors.filter(pk=user.pk).exists()


def ensure_desk_member(user, liveblog: LiveBlog) -> None:
    if not (user and user.is_authenticated):
        raise Forbidden(_("Please log in as an editor to use the desk of this newsblog."))
    if not is_desk_member(user, liveblog):
        raise Forbidden(_("Only the editors of this newsblog can use its desk."))


def desk_members(liveblog: LiveBlog) -> QuerySet:
    """Everybody who may sit at this newsblog's desk (for @mentions), in the same rule as is_desk_member."""
    users = get_user_model().objects.filter(is_active=True)
    admins = Q(role=Role.ADMIN)
    assigned = liveblog.editors.all()
    # No editors assigned: every editor may write here (liveblogs.permissions.can_write).
    editors = Q(pk__in=assigned.values("pk"), role=Role.EDITOR) if assigned.exists() else Q(role=Role.EDITOR)
    rule = admins | editors
    contributors = _contributors(liveblog)
    if contributors is not None:
        rule |= Q(pk__in=contributors.values("pk"))
    return users.filter(rule)
