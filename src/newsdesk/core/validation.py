"""Checks shared by the services of several apps; they raise ServiceErrors naming the field."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput


def clean_line(raw: str, *, field: str, max_length: int, required: bool = False) -> str:
    if not isinstance(raw, str):
        raise InvalidInput(_("This field must be text."), field=field)
    value = " ".join(raw.split())
    if required and not value:
        raise InvalidInput(_("This field is required."), field=field)
    if len(value) > max_length:
        raise InvalidInput(
            _("At most %(max)d characters are allowed here.") % {"max": max_length}, field=field
        )
    return value
