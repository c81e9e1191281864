"""Template helpers of the newsblog desk."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def desk_age(moment: datetime | None) -> str:
    """'gerade eben' or 'vor 5 Minuten': how old a draft is, for the panels."""
    if moment is None:
        return ""
    if (timezone.now() - moment).total_seconds() < 60:
        return _("just now")
    return _("%(age)s ago") % {"age": timesince(moment)}
