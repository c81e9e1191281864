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


def whole_number(value: str | None, *, max_digits: int = 18) -> int | None:
    """A non-negative whole number from a URL or form, or None.

    `str.isdigit()` alone is not enough: "²" and other Unicode digits pass it and then break `int()` (a 500), and a
    very long number overflows database integers.
    """
    if not value or len(value) > max_digits or not (value.isascii() and value.isdigit()):
        return None
    return int(value)
