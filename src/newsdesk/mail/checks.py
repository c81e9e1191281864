"""Catch a mail configuration that cannot work before the worker runs into it."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.utils.module_loading import import_string


@register()
def mail_settings_check(app_configs, **kwargs):
    problems = []
    if settings.MAIL_IN_DOUBT not in {"resend", "hold"}:
        problems.append(Error(f"MAIL_IN_DOUBT must be 'resend' or 'hold', not {settings.MAIL_IN_DOUBT!r}.",
                              id="newsdesk.mail.E001"))
    if settings.MAIL_DELIVERY_CHECK:
        try:
            import_string(settings.MAIL_DELIVERY_CHECK)
        except ImportError as exc:
            problems.append(Error(f"MAIL_DELIVERY_CHECK cannot be imported: {exc}", id="newsdesk.mail.E002"))
    if settings.EMAIL_USE_TLS and settings.EMAIL_USE_SSL:
        problems.append(Error("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other; set one.", id="newsdesk.mail.E003"))
    if settings.MAIL_LEASE_SECONDS < 3 * settings.EMAIL_TIMEOUT:
        problems.append(Warning(
            "MAIL_LEASE_SECONDS should be at least three times EMAIL_TIMEOUT, or a slow server lets another worker "
            "take over a batch that is still being sent.", id="newsdesk.mail.W001"))
    return problems
