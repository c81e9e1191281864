"""The rules in force for one target: site settings with the target's overrides, closed or open right now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk.comments.models import CommentSettings, Mode, TargetCommentSettings


@dataclass(frozen=True)
class Rules:
    mode: str
    risk_threshold: float
    closed: bool
    closed_from: time | None
    closed_until: time | None
    trusted_auto_approve: bool
    trusted_min_approved: int
    require_email_confirmation: bool

    @property
    def post_moderation(self) -> bool:
        return self.mode == Mode.POST


def rules_for(target: models.Model) -> Rules:
    """Site settings, with what the target's own settings row fills in (empty fields inherit)."""
    site = CommentSettings.load()
    own = TargetCommentSettings.objects.filter(content_type=ContentType.objects.get_for_model(target),
                                               object_id=target.pk).first()
    hours = (site.closed_from, site.closed_until)
    if own is not None and own.closed_from is not None and own.closed_until is not None:
        hours = (own.closed_from, own.closed_until)
    return Rules(
        mode=(own.mode if own is not None and own.mode else site.mode),
        risk_threshold=(own.risk_threshold if own is not None and own.risk_threshold is not None
                        else site.risk_threshold),
        closed=site.closed or bool(own is not None and own.closed),
        closed_from=hours[0], closed_until=hours[1],
        trusted_auto_approve=site.trusted_auto_approve, trusted_min_approved=site.trusted_min_approved,
        require_email_confirmation=site.require_email_confirmation,
    )


def in_closing_hours(rules: Rules, now: datetime | None = None) -> bool:
    """Closing hours in the site's time zone; 23:00–06:00 wraps past midnight (start inclusive, end exclusive)."""
    start, end = rules.closed_from, rules.closed_until
    if start is None or end is None or start == end:
        return False
    local = timezone.localtime(now or timezone.now()).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end


def closed_message(rules: Rules, now: datetime | None = None) -> str:
    """Empty when comments are open; otherwise the German notice that replaces the form (and answers a POST)."""
    if rules.closed:
        return _("Comments are closed for this page.")
    if in_closing_hours(rules, now):
        return _("Comments are closed from %(start)s to %(end)s o'clock.") % {
            "start": rules.closed_from.strftime("%H:%M"), "end": rules.closed_until.strftime("%H:%M")}
    return ""
