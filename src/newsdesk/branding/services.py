"""All writes of the site identity: checked here (admin and any other caller), then the page cache is cleared."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from newsdesk.branding import checks
from newsdesk.branding.models import SINGLETON_PK, SiteIdentity
from newsdesk.branding.selectors import forget
from newsdesk.core import freshness


def accent_error(colour: str) -> str | None:
    """The German message for an accent colour that cannot be used, or None."""
    problem = checks.accent_problem(colour)
    if problem is None:
        return None
    if problem == "format":
        return _("Enter the colour as # and six hexadecimal digits, for example #0b4f8a.")
    return _("This colour is too light: white text on it, and links in it on a white page, reach only "
             "%(ratio)s:1 contrast; at least 4.5:1 is needed (WCAG AA). Choose a darker shade.") % {
        "ratio": problem.replace(".", ",")}


_LOGO_MESSAGES = {
    "script": gettext_noop(
        "This SVG contains a script or an event handler and is refused. Export the logo again without scripts."),
    "external": gettext_noop(
        "This SVG loads something from another file or address and is refused. Embed everything in the file."),
    "doctype": gettext_noop("This SVG contains a DOCTYPE or entity declarations and is refused."),
    "unreadable": gettext_noop("The file could not be read as an SVG or PNG image."),
    "type": gettext_noop("Upload the logo as an SVG or PNG file."),
    "size": gettext_noop("The logo may be at most 1 MB."),
}
_ICON_MESSAGES = {
    "small": gettext_noop("The icon must be at least 512 × 512 pixels."),
    "type": gettext_noop("Upload the icon as a PNG, JPEG or WebP file."),
    "size": gettext_noop("The icon may be at most 10 MB."),
    "unreadable": gettext_noop("The icon could not be read as an image."),
}


def logo_error(data: bytes, filename: str) -> str | None:
    try:
        checks.logo_kind(data, filename)
    except ValueError as exc:
        return _(_LOGO_MESSAGES[str(exc)])
    return None


def icon_error(data: bytes) -> str | None:
    problem = checks.icon_problem(data)
    return _(_ICON_MESSAGES[problem]) if problem else None


def _read(field_file) -> bytes:
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    return data


def validate_identity(identity: SiteIdentity, *, changed_files: set[str] | frozenset[str] = frozenset()) -> None:
    """Raises ValidationError (German messages per field) for anything the site cannot show safely."""
    errors: dict[str, str] = {}
    message = accent_error(identity.accent_color)
    if message:
        errors["accent_color"] = message
    for name in ("logo_light", "logo_dark"):
        field_file = getattr(identity, name)
        if name in changed_files and field_file:
            message = logo_error(_read(field_file), field_file.name)
            if message:
                errors[name] = message
    if "favicon_source" in changed_files and identity.favicon_source:
        message = icon_error(_read(identity.favicon_source))
        if message:
            errors["favicon_source"] = message
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def identity_save(identity: SiteIdentity, *, changed_files: set[str] | frozenset[str] = frozenset()) -> SiteIdentity:
    """Saves the one identity row after the checks; every page shows the change at once (cache and shared caches)."""
    identity.pk = SINGLETON_PK
    validate_identity(identity, changed_files=changed_files)
    identity.save()
    changed()
    return identity


def changed() -> None:
    """The frame of every page changed (identity or sections): clear our cache, purge shared caches."""
    freshness.bump(freshness.SITE)
    transaction.on_commit(forget)
    forget()
