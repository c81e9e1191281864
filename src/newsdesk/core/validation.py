"""Checks shared by the services of several apps; they raise ServiceErrors naming the field."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput

# C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and lone UTF-16 surrogates (they
# are not Unicode text: encoding them fails, and PostgreSQL refuses NUL where SQLite would store it).
_FORBIDDEN_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why `value` is not acceptable text (a message a person understands), or None when it is."""
    match = _FORBIDDEN_CHARACTER.search(value)
    if match is None:
        return None
    character = match.group()
    if "\ud800" <= character <= "\udfff":
        return _("The text is not valid Unicode (it contains a lone surrogate, U+%(code)04X). "
                 "Please send it as UTF-8 text.") % {"code": ord(character)}
    return _("The text contains a control character (U+%(code)04X) that is not allowed. "
             "Only tabs and line breaks are allowed.") % {"code": ord(character)}


def check_text(value: object, *, field: str) -> None:
    """Raise InvalidInput (422) when a string holds characters no text field accepts; other values pass."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise InvalidInput(problem, field=field, errors={field: problem})


def validate_text(value: object) -> None:
    """The same rule as a Django validator for forms and model fields."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise ValidationError(problem, code="invalid_text")


def clean_line(raw: str, *, field: str, max_length: int, required: bool = False) -> str:
    if not isinstance(raw, str):
        raise InvalidInput(_("This field must be text."), field=field)
    check_text(raw, field=field)
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
